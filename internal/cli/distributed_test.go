package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/bus"
	"parallax/internal/store/pgtest"
)

// Tests of the distributed mode with real parts: a NATS server embedded in
// the test process (file storage), the throwaway PostgreSQL, and parallax
// processes (ingest --nats, worker, place) killed with SIGKILL. Each run
// is compared with a single-process ingest of the same corpus.

// distributed is one setup: the NATS server, a PostgreSQL schema, and a
// client of each to watch the work.
type distributed struct {
	t    *testing.T
	dir  string // the NATS server's storage
	port int
	srv  *bus.Server
	db   string
	b    *bus.Bus
	st   Store
	kids []*child
}

func newDistributed(t *testing.T) *distributed {
	t.Helper()
	d := &distributed{t: t, db: pgtest.URL(t), dir: t.TempDir()}
	d.startNATS()
	t.Cleanup(func() { d.srv.Shutdown() })
	ctx := context.Background()
	var err error
	if d.b, err = bus.Connect(ctx, bus.Config{URL: d.natsURL(), Name: "test"}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.b.Close)
	if d.st, err = openStore(ctx, d.db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.st.Close() })
	return d
}

func (d *distributed) startNATS() {
	srv, err := bus.StartServer(d.dir, d.port)
	if err != nil {
		d.t.Fatal(err)
	}
	d.srv, d.port = srv, srv.Port()
}

// restartNATS stops the server and starts it again on its storage and
// port; every client reconnects.
func (d *distributed) restartNATS() {
	d.srv.Shutdown()
	d.startNATS()
}

func (d *distributed) natsURL() string { return fmt.Sprintf("nats://127.0.0.1:%d", d.port) }

// start starts a parallax process on the setup; it is killed at the end
// of the test if still running.
func (d *distributed) start(env []string, args ...string) *child {
	d.t.Helper()
	args = append(args, "--nats", d.natsURL(), "--db", d.db, "--ack-wait", "2s")
	c := startChildEnv(d.t, env, args...)
	d.t.Cleanup(func() { c.cmd.Process.Kill(); c.cmd.Wait() })
	d.kids = append(d.kids, c)
	return c
}

// queue runs ingest --nats over paths to its end.
func (d *distributed) queue(paths ...string) {
	d.t.Helper()
	c := startChild(d.t, append([]string{"ingest", "--quiet", "--nats", d.natsURL()}, paths...)...)
	if err := c.cmd.Wait(); err != nil {
		d.t.Fatalf("ingest --nats: %v\n%s", err, c.err.String())
	}
}

// progress is how far the work has come.
func (d *distributed) progress() (bus.Depths, int) {
	d.t.Helper()
	ctx := context.Background()
	q, err := d.b.Depths(ctx)
	if err != nil {
		d.t.Fatal(err)
	}
	s, err := d.st.Status(ctx)
	if err != nil {
		d.t.Fatal(err)
	}
	return q, s.Articles
}

// patience is a safety net, not a time limit: a run that has not moved
// for this long is stuck.
const patience = 3 * time.Minute

