// Package pipeline runs the stages over many inputs: source → extract →
// store, with bounded concurrency, in input order, reporting each input's
// outcome as it goes.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"parallax/internal/cluster"
	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/outlets"
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
	// Warning says what was repaired to read the input (one line, without
	// its name), or "".
	Warning string
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
	// Pages, when set, keeps the validators of pages read by URL, so the
	// next ingest of a URL asks conditionally; a 304 counts as unchanged.
	Pages PageStore
	// Serial, when set, is held while each article is stored, placed and
	// reported, and while placements are written: several Ingests may
	// then run at once over one Stories (watch checks feeds concurrently).
	Serial sync.Locker
	// Outlet, when set, names the outlet of every input (the user knows
	// it; it overrides what extraction finds).
	Outlet string
	// Registry, when set, is the user's outlet registry: an article whose
	// name, alias or host it knows carries the registry's name for its
	// outlet, so every view labels it alike.
	Registry *outlets.Index
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
	seq         int
	source      string
	file        string
	marker      *source.FileStamp // for KindKnown and KindFileDone documents
	known       bool              // the marker stands for a file not read
	article     model.Article
	err         error
	page        *model.FetchedPage // validators to keep once stored
	notModified bool               // a 304: page is what was kept
	warning     string
	// prep is the article's clustering features as far as they depend on
	// the article alone, computed by the worker so that the goroutine
	// that stores and places in order does less (Stories.Prepare).
	prep *cluster.Prepared
}

