package compare

import (
	"sync"
	"testing"

	"parallax/internal/gen"
	"parallax/internal/model"
)

// generatedStory gathers n generated articles of one story: the stream's
// largest stories are cut to n, with synthetic enrichment left nil (gen
// makes none), so the benchmark measures compare itself.
func generatedStory(n int) []model.Article {
	by := make(map[int64][]model.Article)
	var biggest int64
	for a, l := range gen.Stream(1, 20000) {
		by[l.Story] = append(by[l.Story], a)
		if len(by[l.Story]) > len(by[biggest]) {
			biggest = l.Story
		}
	}
	arts := by[biggest]
	// Too few in one story: pad with the storyline's next stories' articles.
	for s := range by {
		if len(arts) >= n {
			break
		}
		if s != biggest {
			arts = append(arts, by[s]...)
		}
	}
	return arts[:n]
}

// benchStory is generated once per test binary: generating takes longer
// than comparing.
var benchStory = sync.OnceValue(func() []model.Article {
	arts := generatedStory(50)
	for i := range arts {
		e := enrichArticle(arts[i])
		arts[i].Enrichment = &e
	}
	return arts
})

// BenchmarkBuild builds the report of a 50-article story.
//
//	go test ./internal/compare -run '^$' -bench Build -count 5
func BenchmarkBuild(b *testing.B) {
	arts := benchStory()
	b.ReportAllocs()
	for b.Loop() {
		Build(model.Story{ID: 1}, arts)
	}
}
