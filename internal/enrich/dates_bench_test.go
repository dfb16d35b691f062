package enrich

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

// datesBenchArticle reads the fictional ~1,000-word article in testdata: the
// first line is the headline, the rest the body.
func datesBenchArticle(tb testing.TB) model.Article {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "dates", "bench_article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	return model.Article{Title: title, Published: "2025-05-11T18:00:00Z", Body: strings.TrimSpace(body)}
}

func BenchmarkDates(b *testing.B) {
	a := datesBenchArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		Dates(a)
	}
}

// BenchmarkDatesInferred measures the undated path (reference inferred).
func BenchmarkDatesInferred(b *testing.B) {
	a := datesBenchArticle(b)
	a.Published = ""
	b.ReportAllocs()
	for b.Loop() {
		Dates(a)
	}
}
