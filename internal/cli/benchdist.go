package cli

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// distBenchReport is what `parallax bench --distributed` measures: the
// same generated stream through 1, 2, 4… worker processes and one story
// writer, each run on a fresh schema and a fresh NATS server.
type distBenchReport struct {
	Articles int   `json:"articles"`
	Paced    int   `json:"paced_articles"`
	Seed     int64 `json:"seed"`
	CPUs     int   `json:"cpus"`
	// WorkerCPUs are the CPUs workers were pinned to (taskset), round
	// robin; none when they were not.
	WorkerCPUs []int              `json:"worker_cpus,omitempty"`
	Runs       []distBenchRun     `json:"runs"`
	Ratios     map[string]float64 `json:"worker_throughput_ratios"` // "2/1": runs[2].WorkerPerSec / runs[1]
	LoadAvg    string             `json:"load_average_before"`
}

type distBenchFlags struct {
	n, paced    int
	seed        int64
	workers     []int
	workerCPUs  []int
	keep        bool
	writerAfter bool // start the story writer once the workers have stored the backlog
	reportEvery time.Duration
	db, format  string
}

func parseDistBench(fs *flag.FlagSet, args []string) (distBenchFlags, error) {
	var f distBenchFlags
	fs.IntVar(&f.n, "n", 20_000, "articles in the backlog each run works through")
	fs.IntVar(&f.paced, "paced", 0, "articles published afterwards at half the measured rate, for latency (default n/5)")
	fs.Int64Var(&f.seed, "seed", 1, "generator seed")
	list := fs.String("workers", "1,2,4", "worker processes per run, comma-separated")
	cpus := fs.String("worker-cpus", "", "pin the workers to these CPUs, one each in turn (taskset -c), e.g. 0,1,2,3; start the bench itself (and PostgreSQL) on the others")
	fs.BoolVar(&f.keep, "keep", false, "keep each run's PostgreSQL schema (named in the output)")
	fs.BoolVar(&f.writerAfter, "writer-after", false, "start the story writer only when the workers have stored the backlog, so the workers' scaling is measured without the writer sharing their CPUs (on a machine with as many cores as workers)")
	fs.DurationVar(&f.reportEvery, "report-every", time.Minute, "the story writer's --report-every")
	fs.Bool("distributed", true, "")
	db := dbFlag(fs)
	format := formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return f, err
	}
	f.db, f.format = dbPath(*db), *format
	if f.paced == 0 {
		f.paced = f.n / 5
	}
	var err error
	if f.workers, err = intList(*list, 1); err != nil {
		return f, fmt.Errorf("%w: --workers %q: want numbers of workers like 1,2,4", ErrUsage, *list)
	}
	if *cpus != "" {
		if f.workerCPUs, err = intList(*cpus, 0); err != nil {
			return f, fmt.Errorf("%w: --worker-cpus %q: want CPU numbers like 0,1", ErrUsage, *cpus)
		}
	}
	if f.n < 100 || !isPostgresURL(f.db) {
		return f, fmt.Errorf("%w: bench --distributed needs --n >= 100 and --db postgres://… (each run makes a schema of its own there)", ErrUsage)
	}
	return f, nil
}