// Ingest reads every input under paths, extracts each document and stores
// it. A bad input is reported through OnEvent and counted as failed; the
// others go on. The error is non-nil only when the run itself could not
// finish: the store failed, or the context was cancelled, which stops the
// run after the article being stored (inputs not yet stored are not
// counted).
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
	opt.Extract = namingOutlet(opt.Extract, opt.Outlet, opt.Registry)
	queue := opt.MaxQueue
	if queue <= 0 {
		queue = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opt.Inputs != nil {
		opt.Source.Known = knownInput(ctx, opt.Inputs)
	}
	if opt.Pages != nil {
		opt.Source.KnownPage = knownPage(opt.Pages)
	}

	jobs := make(chan job, queue)
	results := make(chan result, queue)
	seen := make(chan int, 1) // latest count of inputs read
	go produce(ctx, paths, opt.Source, jobs, seen)
	done := make(chan struct{})
	for range workers {
		go func() {
			for j := range jobs {
				r := work(j, opt.Extract, opt.Enrich)
				if opt.Stories != nil && r.err == nil && r.marker == nil && !r.notModified {
					r.prep = opt.Stories.Prepare(r.article)
				}
				results <- r
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
		unlock := lock(opt.Serial)
		ferr := opt.Stories.Flush(context.WithoutCancel(ctx))
		unlock()
		if ferr != nil && err == nil {
			err = ferr
		}
	}
	return sum, err
}

// lock takes l when there is one and returns its release.
func lock(l sync.Locker) (unlock func()) {
	if l == nil {
		return func() {}
	}
	l.Lock()
	return l.Unlock
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

// namingOutlet wraps an extractor so that every article carries the
// outlet name the user gives (it overrides what extraction found), or
// else the registry's name for the outlet its own name or host stands
// for. An outlet still unknown is stored as "": every view labels it
// alike (model.Article.OutletLabel), and a stored label would make the
// same content from two files two articles.
func namingOutlet(fn func(source.Doc) (model.Article, error), name string, reg *outlets.Index) func(source.Doc) (model.Article, error) {
	name = strings.TrimSpace(name)
	if o, ok := reg.Named(name); ok && name != "" {
		name = o.Name
	}
	if name == "" && reg.Len() == 0 {
		return fn
	}
	return func(d source.Doc) (model.Article, error) {
		a, err := fn(d)
		if err != nil {
			return a, err
		}
		if name != "" {
			a.Outlet = name
		} else if o, ok := reg.Article(a); ok {
			a.Outlet = o.Name
		}
		return a, nil
	}
}

func work(j job, extractFn func(source.Doc) (model.Article, error), enrichFn func(model.Article) model.Enrichment) result {
	r := result{seq: j.seq, source: j.doc.Source, file: j.doc.File, err: j.err,
		page: j.doc.Page, notModified: j.doc.NotModified, warning: j.doc.Warning}
	if j.err != nil || r.notModified {
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
// whatever the workers' timing. Once ctx ends it stores nothing more, but
// the article it is storing is finished: stored, placed and reported.
func collect(ctx context.Context, st Store, results <-chan result, seen <-chan int, opt Options) (Summary, error) {
	c := &collector{ctx: context.WithoutCancel(ctx), st: st, opt: opt, failedFiles: map[string]bool{}}
	pending := map[int]result{}
	next, seenN := 0, 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			if ctx.Err() != nil {
				go drain(results) // the workers finish their documents and exit
				if err := c.flush(); err != nil {
					return c.sum, err
				}
				return c.sum, ctx.Err()
			}
			delete(pending, next)
			next++
			select {
			case seenN = <-seen:
			default:
			}
			if err := c.add(r, next, max(seenN, next)); err != nil {
				return c.sum, err
			}
		}
		if len(results) == 0 { // nothing else ready: write what is held
			if err := c.flush(); err != nil {
				return c.sum, err
			}
		}
	}
	if err := c.flush(); err != nil {
		return c.sum, err
	}
	return c.sum, ctx.Err()
}

func drain(results <-chan result) {
	for range results {
	}
}

// collector is collect's state for settling one result after another.
type collector struct {
	ctx         context.Context // not cancelled: an article begun is finished
	st          Store
	opt         Options
	sum         Summary
	failedFiles map[string]bool // files with a document that failed
	batch       []held          // articles waiting to be stored together
}

// settle stores one result, places its article, keeps its page's
// validators and reports it, or records a file whose documents were all
// stored; an error is a store failure that ends the run.
func (c *collector) settle(r result, done, seen int) error {
	defer lock(c.opt.Serial)()
	if r.marker != nil && !r.known {
		return fileDone(c.ctx, c.opt.Inputs, r.marker, c.failedFiles)
	}
	ev := store1(c.ctx, c.st, r, &c.sum)
	ev.Done, ev.Seen = done, seen
	if ev.Err != nil && r.file != "" {
		c.failedFiles[r.file] = true
	}
	if err := place(c.ctx, c.opt.Stories, r.article, r.prep, &ev); err != nil {
		return err
	}
	if err := keepPage(c.ctx, c.opt.Pages, r, ev); err != nil {
		return err
	}
	if c.opt.OnEvent != nil {
		c.opt.OnEvent(ev)
	}
	return nil
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
	ev := Event{Source: r.source, Err: r.err, Warning: r.warning}
	if r.known {
		ev.Skipped = r.marker.Docs
		sum.Unchanged += r.marker.Docs
		return ev
	}
	if r.notModified && ev.Err == nil {
		ev.ID, ev.Outcome = r.page.ArticleID, store.Unchanged
		sum.Unchanged++
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

// count adds one stored (or failed) article's outcome.
func (s *Summary) count(ev Event) {
	switch {
	case ev.Err != nil:
		s.Failed++
	case ev.Outcome == store.New:
		s.New++
	case ev.Outcome == store.Updated:
		s.Updated++
	default:
		s.Unchanged++
	}
}

// place puts a newly stored article into its story. A failure to write
// placements ends the run: later articles would be placed against state
// the store does not have.
func place(ctx context.Context, s *Stories, a model.Article, prep *cluster.Prepared, ev *Event) error {
	// An updated article stays where it was; the store marked its story's
	// report pending when it stored the change.
	if s == nil || ev.Err != nil || ev.Outcome != store.New {
		return nil
	}
	a.ID = ev.ID
	p := s.PlacePrepared(a, prep)
	ev.StoryID, ev.Dup = p.StoryID, p.DuplicateOf
	if s.Pending() >= flushEvery {
		return s.Flush(ctx)
	}
	return nil
}
