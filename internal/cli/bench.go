package cli

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strconv"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/eval"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// benchReport is what `parallax bench` measures over a generated stream.
type benchReport struct {
	Articles        int     `json:"articles"`
	Seed            int64   `json:"seed"`
	PerSecond       float64 `json:"articles_per_second"`
	FirstWindowUS   float64 `json:"us_per_article_first_window"`
	LastWindowUS    float64 `json:"us_per_article_last_window"`
	Window          int     `json:"window"`
	Ratio           float64 `json:"last_to_first_ratio"`
	PeakHeapMB      float64 `json:"peak_heap_mb"`
	Stories         int     `json:"stories"`
	B3F1            float64 `json:"b3_f1"`
	DuplicatesFound int     `json:"duplicates_found"`
	DuplicatesTrue  int     `json:"duplicates_true"`
}

func runBench(ctx context.Context, args []string, stdio Stdio) error {
	if slices.Contains(args, "--distributed") || slices.Contains(args, "-distributed") {
		return runDistBench(ctx, args, stdio)
	}
	fs := newFlags("bench", "[--n N] [--seed S] [--window W] [--format text|json] | --distributed --db postgres://… [flags]", stdio)
	n := fs.Int("n", 200_000, "articles in the generated stream")
	seed := fs.Int64("seed", 1, "generator seed")
	window := fs.Int("window", 10_000, "articles per timing window (first and last are compared)")
	format := formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n <= 0 || *window <= 0 || *window > *n {
		return fmt.Errorf("%w: want 0 < --window <= --n", ErrUsage)
	}
	rep, err := benchCluster(ctx, *n, *seed, *window)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdio.Out, rep)
	}
	fmt.Fprintf(stdio.Out, "clustered %d generated articles (seed %d) into %d stories\n", rep.Articles, rep.Seed, rep.Stories)
	fmt.Fprintf(stdio.Out, "throughput        %.0f articles/s (one goroutine; generation not timed)\n", rep.PerSecond)
	fmt.Fprintf(stdio.Out, "time per article  %.1f µs over the first %d, %.1f µs over the last %d: ratio %.2f\n",
		rep.FirstWindowUS, rep.Window, rep.LastWindowUS, rep.Window, rep.Ratio)
	fmt.Fprintf(stdio.Out, "peak heap         %.0f MB\n", rep.PeakHeapMB)
	fmt.Fprintf(stdio.Out, "stories B³ F1     %.4f; near-duplicates found %d of %d\n", rep.B3F1, rep.DuplicatesFound, rep.DuplicatesTrue)
	return nil
}

// benchCluster feeds the stream to one clusterer in chunks, timing only
// Assign, and samples the heap between chunks.
func benchCluster(ctx context.Context, n int, seed int64, window int) (benchReport, error) {
	const chunk = 2000
	rep := benchReport{Articles: n, Seed: seed, Window: window}
	c := cluster.New(cluster.DefaultConfig())
	next, stop := iter.Pull2(gen.Stream(seed, n))
	defer stop()
	gold, pred := map[string]string{}, map[string]string{}
	var total, first, last time.Duration
	var ms runtime.MemStats
	buf := make([]model.Article, 0, chunk)
	labels := make([]gen.Label, 0, chunk)
	done := 0
	for done < n {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		buf, labels = buf[:0], labels[:0]
		for len(buf) < chunk {
			a, l, ok := next()
			if !ok {
				break
			}
			buf, labels = append(buf, a), append(labels, l)
		}
		if len(buf) == 0 {
			break
		}
		for i, a := range buf {
			t0 := time.Now()
			as := c.Assign(a)
			d := time.Since(t0)
			total += d
			if done < window {
				first += d
			}
			if done >= n-window {
				last += d
			}
			done++
			key := strconv.FormatInt(a.ID, 10)
			gold[key], pred[key] = strconv.FormatInt(labels[i].Story, 10), strconv.FormatInt(as.StoryID, 10)
			if labels[i].DuplicateOf != 0 {
				rep.DuplicatesTrue++
				if as.DuplicateOf != 0 {
					rep.DuplicatesFound++
				}
			}
		}
		runtime.ReadMemStats(&ms)
		rep.PeakHeapMB = max(rep.PeakHeapMB, float64(ms.HeapAlloc)/(1<<20))
	}
	rep.Articles = done
	rep.PerSecond = float64(done) / total.Seconds()
	rep.FirstWindowUS = float64(first.Microseconds()) / float64(window)
	rep.LastWindowUS = float64(last.Microseconds()) / float64(window)
	rep.Ratio = rep.LastWindowUS / rep.FirstWindowUS
	rep.Stories = len(c.Stories())
	_, _, rep.B3F1 = eval.B3(pred, gold)
	return rep, nil
}