// intList reads comma-separated integers of at least least.
func intList(s string, least int) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < least {
			return nil, fmt.Errorf("bad number %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// runDistBench runs the stream once per worker count.
func runDistBench(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("bench --distributed", "--db postgres://… [--n N] [--workers 1,2,4] [--worker-cpus 0,1] [--seed S] [--format text|json]", stdio)
	f, err := parseDistBench(fs, args)
	if err != nil {
		return err
	}
	rep := distBenchReport{Articles: f.n, Paced: f.paced, Seed: f.seed, CPUs: runtime.NumCPU(), WorkerCPUs: f.workerCPUs,
		Ratios: map[string]float64{}, LoadAvg: loadAverage()}
	for _, w := range f.workers {
		fmt.Fprintf(stdio.Err, "run with %d worker(s)…\n", w)
		r, err := distBenchRunOnce(ctx, f, w, stdio)
		if err != nil {
			return fmt.Errorf("run with %d workers: %w", w, err)
		}
		rep.Runs = append(rep.Runs, r)
	}
	for _, r := range rep.Runs {
		if base := rep.Runs[0]; r.Workers != base.Workers && base.WorkerPerSec > 0 {
			rep.Ratios[fmt.Sprintf("%d/%d", r.Workers, base.Workers)] = r.WorkerPerSec / base.WorkerPerSec
		}
	}
	if f.format == "json" {
		return writeJSON(stdio.Out, rep)
	}
	printDistBench(stdio, rep)
	return nil
}

// loadAverage is /proc/loadavg's first three fields ("" elsewhere).
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// benchSchema makes a fresh schema for one run and returns the store URL
// that works in it, and how to drop it.
func benchSchema(ctx context.Context, db string, keep bool) (string, func(), error) {
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		return "", nil, fmt.Errorf("bench schema: %w", err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("pxbench_%d_%d", os.Getpid(), rand.IntN(1e6))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("bench schema: %w", err)
	}
	u, err := url.Parse(db)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop := func() {
		if keep {
			return
		}
		if c, err := pgx.Connect(context.Background(), db); err == nil {
			c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			c.Close(context.Background())
		}
	}
	return u.String(), drop, nil
}

func printDistBench(stdio Stdio, rep distBenchReport) {
	w := stdio.Out
	fmt.Fprintf(w, "%d generated articles (seed %d) as a backlog, then %d at half the measured rate; %d CPUs, load %s before, workers pinned to CPUs %v\n",
		rep.Articles, rep.Seed, rep.Paced, rep.CPUs, rep.LoadAvg, rep.WorkerCPUs)
	fmt.Fprintf(w, "%-7s %8s %10s %9s %11s %10s %9s %12s %7s %7s %7s %s\n", "workers", "queue/s", "workers/s", "writer/s",
		"worker ms", "writer ms", "reports s", "writer queue", "p50 ms", "p95 ms", "B³", "same as one process")
	for _, r := range rep.Runs {
		fmt.Fprintf(w, "%-7d %8.0f %10.1f %9.1f %11.2f %10.2f %9.1f %12d %7.0f %7.0f %7.4f %v %s\n", r.Workers, r.PublishPerSec,
			r.WorkerPerSec, r.WriterPerSec, r.WorkerCPUms, r.WriterCPUms, r.ReportSeconds, r.MaxReportsWaiting,
			r.LatencyP50MS, r.LatencyP95MS, r.B3F1, r.SameAsSingle, r.Mismatch)
	}
	for _, r := range rep.Runs {
		fmt.Fprintf(w, "%d worker(s): %d articles stored, %d stories; B³ F1 %.4f, one process on the same stream %.4f\n",
			r.Workers, r.Stored, r.Stories, r.B3F1, r.SingleB3F1)
	}
	fmt.Fprintln(w, "(workers/s, writer/s: articles stored, placed per second over 10%–90% of the backlog; worker ms, writer ms: CPU per article;")
	fmt.Fprintln(w, " writer queue: most reports waiting for the writer while articles came at half the workers' rate; p50, p95: queued → placed then)")
	for k, v := range rep.Ratios {
		fmt.Fprintf(w, "worker throughput %s: %.2f\n", k, v)
	}
	for _, r := range rep.Runs {
		fmt.Fprintf(w, "queue depth, %d worker(s) (seconds: documents waiting for workers / reports waiting for the writer):\n ", r.Workers)
		step := max(1, len(r.Depth)/12)
		for i := 0; i < len(r.Depth); i += step {
			d := r.Depth[i]
			fmt.Fprintf(w, " %.0fs:%d/%d", d.T, d.Docs, d.Reports)
		}
		fmt.Fprintln(w)
	}
}
