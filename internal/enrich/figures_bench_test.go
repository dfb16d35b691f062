package enrich

import "testing"

func BenchmarkFigures(b *testing.B) {
	a := datesBenchArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		Figures(a)
	}
}
