package enrich

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

// fixtureArticle reads a fictional article from testdata: the first line is
// the headline, the rest the body.
func fixtureArticle(tb testing.TB, name string) model.Article {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	title, body, _ := strings.Cut(string(raw), "\n")
	return model.Article{Title: title, Published: "2025-05-11T18:00:00Z", Body: strings.TrimSpace(body)}
}

// BenchmarkArticle enriches a fictional ~1,000-word article; the budget is
// 5 ms per article on one core.
func BenchmarkArticle(b *testing.B) {
	a := fixtureArticle(b, "article_bench.txt")
	b.ReportAllocs()
	for b.Loop() {
		Article(a)
	}
}
