package cli

import (
	"context"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"parallax/internal/bus"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/source"
)

// distBenchRun is one run of the distributed benchmark.
type distBenchRun struct {
	Workers        int     `json:"workers"`
	Store          string  `json:"store,omitempty"` // kept with --keep
	PublishPerSec  float64 `json:"queued_per_second"`
	WorkerPerSec   float64 `json:"worker_articles_per_second"` // stored, from 10% to 90% of the backlog
	WriterPerSec   float64 `json:"writer_articles_per_second"` // placed, same share
	BacklogSeconds float64 `json:"backlog_seconds"`            // workers started → last backlog article placed
	// ReportSeconds is how long the writer took, after the last placement
	// of the paced phase, to build the reports still pending.
	ReportSeconds     float64       `json:"reports_seconds_after_last_placement"`
	PacedPerSec       float64       `json:"paced_per_second"`
	MaxReportsWaiting uint64        `json:"max_reports_waiting_paced"` // the queue in front of the writer
	LatencyP50MS      float64       `json:"latency_p50_ms"`            // paced: queued → placed
	LatencyP95MS      float64       `json:"latency_p95_ms"`
	Depth             []depthSample `json:"depth"`
	// CPU time per article: the workers' together, the writer's (both
	// including their start-up and the paced phase).
	WorkerCPUms float64 `json:"worker_cpu_ms_per_article"`
	WriterCPUms float64 `json:"writer_cpu_ms_per_article"`
	Stored      int     `json:"articles_stored"`
	Stories     int     `json:"stories"`
	B3F1        float64 `json:"b3_f1"`
	SingleB3F1  float64 `json:"single_process_b3_f1"` // the one clusterer's stories on the same stream
	// SameAsSingle: every article placed once, in queue order, in the
	// story one clusterer fed the same stream in one process chose.
	SameAsSingle bool   `json:"same_as_single_process"`
	Mismatch     string `json:"mismatch,omitempty"`
}

type depthSample struct {
	T       float64 `json:"t"`
	Docs    uint64  `json:"docs"`    // waiting for (or at) the workers
	Reports uint64  `json:"reports"` // waiting for the writer
	Placed  int64   `json:"placed"`
}

// benchTruth is the generator's truth about each article, by URL.
type benchTruth map[string]benchLabel

type benchLabel struct {
	index int // position in the stream
	story int64
}

func distBenchRunOnce(ctx context.Context, f distBenchFlags, workers int, stdio Stdio) (distBenchRun, error) {
	run := distBenchRun{Workers: workers}
	dbURL, drop, err := benchSchema(ctx, f.db, f.keep)
	if err != nil {
		return run, err
	}
	defer drop()
	if f.keep {
		run.Store = dbURL
	}
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return run, err
	}
	defer os.RemoveAll(dir)
	srv, err := bus.StartServer(filepath.Join(dir, "nats"), 0)
	if err != nil {
		return run, err
	}
	defer srv.Shutdown()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.URL(), Name: "bench"})
	if err != nil {
		return run, err
	}
	defer b.Close()
	st, err := openStore(ctx, dbURL)
	if err != nil {
		return run, err
	}
	defer st.Close()
	next, stop := iter.Pull2(gen.Stream(f.seed, f.n+f.paced))
	defer stop()
	truth := benchTruth{}
	t0 := time.Now()
	if err := benchPublish(ctx, b, next, f.n, truth, 0, nil); err != nil {
		return run, err
	}
	run.PublishPerSec = float64(f.n) / time.Since(t0).Seconds()
	procs, err := startBenchProcs(srv.URL(), dbURL, workers, f, dir)
	if err != nil {
		return run, err
	}
	defer func() { stopBenchProcs(procs) }()
	startWriter := func() error {
		p, err := startBenchProc(srv.URL(), dbURL, dir, "place", -1, "place", "--report-every", f.reportEvery.String())
		if err == nil {
			procs = append(procs, p)
		}
		return err
	}
	if !f.writerAfter {
		if err := startWriter(); err != nil {
			return run, err
		}
		startWriter = nil
	}
	w := &benchWatch{b: b, start: time.Now(), startWriter: startWriter}
	if err := w.backlog(ctx, f.n, &run); err != nil {
		return run, logTail(err, dir)
	}
	if err := w.paced(ctx, next, f, truth, &run); err != nil {
		return run, logTail(err, dir)
	}
	if err := w.reports(ctx, st, &run); err != nil {
		return run, logTail(err, dir)
	}
	stopBenchProcs(procs)
	run.Depth = w.samples
	run.WorkerCPUms, run.WriterCPUms = cpuPerArticle(procs, f.n+f.paced)
	return run, verifyBench(ctx, st, truth, &run)
}