// waitFor polls until ok says the work came far enough.
func (d *distributed) waitFor(what string, ok func(q bus.Depths, articles int) bool) {
	d.t.Helper()
	start := time.Now()
	for {
		q, n := d.progress()
		if ok(q, n) {
			return
		}
		if time.Since(start) > patience {
			debugConsumers(d.t, d.natsURL())
			d.stopAll()
			d.t.Fatalf("still waiting for %s after %s: queue %+v, %d articles stored", what, patience, q, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stopAll kills the processes and logs what each said.
func (d *distributed) stopAll() {
	for _, c := range d.kids {
		c.cmd.Process.Signal(syscall.SIGQUIT)
		c.cmd.Wait()
		d.t.Logf("%v:\n%s%s", c.cmd.Args[1:], c.out.String(), c.err.String())
	}
}

// waitDone waits until every queued document is placed and nothing is
// left to do: no document or report queued, nothing unplaced, no report
// pending.
func (d *distributed) waitDone() {
	d.t.Helper()
	d.waitFor("the end of the work", func(q bus.Depths, _ int) bool {
		if q.Placed < int64(q.LastDoc) || q.Docs > 0 || q.Reports > 0 {
			return false
		}
		s, err := d.st.Status(context.Background())
		return err == nil && s.Unplaced == 0 && s.PendingReports == 0
	})
}

// reference is the single-process run of the same inputs.
func reference(t *testing.T, paths ...string) snapshot {
	t.Helper()
	ref := filepath.Join(t.TempDir(), "ref.db")
	if _, stderr, err := run(t, append([]string{"ingest", "--quiet", "--db", ref}, paths...)...); err != nil {
		t.Fatalf("single-process ingest: %v\n%s", err, stderr)
	}
	return takeSnapshot(t, ref)
}

// sameStories compares the stories of two runs, by their members' URLs.
// Reports are left out: workers number articles in the order they store
// them, and a report breaks some ties by article ID (status --check has
// made sure each story has one).
func sameStories(t *testing.T, got, want snapshot) {
	t.Helper()
	got.Reports, want.Reports = nil, nil
	sameSnapshot(t, got, want)
}

// checkStore checks that the store passes status --check, and that the
// counts add up: each document stored once, placed once.
func (d *distributed) checkStore(articles int) {
	d.t.Helper()
	out, _, err := run(d.t, "status", "--db", d.db, "--check", "--format", "json")
	if err != nil {
		d.t.Fatalf("status --check: %v\n%s", err, out)
	}
	var st statusReport
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		d.t.Fatal(err)
	}
	if st.Articles != articles || st.Unplaced != 0 || st.PendingReports != 0 || st.LastSeq != int64(articles) || len(st.Problems) > 0 {
		d.t.Errorf("status = %+v; want %d articles each placed once (last placement %d), nothing pending", st, articles, articles)
	}
}

// TestDistributedWorkerKilled: one of two workers is SIGKILLed with
// documents in hand; they go to the other worker after the ack wait, and
// the stories are those of a single-process run: nothing lost, nothing
// stored or placed twice.
func TestDistributedWorkerKilled(t *testing.T) {
	corpus := writeCorpus(t, 21, 240, 3)
	want := reference(t, corpus)
	d := newDistributed(t)
	w1 := d.start(nil, "worker", "--quiet", "--batch", "8")
	d.start(nil, "worker", "--quiet", "--batch", "8")
	d.start(nil, "place", "--report-every", "1s")
	d.queue(corpus)
	d.waitFor("a third stored", func(_ bus.Depths, n int) bool { return n >= 80 })
	w1.cmd.Process.Signal(syscall.SIGKILL)
	w1.cmd.Wait()
	d.waitDone()
	d.checkStore(want.Articles)
	sameStories(t, takeSnapshot(t, d.db), want)
}

// TestDistributedWriterTakeover: the story writer is SIGKILLed while a
// second one stands by, which takes over; that one is killed in turn and
// a third started. The stories are those of a single-process run.
func TestDistributedWriterTakeover(t *testing.T) {
	corpus := writeCorpus(t, 22, 240, 3)
	want := reference(t, corpus)
	d := newDistributed(t)
	d.start(nil, "worker", "--quiet")
	first := d.start(nil, "place")
	d.waitForWriter(first)
	standby := d.start(nil, "place")
	d.queue(corpus)
	d.waitFor("a third placed", func(q bus.Depths, _ int) bool { return q.Placed >= 80 })
	first.cmd.Process.Signal(syscall.SIGKILL)
	first.cmd.Wait()
	d.waitForWriter(standby)
	d.waitFor("two thirds placed", func(q bus.Depths, _ int) bool { return q.Placed >= 160 })
	standby.cmd.Process.Signal(syscall.SIGKILL)
	standby.cmd.Wait()
	d.start(nil, "place")
	d.waitDone()
	d.checkStore(want.Articles)
	sameStories(t, takeSnapshot(t, d.db), want)
}

// waitForWriter waits until c holds the store's writer lease.
func (d *distributed) waitForWriter(c *child) {
	d.t.Helper()
	d.waitFor(fmt.Sprintf("pid %d to hold the writer lease", c.cmd.Process.Pid), func(bus.Depths, int) bool {
		s, err := d.st.Status(context.Background())
		return err == nil && s.Writer.Held && s.Writer.Holder.PID == c.cmd.Process.Pid
	})
}

// TestDistributedNATSRestart: the NATS server is stopped and started
// again on its file storage while workers and the writer are at work;
// they reconnect, and no document is lost.
func TestDistributedNATSRestart(t *testing.T) {
	corpus := writeCorpus(t, 23, 240, 3)
	want := reference(t, corpus)
	d := newDistributed(t)
	d.start(nil, "worker", "--quiet")
	d.start(nil, "worker", "--quiet")
	d.start(nil, "place")
	d.queue(corpus)
	d.waitFor("a third placed", func(q bus.Depths, _ int) bool { return q.Placed >= 80 })
	d.restartNATS()
	d.waitDone()
	d.checkStore(want.Articles)
	sameStories(t, takeSnapshot(t, d.db), want)
}

// TestDistributedPoison: a document that kills every worker taking it
// (SIGKILL, as a page exhausting memory would) is dead-lettered after
// --max-tries attempts on it alone and shows in status; its neighbours,
// redelivered with it, are worked on alone and stored; the rest go on.
func TestDistributedPoison(t *testing.T) {
	const mark = "POISON-7f3a"
	corpus := writeCorpus(t, 24, 200, 2)
	parts, err := filepath.Glob(filepath.Join(corpus, "part-*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	want := reference(t, parts...)
	poison := fmt.Sprintf(`{"url":"https://example.org/%s","title":"Poison","text":"A page that kills its worker."}`+"\n", mark)
	if err := os.WriteFile(filepath.Join(corpus, "part-000-poison.jsonl"), []byte(poison), 0o644); err != nil {
		t.Fatal(err)
	}
	d := newDistributed(t)
	stop := d.supervise(2, []string{poisonEnv + "=" + mark}, "worker", "--quiet", "--max-tries", "2")
	d.start(nil, "place")
	d.queue(corpus)
	d.waitDone()
	stop()
	d.checkStore(want.Articles)
	sameStories(t, takeSnapshot(t, d.db), want)
	out, _, err := run(t, "status", "--db", d.db, "--nats", d.natsURL(), "--format", "json")
	if err != nil {
		t.Fatalf("status --nats: %v\n%s", err, out)
	}
	var st statusReport
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if q := st.Queue; q == nil || q.Dead != 1 || len(q.DeadLetters) != 1 || !strings.Contains(q.DeadLetters[0].Source, mark) ||
		!strings.Contains(q.DeadLetters[0].Error, "gave up after 2 attempts") {
		t.Errorf("status --nats = %s; want the poison document as the one dead letter", out)
	}
}

// supervise keeps n processes running, starting a new one whenever one
// exits, until stop is called.
func (d *distributed) supervise(n int, env []string, args ...string) (stop func()) {
	d.t.Helper()
	args = append(args, "--nats", d.natsURL(), "--db", d.db, "--ack-wait", "2s")
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				cmd := exec.Command(os.Args[0], args...)
				cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
				if err := cmd.Start(); err != nil {
					d.t.Error(err)
					return
				}
				exited := make(chan struct{})
				go func() { cmd.Wait(); close(exited) }()
				select {
				case <-exited:
				case <-done:
					cmd.Process.Kill()
					<-exited
					return
				}
			}
		}()
	}
	return func() { close(done); wg.Wait() }
}

// debugConsumers logs the state of the streams and consumers, to tell
// where the work stopped.
func debugConsumers(t *testing.T, url string) {
	nc, err := nats.Connect(url)
	if err != nil {
		t.Log(err)
		return
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	for _, sc := range [][2]string{{bus.DocsStream, bus.WorkersConsumer}, {bus.StoredStream, bus.WriterConsumer}} {
		c, err := js.Consumer(context.Background(), sc[0], sc[1])
		if err != nil {
			t.Log(err)
			continue
		}
		ci, _ := json.Marshal(c.CachedInfo())
		t.Logf("consumer %s: %s", sc[1], ci)
	}
}

// TestWatchQueuesPages: watch --nats fetches the feed's pages and queues
// them, in feed order, instead of storing them; the entries are settled,
// so the next round queues nothing.
func TestWatchQueuesPages(t *testing.T) {
	site := newNewsSite(t, 20)
	srv, err := bus.StartServer(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	db := filepath.Join(t.TempDir(), "feeds.db")
	if _, _, err := run(t, "feeds", "add", "--db", db, "--allow-private", site.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	for round, want := range []string{"20 queued, 0 already queued, 0 failed", "not modified"} {
		out, stderr, err := watchOnce(t, db, "--quiet", "--nats", srv.URL())
		if err != nil || !strings.Contains(out, want) {
			t.Fatalf("watch --nats round %d: %v; want %q in\n%s%s", round+1, err, want, out, stderr)
		}
	}
	b, err := bus.Connect(context.Background(), bus.Config{URL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q, err := b.Depths(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if q.LastDoc != 20 || q.Docs != 20 {
		t.Errorf("queue = %+v; want the 20 pages queued once", q)
	}
	if n := len(exportArticles(t, db)); n != 0 {
		t.Errorf("watch --nats stored %d articles itself", n)
	}
}
