package cluster

import "testing"

// BenchmarkBasilPartition is the cost per real article (BASIL bodies are
// 600 words on average, twice the generated ones).
func BenchmarkBasilPartition(b *testing.B) {
	arts, _ := loadBasil(b)
	for b.Loop() {
		Partition(DefaultConfig(), arts, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}