// benchPublish queues count articles of the stream; rate > 0 paces them,
// and sent hears of each one's queue position and time.
func benchPublish(ctx context.Context, b *bus.Bus, next func() (model.Article, gen.Label, bool), count int, truth benchTruth,
	rate float64, sent func(seq int64, at time.Time)) error {
	type pending struct {
		wait func() (int64, bool, error)
		at   time.Time
	}
	var window []pending
	settle := func(p pending) error {
		seq, _, err := p.wait()
		if err == nil && sent != nil {
			sent(seq, p.at)
		}
		return err
	}
	start := time.Now()
	for i := range count {
		a, l, ok := next()
		if !ok {
			break
		}
		if rate > 0 {
			time.Sleep(time.Until(start.Add(time.Duration(float64(i) / rate * float64(time.Second)))))
		}
		truth[a.URL] = benchLabel{index: len(truth), story: l.Story}
		d := source.Doc{Source: a.URL, Kind: source.KindRecord, Record: &source.Record{ID: strconv.FormatInt(a.ID, 10),
			URL: a.URL, Title: a.Title, Outlet: a.Outlet, Published: a.Published, Text: a.Body}}
		wait, err := b.Send(ctx, d)
		if err != nil {
			return err
		}
		window = append(window, pending{wait, time.Now()})
		if len(window) >= 256 || rate > 0 {
			if err := settle(window[0]); err != nil {
				return err
			}
			window = window[1:]
		}
	}
	for _, p := range window {
		if err := settle(p); err != nil {
			return err
		}
	}
	return nil
}

// startBenchProcs starts the workers, each pinned to a CPU of
// --worker-cpus with taskset, each logging to a file in dir.
func startBenchProcs(natsURL, dbURL string, workers int, f distBenchFlags, dir string) ([]*exec.Cmd, error) {
	var procs []*exec.Cmd
	for i := range workers {
		cpu := -1
		if len(f.workerCPUs) > 0 {
			cpu = f.workerCPUs[i%len(f.workerCPUs)]
		}
		p, err := startBenchProc(natsURL, dbURL, dir, fmt.Sprintf("worker-%d", i+1), cpu, "worker", "--quiet")
		if err != nil {
			stopBenchProcs(procs)
			return nil, err
		}
		procs = append(procs, p)
	}
	return procs, nil
}

// startBenchProc starts one parallax process (on CPU cpu when cpu >= 0)
// logging to dir/name.log.
func startBenchProc(natsURL, dbURL, dir, name string, cpu int, args ...string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args = append(args, "--nats", natsURL, "--db", dbURL)
	cmd := exec.Command(exe, args...)
	if cpu >= 0 {
		cmd = exec.Command("taskset", append([]string{"-c", strconv.Itoa(cpu), exe}, args...)...)
	}
	log, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	return cmd, nil
}

// stopBenchProcs stops the processes with SIGTERM (each finishes what it
// holds) and waits for them; stopping twice does nothing.
func stopBenchProcs(procs []*exec.Cmd) {
	for _, p := range procs {
		if p.ProcessState == nil {
			p.Process.Signal(syscall.SIGTERM)
		}
	}
	for _, p := range procs {
		if p.ProcessState == nil {
			p.Wait()
		}
	}
}

// cpuPerArticle is the CPU time per article of the workers together (all
// but the last process) and of the writer (the last), in milliseconds.
func cpuPerArticle(procs []*exec.Cmd, articles int) (workers, writer float64) {
	cpu := func(p *exec.Cmd) float64 {
		if p.ProcessState == nil {
			return 0
		}
		return (p.ProcessState.UserTime() + p.ProcessState.SystemTime()).Seconds() * 1000 / float64(articles)
	}
	for _, p := range procs[:len(procs)-1] {
		workers += cpu(p)
	}
	return workers, cpu(procs[len(procs)-1])
}

// logTail adds the end of the processes' logs to err.
func logTail(err error, dir string) error {
	logs, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	msg := err.Error()
	for _, l := range logs {
		b, _ := os.ReadFile(l)
		if len(b) > 2000 {
			b = b[len(b)-2000:]
		}
		msg += fmt.Sprintf("\n--- %s:\n%s", filepath.Base(l), b)
	}
	return fmt.Errorf("%s", msg)
}

// benchWatch samples the queues while a run works.
type benchWatch struct {
	b       *bus.Bus
	start   time.Time
	samples []depthSample
	mu      sync.Mutex
	placed  []bus.PlacedNotice // notices heard in the paced phase
	// lastPlaced is when the last article was placed.
	lastPlaced time.Time
	// startWriter, with --writer-after, starts the story writer once the
	// workers have stored the backlog; nil once it runs.
	startWriter func() error
}

// sample reads the queues once.
func (w *benchWatch) sample(ctx context.Context) (depthSample, error) {
	d, err := w.b.Depths(ctx)
	if err != nil {
		return depthSample{}, err
	}
	s := depthSample{T: time.Since(w.start).Seconds(), Docs: d.Docs, Reports: d.Reports, Placed: d.Placed}
	w.samples = append(w.samples, s)
	return s, nil
}
