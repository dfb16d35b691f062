package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
)

// The distributed story writer places what the workers stored, in the
// order the documents entered the queue (not the order workers finished
// them), so the stories are those one process would make of the same
// stream whatever the workers' timing.

// Result is what a worker did with one queued document, as the story
// writer reads it.
type Result struct {
	Seq       int64  `json:"seq"`                  // the document's position in the queue
	ArticleID int64  `json:"article_id,omitempty"` // the stored article; 0 when it failed
	Source    string `json:"source,omitempty"`
	Error     string `json:"error,omitempty"` // why it failed (it is dead-lettered)
}

// StoredFeed gives the story writer the workers' results in queue order.
type StoredFeed interface {
	// Next returns up to max results, in queue order, following the last
	// one handed out, waiting up to wait for the first; none means the
	// next one in order is not ready.
	Next(ctx context.Context, max int, wait time.Duration) ([]Result, error)
	// Commit records that every result handed out is placed and written
	// to the store, then lets the queue forget them.
	Commit(ctx context.Context) error
	// Quiet reports that nothing is queued, in a worker's hands or
	// waiting for the writer: an unplaced article then has no result to
	// come.
	Quiet(ctx context.Context) (bool, error)
}

// StreamStore is what the distributed story writer needs of a store.
type StreamStore interface {
	ReportStore
	ArticlesByID(ctx context.Context, ids []int64) ([]model.Article, error)
}

// PlaceOptions tune PlaceStream.
type PlaceOptions struct {
	Reporter Reporter
	// Wait is how long to wait for the next result before the feed
	// counts as idle; 0: 1s.
	Wait time.Duration
	// ReportEvery is how often pending reports are built while results
	// keep coming (they are built whenever the feed is idle); 0: 1m.
	ReportEvery time.Duration
	// Gather is how long results are gathered into one commit at least
	// (a commit compares every story, so it is not made per article;
	// the writer gathers longer when commits grow slow); 0: 250ms.
	Gather  time.Duration
	OnBatch func(PlacedBatch) // after each commit
	OnNote  func(string)      // something a person should know, one line
}

// PlacedBatch is one commit of the story writer.
type PlacedBatch struct {
	Results int   // results handled
	Placed  int   // articles placed (the others failed, or were placed already)
	Through int64 // the queue position of the last result
}

// sweepEvery spaces the idle writer's looks for orphaned unplaced articles.
const sweepEvery = time.Minute

func (o PlaceOptions) withDefaults() PlaceOptions {
	if o.Wait <= 0 {
		o.Wait = time.Second
	}
	if o.ReportEvery <= 0 {
		o.ReportEvery = time.Minute
	}
	if o.Gather <= 0 {
		o.Gather = 250 * time.Millisecond
	}
	return o
}

// PlaceStream places each stored article as its result comes and commits
// after each batch. Reports are built beside it, by a goroutine of their
// own, whenever the feed is idle and every ReportEvery while it is not:
// placing never waits for them (they are derived, and stay marked pending
// in the store until built). It returns nil when ctx ends.
func PlaceStream(ctx context.Context, feed StoredFeed, st StreamStore, s *Stories, opt PlaceOptions) error {
	opt = opt.withDefaults()
	rctx, stopReports := context.WithCancel(ctx)
	reports := newReportBuilder(rctx, st, opt.Reporter)
	defer func() { stopReports(); reports.wait() }()
	lastReports, lastSweep, gather := time.Now(), time.Time{}, opt.Gather
	for ctx.Err() == nil {
		rs, err := gatherResults(ctx, feed, opt.Wait, gather)
		if err != nil {
			return stopped(ctx, err)
		}
		if len(rs) > 0 {
			took, err := placeBatch(ctx, feed, st, s, rs, opt)
			if err != nil {
				return stopped(ctx, err)
			}
			gather = gatherFor(took, opt.Gather)
		}
		idle := len(rs) == 0
		if idle || time.Since(lastReports) >= opt.ReportEvery {
			reports.ask()
			lastReports = time.Now()
		}
		if err := reports.failed(); err != nil {
			return err
		}
		if idle && time.Since(lastSweep) >= sweepEvery {
			if err := sweep(ctx, feed, s, opt); err != nil {
				return stopped(ctx, err)
			}
			lastSweep = time.Now()
		}
	}
	return nil
}

