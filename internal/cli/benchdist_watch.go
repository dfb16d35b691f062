package cli

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"parallax/internal/bus"
	"parallax/internal/cluster"
	"parallax/internal/eval"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// benchStuck is how long a run may make no progress before it is called
// stuck: a safety net, far above any step's time.
const benchStuck = 10 * time.Minute

// backlog samples the queues until every backlog article is placed and
// times the workers and the writer over 10% to 90% of it.
func (w *benchWatch) backlog(ctx context.Context, n int, run *distBenchRun) error {
	lo, hi := n/10, n*9/10
	var stored, placed [2]time.Duration
	lastMove, last := time.Now(), [2]int64{-1, -1}
	for {
		s, err := w.sample(ctx)
		if err != nil {
			return err
		}
		t := time.Since(w.start)
		done := n - int(s.Docs) // the workers have reported these
		markCrossing(&stored, done, lo, hi, t)
		if w.startWriter != nil && done >= n {
			// --writer-after: the writer's rate is then timed alone.
			if err := w.startWriter(); err != nil {
				return err
			}
			w.startWriter = nil
		}
		markCrossing(&placed, int(s.Placed), lo, hi, t)
		if s.Placed >= int64(n) {
			run.BacklogSeconds = t.Seconds()
			break
		}
		if now := [2]int64{int64(s.Docs), s.Placed}; now != last {
			lastMove, last = time.Now(), now
		} else if time.Since(lastMove) > benchStuck {
			return fmt.Errorf("stuck: nothing placed for %s (%+v)", benchStuck, s)
		}
		if !sleep(ctx, 250*time.Millisecond) {
			return ctx.Err()
		}
	}
	run.WorkerPerSec = float64(hi-lo) / max(stored[1]-stored[0], time.Millisecond).Seconds()
	run.WriterPerSec = float64(hi-lo) / max(placed[1]-placed[0], time.Millisecond).Seconds()
	return nil
}

// markCrossing notes when count first reaches lo and hi.
func markCrossing(at *[2]time.Duration, count, lo, hi int, t time.Duration) {
	if at[0] == 0 && count >= lo {
		at[0] = t
	}
	if at[1] == 0 && count >= hi {
		at[1] = t
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// paced publishes the rest of the stream at half the workers' measured
// rate and measures each article's time from queued to placed, and the
// queue in front of the writer meanwhile.
func (w *benchWatch) paced(ctx context.Context, next func() (model.Article, gen.Label, bool), f distBenchFlags, truth benchTruth, run *distBenchRun) error {
	if f.paced == 0 {
		return nil
	}
	stopSub, err := w.b.OnPlaced(func(n bus.PlacedNotice) {
		w.mu.Lock()
		w.placed = append(w.placed, n)
		w.mu.Unlock()
	})
	if err != nil {
		return err
	}
	defer stopSub()
	run.PacedPerSec = run.WorkerPerSec / 2
	sent := map[int64]time.Time{}
	published := make(chan error, 1)
	go func() {
		published <- benchPublish(ctx, w.b, next, f.paced, truth, run.PacedPerSec, func(seq int64, at time.Time) { sent[seq] = at })
	}()
	total := int64(f.n + f.paced)
	for pubDone := false; ; {
		select {
		case err := <-published:
			if err != nil {
				return err
			}
			pubDone = true
		default:
		}
		s, err := w.sample(ctx)
		if err != nil {
			return err
		}
		run.MaxReportsWaiting = max(run.MaxReportsWaiting, s.Reports)
		if pubDone && s.Placed >= total {
			break
		}
		if !sleep(ctx, 250*time.Millisecond) {
			return ctx.Err()
		}
	}
	w.lastPlaced = time.Now()
	run.LatencyP50MS, run.LatencyP95MS = w.latencies(sent)
	return nil
}

// latencies are the median and 95th percentile of queued → placed, in
// milliseconds: an article is placed at the first notice through it.
func (w *benchWatch) latencies(sent map[int64]time.Time) (p50, p95 float64) {
	w.mu.Lock()
	notices := slices.Clone(w.placed)
	w.mu.Unlock()
	slices.SortFunc(notices, func(a, b bus.PlacedNotice) int { return int(a.Through - b.Through) })
	var ms []float64
	for seq, at := range sent {
		i, _ := slices.BinarySearchFunc(notices, seq, func(n bus.PlacedNotice, s int64) int { return int(n.Through - s) })
		if i < len(notices) {
			ms = append(ms, float64(notices[i].At-at.UnixNano())/1e6)
		}
	}
	if len(ms) == 0 {
		return 0, 0
	}
	slices.Sort(ms)
	return ms[len(ms)/2], ms[len(ms)*95/100]
}

// reports waits until the writer has built every pending report.
func (w *benchWatch) reports(ctx context.Context, st Store, run *distBenchRun) error {
	if w.lastPlaced.IsZero() {
		w.lastPlaced = time.Now()
	}
	for {
		s, err := st.Status(ctx)
		if err != nil {
			return err
		}
		if s.PendingReports == 0 && s.Unplaced == 0 {
			run.ReportSeconds = time.Since(w.lastPlaced).Seconds()
			return nil
		}
		if time.Since(w.lastPlaced) > benchStuck+time.Hour {
			return fmt.Errorf("reports still pending after %s: %+v", benchStuck+time.Hour, s)
		}
		if !sleep(ctx, 500*time.Millisecond) {
			return ctx.Err()
		}
	}
}

// verifyBench reads every stored article in placement order and checks
// that each generated article is stored once, placed in queue order, in
// the story one clusterer fed the same stream in one process gives it;
// and scores the stories against the generator's truth.
func verifyBench(ctx context.Context, st Store, truth benchTruth, run *distBenchRun) error {
	c := cluster.New(cluster.DefaultConfig())
	gold, pred, single := map[string]string{}, map[string]string{}, map[string]string{}
	prev := -1
	miss := func(format string, args ...any) {
		if run.Mismatch == "" {
			run.Mismatch = fmt.Sprintf(format, args...)
		}
	}
	err := st.PlacedAfter(ctx, 0, func(a model.Article, p model.Placement) error {
		run.Stored++
		l, ok := truth[a.URL]
		switch {
		case !ok:
			miss("article %d (%s) was not generated", a.ID, a.URL)
		case p.StoryID == 0:
			miss("article %d (%s) is not placed", a.ID, a.URL)
		case l.index <= prev:
			miss("article %s placed out of queue order (or twice)", a.URL)
		}
		prev = l.index
		as := c.Assign(a)
		if as.StoryID != p.StoryID {
			miss("article %s is in story %d; one process puts it in %d", a.URL, p.StoryID, as.StoryID)
		}
		gold[a.URL], pred[a.URL] = strconv.FormatInt(l.story, 10), strconv.FormatInt(p.StoryID, 10)
		single[a.URL] = strconv.FormatInt(as.StoryID, 10)
		return nil
	})
	if err != nil {
		return err
	}
	if run.Stored != len(truth) {
		miss("%d articles stored; %d generated", run.Stored, len(truth))
	}
	run.Stories = len(c.Stories())
	_, _, run.B3F1 = eval.B3(pred, gold)
	_, _, run.SingleB3F1 = eval.B3(single, gold)
	run.SameAsSingle = run.Mismatch == ""
	return nil
}
