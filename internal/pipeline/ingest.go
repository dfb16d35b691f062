// Package pipeline runs the stages over many inputs: source → extract →
// store, with bounded concurrency, in input order, reporting each input's
// outcome as it goes.
package pipeline

import (
	"context"
	"fmt"
	"runtime"

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
	// Queued is the document's position in the distributed queue when
	// it was handed to Options.Queue instead of stored (ID is then 0).
	Queued int64
	// Skipped is the number of documents of a file not read again: it is
	// unchanged since an earlier ingest stored them all (Outcome
	// Unchanged, ID 0).
	Skipped int
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
	// Queue, when set, takes each document for distributed workers:
	// nothing is extracted, stored or placed here (Extract, Enrich,
	// Stories and Inputs are not used).
	Queue Queue
	// Inputs, when set, remembers each file whose documents were all
	// stored, by path, size and modification time, and skips such a file
	// unread the next time.
	Inputs InputStore
}

// InputStore remembers files already ingested.
type InputStore interface {
	Input(ctx context.Context, path string) (store.Input, bool, error)
	PutInput(ctx context.Context, in store.Input) error
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
	file    string
	marker  *source.FileStamp // for KindKnown and KindFileDone documents
	known   bool              // the marker stands for a file not read
	article model.Article
	err     error
}

// Ingest reads every input under paths, extracts each document and stores
// it. A bad input is reported through OnEvent and counted as failed; the
// others go on. The error is non-nil only when the run itself could not
// finish (the context was cancelled).
func Ingest(ctx context.Context, paths []string, st Store, opt Options) (Summary, error) {
	if opt.Queue != nil {
		return enqueue(ctx, paths, opt)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Extract == nil {
		opt.Extract = extract.Document
	}
	queue := opt.MaxQueue
	if queue <= 0 {
		queue = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opt.Inputs != nil {
		opt.Source.Known = knownInput(ctx, opt.Inputs)
	}

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

// knownInput asks the store whether a file is unchanged since it was
// last ingested whole; a store error only means the file is read again.
func knownInput(ctx context.Context, st InputStore) func(source.FileStamp) (int, bool) {
	return func(f source.FileStamp) (int, bool) {
		in, ok, err := st.Input(ctx, f.Path)
		if err != nil || !ok {
			return 0, false
		}
		return in.Docs, in.Size == f.Size && in.ModTime == f.ModTime
	}
}

func work(j job, extractFn func(source.Doc) (model.Article, error), enrichFn func(model.Article) model.Enrichment) result {
	r := result{seq: j.seq, source: j.doc.Source, file: j.doc.File, err: j.err}
	if j.err != nil {
		return r
	}
	if j.doc.Kind == source.KindKnown || j.doc.Kind == source.KindFileDone {
		r.marker, r.known = j.doc.Stamp, j.doc.Kind == source.KindKnown
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
	failedFiles := map[string]bool{} // files with a document that failed
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
			if r.marker != nil && !r.known {
				if err := fileDone(ctx, opt.Inputs, r.marker, failedFiles); err != nil {
					return sum, err
				}
				continue
			}
			ev := store1(ctx, st, r, &sum)
			ev.Done, ev.Seen = next, max(seenN, next)
			if ev.Err != nil && r.file != "" {
				failedFiles[r.file] = true
			}
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

// fileDone remembers a file once every document it gave is stored (they
// come before its marker); a file with a failed document is read again
// next time.
func fileDone(ctx context.Context, st InputStore, f *source.FileStamp, failed map[string]bool) error {
	if failed[f.Path] {
		delete(failed, f.Path)
		return nil
	}
	if st == nil {
		return nil
	}
	return st.PutInput(ctx, store.Input{Path: f.Path, Size: f.Size, ModTime: f.ModTime, Docs: f.Docs})
}

func store1(ctx context.Context, st Store, r result, sum *Summary) Event {
	ev := Event{Source: r.source, Err: r.err}
	if r.known {
		ev.Skipped = r.marker.Docs
		sum.Unchanged += r.marker.Docs
		return ev
	}
	if ev.Err == nil {
		var err error
		ev.ID, ev.Outcome, err = st.PutArticle(ctx, r.article)
		if err != nil {
			ev.Err = fmt.Errorf("%s: store: %w", r.source, err)
		}
	}
	sum.count(ev)
	return ev
}

// place puts a newly stored article into its story. A failure to write
// placements ends the run: later articles would be placed against state
// the store does not have.
func place(ctx context.Context, s *Stories, a model.Article, ev *Event) error {
	// An updated article stays where it was; the store marked its story's
	// report pending when it stored the change.
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
