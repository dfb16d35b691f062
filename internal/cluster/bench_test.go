package cluster

import (
	"fmt"
	"iter"
	"runtime"
	"testing"
	"time"

	"parallax/internal/cputime"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// BenchmarkAssign feeds a generated stream (300 articles a day, so 10,000
// articles is a month and 200,000 nearly two years) through one clusterer.
// Generation runs with the timer stopped, in chunks, so memory holds one
// chunk of text, not the stream. Reported: ns/article and articles/s, the
// peak heap sampled between chunks, and the heap still live at the end.
// Run the large size once: go test -run '^$' -bench 'Assign/n=200000' -benchtime 1x
func BenchmarkAssign(b *testing.B) {
	for _, n := range []int{10_000, 200_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchAssign(b, n) })
	}
}

const benchChunk = 2000

func benchAssign(b *testing.B, n int) {
	var peak, live uint64
	var cpu time.Duration
	var ms runtime.MemStats
	for range b.N {
		b.StopTimer()
		runtime.GC()
		c := New(DefaultConfig())
		next, stop := iter.Pull2(gen.Stream(1, n))
		chunk := make([]model.Article, 0, benchChunk)
		for done := false; !done; {
			chunk = chunk[:0]
			for len(chunk) < benchChunk {
				a, _, ok := next()
				if !ok {
					done = true
					break
				}
				chunk = append(chunk, a)
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			t0 := cputime.Process()
			b.StartTimer()
			for _, a := range chunk {
				c.Assign(a)
			}
			b.StopTimer()
			cpu += cputime.Process() - t0
		}
		stop()
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		live = ms.HeapAlloc
		runtime.KeepAlive(c)
		b.StartTimer()
	}
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*n)
	b.ReportMetric(ns, "ns/article")
	// CPU time of the process while assigning (GC included): on a machine
	// shared with other jobs, wall time measures the load more than the code.
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/article")
	b.ReportMetric(1e9/ns, "articles/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(live)/(1<<20), "live-heap-MB")
	b.ReportMetric(0, "ns/op")
}
