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
	fs := newFlags("bench", "[--n N] [--seed S] [--window W] [--format text|json]\n"+
		"       parallax bench --write-jsonl FILE [--n N] [--from K] [--seed S]\n"+
		"       parallax bench --compare N [--outlets K] [--runs R] [--format text|json]\n"+
		"       parallax bench --distributed --db postgres://… [flags]\n"+
		"       parallax bench --serve URL [--rate R] [--duration D] [--outstanding N] [--timeout D] [--pid PID] [--format text|json]", stdio)
	n := fs.Int("n", 200_000, "articles in the generated stream")
	seed := fs.Int64("seed", 1, "generator seed")
	window := fs.Int("window", 10_000, "articles per timing window (first and last are compared)")
	format := formatFlag(fs, "text", "text", "json")
	jsonl := fs.String("write-jsonl", "", "write the generated articles as JSONL to this file (- for stdout) for parallax ingest, instead of clustering them")
	from := fs.Int("from", 0, "with --write-jsonl: skip the stream's first K articles")
	compareN := fs.Int("compare", 0, "time the comparison of one generated story of this many articles instead of clustering")
	outlets := fs.Int("outlets", 40, "with --compare: outlets writing the story (at most 40)")
	runs := fs.Int("runs", 3, "with --compare: builds to time")
	load := loadConfig{}
	fs.StringVar(&load.Base, "serve", "", "load a running parallax serve at this URL with a fixed mix of pages and API calls")
	fs.Float64Var(&load.Rate, "rate", 200, "with --serve: requests started per second (open loop)")
	fs.DurationVar(&load.Duration, "duration", 60*time.Second, "with --serve: how long to start requests")
	fs.IntVar(&load.Outstanding, "outstanding", 1000, "with --serve: most requests in flight; past it a request is counted as not sent")
	fs.DurationVar(&load.Timeout, "timeout", 30*time.Second, "with --serve: per request")
	fs.IntVar(&load.PID, "pid", 0, "with --serve: the server's process ID, to report its peak RSS (VmHWM)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *compareN > 0:
		if *runs <= 0 || *outlets <= 0 {
			return fmt.Errorf("%w: want --runs and --outlets > 0", ErrUsage)
		}
		rep, err := benchCompare(ctx, *compareN, *outlets, *runs)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(stdio.Out, rep)
		}
		writeCompareBench(stdio.Out, rep)
		return nil
	case load.Base != "":
		load.Seed = uint64(*seed)
		return benchServe(ctx, load, *format, stdio)
	case *jsonl != "":
		if *n <= 0 || *from < 0 || *from >= *n {
			return fmt.Errorf("%w: want 0 <= --from < --n", ErrUsage)
		}
		written, err := writeGenJSONL(ctx, *jsonl, *seed, *from, *n, stdio.Out)
		if err == nil && *jsonl != "-" {
			fmt.Fprintf(stdio.Err, "wrote %d generated articles (%d to %d of seed %d) to %s\n", written, *from+1, *n, *seed, *jsonl)
		}
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

// benchServe runs the serving benchmark and prints what it measured.
func benchServe(ctx context.Context, cfg loadConfig, format string, stdio Stdio) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	rep, err := runLoad(ctx, cfg)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(stdio.Out, rep)
	}
	writeLoadText(stdio.Out, rep)
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