// reportBuilder builds the pending reports, one pass when asked (asks
// made during a pass make one more pass), until its context ends.
type reportBuilder struct {
	asks chan struct{}
	errc chan error
	done chan struct{}
}

func newReportBuilder(ctx context.Context, st StreamStore, rep Reporter) *reportBuilder {
	r := &reportBuilder{asks: make(chan struct{}, 1), errc: make(chan error, 1), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-r.asks:
			}
			if _, err := BuildPending(ctx, st, rep); err != nil {
				if ctx.Err() == nil {
					r.errc <- err
				}
				return
			}
		}
	}()
	return r
}

func (r *reportBuilder) ask() {
	select {
	case r.asks <- struct{}{}:
	default: // a pass is asked for already
	}
}

// failed is the error that ended the builder, if it did.
func (r *reportBuilder) failed() error {
	select {
	case err := <-r.errc:
		return err
	default:
		return nil
	}
}

func (r *reportBuilder) wait() { <-r.done }

// gatherResults waits up to wait for a first result, then gathers more
// for up to gather, up to flushEvery in all.
func gatherResults(ctx context.Context, feed StoredFeed, wait, gather time.Duration) ([]Result, error) {
	rs, err := feed.Next(ctx, flushEvery, wait)
	deadline := time.Now().Add(gather)
	for err == nil && len(rs) > 0 && len(rs) < flushEvery && time.Now().Before(deadline) {
		var more []Result
		more, err = feed.Next(ctx, flushEvery-len(rs), time.Until(deadline))
		rs = append(rs, more...)
	}
	return rs, err
}

// gatherFor is the next gathering time: at least least, and ten times
// what the last commit took, so commits (which compare every story, a cost
// that grows with the store) take a tenth of the writer's time at most,
// up to maxGather.
func gatherFor(commit, least time.Duration) time.Duration {
	return min(max(least, 10*commit), maxGather)
}

// maxGather bounds how long a result waits for its commit.
const maxGather = 2 * time.Second

// stopped is nil for an error that only says ctx ended.
func stopped(ctx context.Context, err error) error {
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return nil
	}
	return err
}

// placeBatch places the batch's articles not placed yet, in order, writes
// them in one commit and only then commits the feed; it returns how long
// the store's commit took.
func placeBatch(ctx context.Context, feed StoredFeed, st StreamStore, s *Stories, rs []Result, opt PlaceOptions) (time.Duration, error) {
	var ids []int64
	want := map[int64]bool{}
	for _, r := range rs {
		// Placements are idempotent per article: a redelivered result,
		// an unchanged or updated article keeps where it is.
		if r.ArticleID != 0 && !want[r.ArticleID] && !s.Placed(r.ArticleID) {
			ids = append(ids, r.ArticleID)
			want[r.ArticleID] = true
		}
	}
	arts, err := st.ArticlesByID(ctx, ids)
	if err != nil {
		return 0, err
	}
	if len(arts) != len(ids) && opt.OnNote != nil {
		opt.OnNote(fmt.Sprintf("%d of %d stored articles the workers reported are not in the store; not placed", len(ids)-len(arts), len(ids)))
	}
	for _, a := range arts {
		s.Place(a)
	}
	start := time.Now()
	if err := s.Flush(ctx); err != nil {
		return 0, err
	}
	took := time.Since(start)
	if err := feed.Commit(ctx); err != nil {
		return 0, err
	}
	if opt.OnBatch != nil {
		opt.OnBatch(PlacedBatch{Results: len(rs), Placed: len(arts), Through: rs[len(rs)-1].Seq})
	}
	return took, nil
}

// sweep places stored articles that no result will ever name (stored
// outside the queue by a writer that died before placing them), in ID
// order as LoadStories would. They are listed before the feed is asked
// whether anything is in flight: an article stored before a quiet moment
// and still unplaced has no result to come.
func sweep(ctx context.Context, feed StoredFeed, s *Stories, opt PlaceOptions) error {
	arts, err := s.Unplaced(ctx)
	if err != nil || len(arts) == 0 {
		return err
	}
	if quiet, err := feed.Quiet(ctx); err != nil || !quiet {
		return err
	}
	for _, a := range arts {
		s.Place(a)
	}
	if err := s.Flush(ctx); err != nil {
		return err
	}
	if opt.OnNote != nil {
		opt.OnNote(fmt.Sprintf("placed %d stored articles no worker reported (stored outside the queue)", len(arts)))
	}
	return nil
}
