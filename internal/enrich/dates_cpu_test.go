//go:build linux

package enrich

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU returns the CPU time the calling OS thread has used. On a
// shared, loaded machine it measures the work itself, where wall-clock
// benchmarks also count time spent waiting for a core.
func threadCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD (Linux)
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		t.Skipf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestEnrichCPUTime logs the CPU time Dates and Figures take on the
// benchmark article; it asserts nothing (no wall-clock limits in tests).
func TestEnrichCPUTime(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("CPU timing needs Linux and a full run")
	}
	a := datesBenchArticle(t)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const n = 300
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"Dates", func() { Dates(a) }},
		{"Figures", func() { Figures(a) }},
	} {
		c.run()
		start := threadCPU(t)
		for range n {
			c.run()
		}
		t.Logf("%s: %v CPU per article", c.name, (threadCPU(t)-start)/n)
	}
}
