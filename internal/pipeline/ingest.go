// Package pipeline runs the stages over many inputs: source → extract →
// store, with bounded concurrency, in input order, reporting each input's
// outcome as it goes.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/store"
)

// Store is what ingestion needs of a store.
type Store interface {
	PutArticle(ctx context.Context, a model.Article) (int64, store.Outcome, error)
}

// Event reports one input's outcome. Err is set when it failed; its message
// names the input.
type Event struct {
	Source  string
	ID      int64
	Outcome store.Outcome
	Err     error
	StoryID int64 // the story a new article joined, when placing stories
	Dup     int64 // the article it nearly copies, 0 when none
	Done    int   // inputs finished so far, this one included
	Seen    int   // inputs found so far; grows while reading runs ahead
}

// Summary counts the outcomes of one ingest.
type Summary struct {
	New, Updated, Unchanged, Failed int
}

// Total is the number of inputs seen.
func (s Summary) Total() int { return s.New + s.Updated + s.Unchanged + s.Failed }

// Options tune Ingest.
type Options struct {
	Workers  int            // extraction workers; 0 means one per CPU
	Source   source.Options // how inputs are read
	OnEvent  func(Event)    // called in input order from one goroutine
	Extract  func(source.Doc) (model.Article, error)
	MaxQueue int // documents read ahead of extraction; 0 means 4 per worker
	// Enrich, when set, finds entities, quotes, dates and figures in each
	// extracted article, in the worker, before it is stored.
	Enrich func(model.Article) model.Enrichment
	// Stories, when set, places each new article into a story as it is
	// stored; placements are written in batches and at the end.
	Stories *Stories
	// Outlet, when set, names the outlet of every input (the user knows
	// it; it overrides what extraction finds).
	Outlet string
}

// flushEvery bounds the placements held in memory between writes.
const flushEvery = 1000

type job struct {
	seq int
	doc source.Doc
	err error
}

type result struct {
	seq     int
	source  string
	article model.Article
	err     error
}

// Ingest reads every input under paths, extracts each document and stores
// it. A bad input is reported through OnEvent and counted as failed; the
// others go on. The error is non-nil only when the run itself could not
// finish (the context was cancelled).
func Ingest(ctx context.Context, paths []string, st Store, opt Options) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Extract == nil {
		opt.Extract = extract.Document
	}
	opt.Extract = namingOutlet(opt.Extract, opt.Outlet)
	queue := opt.MaxQueue
	if queue <= 0 {
		queue = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, queue)
	results := make(chan result, queue)
	seen := make(chan int, 1) // latest count of inputs read
	go produce(ctx, paths, opt.Source, jobs, seen)
	done := make(chan struct{})
	for range workers {
		go func() {
			for j := range jobs {
				results <- work(j, opt.Extract, opt.Enrich)
			}
			done <- struct{}{}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()
	sum, err := collect(ctx, st, results, seen, opt)
	if opt.Stories != nil {
		// Flush even after cancellation: what was stored gets its placement.
		if ferr := opt.Stories.Flush(context.WithoutCancel(ctx)); ferr != nil && err == nil {
			err = ferr
		}
	}
	return sum, err
}

func produce(ctx context.Context, paths []string, opt source.Options, jobs chan<- job, seen chan int) {
	defer close(jobs)
	n := 0
	for d, err := range source.Read(ctx, paths, opt) {
		if ctx.Err() != nil {
			return
		}
		select {
		case jobs <- job{seq: n, doc: d, err: err}:
		case <-ctx.Done():
			return
		}
		n++
		select { // keep only the newest count
		case <-seen:
		default:
		}
		seen <- n
	}
}

// namingOutlet wraps an extractor so that every article carries the
// outlet name the user gives (it overrides what extraction found). An
// outlet still unknown is stored as "": every view labels it alike
// (model.Article.OutletLabel), and a stored label would make the same
// content from two files two articles.
func namingOutlet(fn func(source.Doc) (model.Article, error), name string) func(source.Doc) (model.Article, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return fn
	}
	return func(d source.Doc) (model.Article, error) {
		a, err := fn(d)
		if err == nil {
			a.Outlet = name
		}
		return a, err
	}
}

func work(j job, extractFn func(source.Doc) (model.Article, error), enrichFn func(model.Article) model.Enrichment) result {
	r := result{seq: j.seq, source: j.doc.Source, err: j.err}
	if j.err != nil {
		return r
	}
	a, err := safeExtract(extractFn, enrichFn, j.doc)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", j.doc.Source, err)
		return r
	}
	r.article = a
	return r
}

// safeExtract extracts and enriches one document, turning a panic in
// either into that input's failure, so one hostile page cannot end the run.
func safeExtract(fn func(source.Doc) (model.Article, error), enrichFn func(model.Article) model.Enrichment, d source.Doc) (a model.Article, err error) {
	stage := "extractor"
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s failed: %v", stage, p)
		}
	}()
	a, err = fn(d)
	if err != nil || enrichFn == nil {
		return a, err
	}
	stage = "enrichment"
	e := enrichFn(a)
	a.Enrichment = &e
	return a, nil
}

// collect stores results in input order, so IDs and events are the same
// whatever the workers' timing.
func collect(ctx context.Context, st Store, results <-chan result, seen <-chan int, opt Options) (Summary, error) {
	var sum Summary
	pending := map[int]result{}
	next, seenN := 0, 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			select {
			case seenN = <-seen:
			default:
			}
			ev := store1(ctx, st, r, &sum)
			ev.Done, ev.Seen = next, max(seenN, next)
			if err := place(ctx, opt.Stories, r.article, &ev); err != nil {
				return sum, err
			}
			if opt.OnEvent != nil {
				opt.OnEvent(ev)
			}
		}
	}
	return sum, ctx.Err()
}

func store1(ctx context.Context, st Store, r result, sum *Summary) Event {
	ev := Event{Source: r.source, Err: r.err}
	if ev.Err == nil {
		var err error
		ev.ID, ev.Outcome, err = st.PutArticle(ctx, r.article)
		if err != nil {
			ev.Err = fmt.Errorf("%s: store: %w", r.source, err)
		}
	}
	if ev.Err != nil {
		sum.Failed++
		return ev
	}
	switch ev.Outcome {
	case store.New:
		sum.New++
	case store.Updated:
		sum.Updated++
	default:
		sum.Unchanged++
	}
	return ev
}

// place puts a newly stored article into its story. A failure to write
// placements ends the run: later articles would be placed against state
// the store does not have.
func place(ctx context.Context, s *Stories, a model.Article, ev *Event) error {
	if s != nil && ev.Err == nil && ev.Outcome == store.Updated {
		a.ID = ev.ID
		s.Touch(a) // its story's report must be rebuilt
	}
	if s == nil || ev.Err != nil || ev.Outcome != store.New {
		return nil
	}
	a.ID = ev.ID
	p := s.Place(a)
	ev.StoryID, ev.Dup = p.StoryID, p.DuplicateOf
	if s.Pending() >= flushEvery {
		return s.Flush(ctx)
	}
	return nil
}
