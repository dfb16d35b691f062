package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/cputime"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// Large stories for measuring how a comparison grows with the story
// (issue 16): one generated story of many outlets with quotations
// (gen.OneStory), and BASIL's real articles repeated with variations.

// largeSizes are the story sizes the growth benchmarks build.
var largeSizes = []int{24, 50, 200, 800}

// largeOutlets is how many outlets write a large story.
const largeOutlets = 40

// genStories caches enriched generated stories by size: enriching takes
// longer than comparing.
var genStories = struct {
	sync.Mutex
	m map[int][]model.Article
}{m: map[int][]model.Article{}}

// largeGenStory is the first n articles of one generated story, enriched.
func largeGenStory(n int) []model.Article {
	genStories.Lock()
	defer genStories.Unlock()
	if arts, ok := genStories.m[n]; ok {
		return arts
	}
	arts := gen.OneStory(16, n, largeOutlets)
	enrichAll(arts)
	genStories.m[n] = arts
	return arts
}

func enrichAll(arts []model.Article) {
	for i := range arts {
		e := enrichArticle(arts[i])
		arts[i].Enrichment = &e
	}
}

// basilLarge caches the BASIL events, loaded and enriched once.
var basilLarge struct {
	once    sync.Once
	stories []basilStory
}

// largeBasilStory repeats BASIL's articles as one story of n: the story
// moves through BASIL's events in file order, perEvent articles each (as a
// long story moves through developments), and every article is one of the
// event's real articles under one of many outlet names, with some later
// paragraphs dropped and now and then another outlet's lead added, as
// rewrites and updates differ.
func largeBasilStory(tb testing.TB, n int) []model.Article {
	basilLarge.once.Do(func() { basilLarge.stories = loadBasil(tb) })
	events := basilLarge.stories
	if len(events) == 0 {
		tb.Skip("BASIL not available")
	}
	const perEvent = 40
	rng := rand.New(rand.NewPCG(16, 16))
	out := make([]model.Article, 0, n)
	for i := range n {
		ev := events[i/perEvent%len(events)].arts
		base := ev[rng.IntN(len(ev))]
		a := varied(base, ev, rng)
		a.ID = int64(i + 1)
		a.Outlet = fmt.Sprintf("%s %d", base.Outlet, rng.IntN(largeOutlets/3))
		out = append(out, a)
	}
	enrichAll(out)
	return out
}

// varied rewrites an article: each paragraph after the first kept with
// probability 3/4, another article's lead appended one time in four.
func varied(a model.Article, siblings []model.Article, rng *rand.Rand) model.Article {
	paras := a.Paragraphs()
	kept := paras[:1:1]
	for _, p := range paras[1:] {
		if rng.IntN(4) > 0 {
			kept = append(kept, p)
		}
	}
	if rng.IntN(4) == 0 {
		other := siblings[rng.IntN(len(siblings))].Paragraphs()
		kept = append(kept, other[0])
	}
	a.Body = model.JoinParagraphs(kept)
	a.Enrichment = nil
	return a
}

// BenchmarkBuildLarge builds the whole report of one story of 50, 200 and
// 800 articles, generated and from BASIL; ns/op divided by n is the cost
// per article:
//
//	go test ./internal/compare -run '^$' -bench BuildLarge -benchtime 3x -count 3 -cpu 1
func BenchmarkBuildLarge(b *testing.B) {
	for _, src := range []string{"gen", "basil"} {
		for _, n := range largeSizes {
			b.Run(fmt.Sprintf("%s/n=%d", src, n), func(b *testing.B) {
				arts := largeStory(b, src, n)
				b.ResetTimer()
				cpu := cputime.Process()
				for b.Loop() {
					Build(model.Story{ID: 1}, arts)
				}
				reportCPU(b, cputime.Process()-cpu, n)
			})
		}
	}
}

// reportCPU reports CPU milliseconds per build and per article.
func reportCPU(b *testing.B, cpu time.Duration, n int) {
	perOp := float64(cpu.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(perOp, "cpu-ms/op")
	b.ReportMetric(perOp/float64(n), "cpu-ms/article")
}

func largeStory(tb testing.TB, src string, n int) []model.Article {
	if src == "basil" {
		return largeBasilStory(tb, n)
	}
	return largeGenStory(n)
}

// TestLargeStoryShape checks that the benchmark's stories are what they
// claim: one story, many outlets, quotations that several articles carry.
func TestLargeStoryShape(t *testing.T) {
	arts := largeGenStory(120)
	outlets := make(map[string]bool)
	quotes := 0
	for _, a := range arts {
		outlets[a.Outlet] = true
		quotes += len(a.Enrichment.Quotes)
		if !strings.Contains(a.Body, "“") {
			t.Fatalf("article %d quotes no one", a.ID)
		}
	}
	if len(outlets) < 30 || quotes < len(arts) {
		t.Fatalf("%d outlets, %d quotations in %d articles", len(outlets), quotes, len(arts))
	}
	r := Build(model.Story{ID: 1}, arts)
	if len(r.Quotes) == 0 || len(r.Claims) == 0 {
		t.Fatalf("report has %d quote groups, %d claims", len(r.Quotes), len(r.Claims))
	}
}

// BenchmarkSelectLarge is what an article joining a large story costs
// when the choice of compared articles stays as it was: choosing again
// from every member (the pipeline then finds the report current).
//
//	go test ./internal/compare -run '^$' -bench SelectLarge -count 3 -cpu 1
func BenchmarkSelectLarge(b *testing.B) {
	for _, n := range largeSizes {
		b.Run(fmt.Sprintf("gen/n=%d", n), func(b *testing.B) {
			arts := gen.OneStory(16, n, largeOutlets)
			b.ResetTimer()
			cpu := cputime.Process()
			for b.Loop() {
				Select(arts, nil)
			}
			reportCPU(b, cputime.Process()-cpu, n)
		})
	}
}
