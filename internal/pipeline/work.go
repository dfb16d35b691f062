package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/store"
)

// Distributed workers take documents from a shared queue (internal/bus
// keeps it over NATS JetStream), extract, enrich and store them, then
// report each one's fate for the story writer; a delivery is acked only
// after that report is durable, so a worker may die at any instant.

// Delivery is one document a worker took from the queue.
type Delivery interface {
	Seq() int64               // the document's position in the queue: the story writer's order
	Tries() int               // deliveries so far, this one included
	Doc() (source.Doc, error) // the document; an error when the message is not one
	Ack() error               // finished: never delivered again
	Touch() error             // still at work on it: not redelivered yet
}

// WorkQueue is the documents' queue as a worker sees it.
type WorkQueue interface {
	// Fetch waits a moment for up to max documents; none when idle.
	Fetch(ctx context.Context, max int) ([]Delivery, error)
	// Report publishes, durably, what became of documents: a result for
	// the story writer each, and a dead letter for each failure.
	Report(ctx context.Context, done []Done) error
	// Attempt records that a worker is about to work on d alone and
	// returns how many such attempts there were, this one included.
	Attempt(ctx context.Context, d Delivery) (int, error)
}

// Done is what became of one delivered document.
type Done struct {
	Delivery  Delivery
	Source    string
	ArticleID int64 // the stored article; 0 when it failed
	Outcome   store.Outcome
	Err       error // why it failed for good: it is dead-lettered
}

// WorkOptions tune Work.
type WorkOptions struct {
	Concurrency int // documents extracted at once; 0: one per CPU
	Batch       int // articles stored in one transaction at most; 0: 32
	// MaxTries is how many times a redelivered document may be worked on
	// alone without being finished (its worker died, or stalled past the
	// queue's ack wait) before it is dead-lettered unread; 0: 5.
	MaxTries int
	Touch    time.Duration // how often deliveries in hand are touched; 0: 10s
	Retry    time.Duration // first pause after a store or queue failure (doubling up to 30s); 0: 1s
	Extract  func(source.Doc) (model.Article, error)
	Enrich   func(model.Article) model.Enrichment
	OnDone   func(Done)  // each document once reported, from one goroutine
	OnRetry  func(error) // a store or queue failure that will be retried
}

func (o WorkOptions) withDefaults() WorkOptions {
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.NumCPU()
	}
	if o.Batch <= 0 {
		o.Batch = 32
	}
	if o.MaxTries <= 0 {
		o.MaxTries = 5
	}
	if o.Touch <= 0 {
		o.Touch = 10 * time.Second
	}
	if o.Retry <= 0 {
		o.Retry = time.Second
	}
	if o.Extract == nil {
		o.Extract = extract.Document
	}
	if o.OnRetry == nil {
		o.OnRetry = func(error) {}
	}
	return o
}

// extracted is a delivery after extraction: its article, or why it failed.
type extracted struct {
	d       Delivery
	source  string
	article model.Article
	err     error
}

// Work takes documents from q until ctx ends, then finishes those in hand
// and returns. A document whose extraction fails is dead-lettered at
// once; a store or queue failure is retried (the deliveries are touched
// meanwhile) and ends the run only when ctx does.
func Work(ctx context.Context, q WorkQueue, st BatchStore, opt WorkOptions) (Summary, error) {
	opt = opt.withDefaults()
	h := &inHand{ds: map[Delivery]bool{}}
	stopTouch := h.touchEvery(opt.Touch)
	defer stopTouch()
	jobs := make(chan workItem, opt.Concurrency)
	out := make(chan extracted, opt.Concurrency+opt.Batch)
	// A slot per delivery in hand bounds what waits out its ack wait here.
	slots := make(chan struct{}, 2*opt.Concurrency+opt.Batch)
	go fetchLoop(ctx, q, h, slots, jobs, opt)
	var wg sync.WaitGroup
	for range opt.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- extractDelivery(j, opt)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return storeLoop(ctx, q, st, out, h, slots, opt)
}

// fetchLoop fetches as many documents as there are free slots, until ctx
// ends; a queue failure is retried.
func fetchLoop(ctx context.Context, q WorkQueue, h *inHand, slots chan struct{}, jobs chan<- workItem, opt WorkOptions) {
	defer close(jobs)
	pause := opt.Retry
	for {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		n := 1
		for n < opt.Concurrency && trySend(slots) {
			n++
		}
		ds, err := q.Fetch(ctx, n)
		for range n - len(ds) {
			<-slots
		}
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			opt.OnRetry(fmt.Errorf("fetch documents: %w", err))
			if !sleep(ctx, pause) {
				return
			}
			pause = min(2*pause, 30*time.Second)
			continue
		}
		pause = opt.Retry
		var suspects []Delivery
		for _, d := range ds {
			h.add(d)
			if d.Tries() > 1 {
				suspects = append(suspects, d)
				continue
			}
			jobs <- workItem{d: d}
		}
		if !isolate(ctx, q, suspects, slots, jobs, opt) {
			return
		}
	}
}

// workItem is a delivery for the extraction workers; attempts counts the
// times it was worked on alone (0 for a first delivery).
type workItem struct {
	d        Delivery
	attempts int
}

// isolate works on each redelivered document alone, once everything else
// in hand is finished and before anything more is fetched: a document
// that kills its worker then takes no other with it into an attempt of
// its own, and only it reaches MaxTries attempts.
func isolate(ctx context.Context, q WorkQueue, suspects []Delivery, slots chan struct{}, jobs chan<- workItem, opt WorkOptions) bool {
	for i, d := range suspects {
		if !waitInHand(ctx, slots, len(suspects)-i) {
			return false
		}
		var n int
		err := retry(ctx, opt, func() (err error) { n, err = q.Attempt(ctx, d); return err })
		if err != nil {
			return false
		}
		jobs <- workItem{d: d, attempts: n}
	}
	return len(suspects) == 0 || waitInHand(ctx, slots, 0)
}

// waitInHand waits until n deliveries are left in hand.
func waitInHand(ctx context.Context, slots chan struct{}, n int) bool {
	for len(slots) > n {
		if !sleep(ctx, 10*time.Millisecond) {
			return false
		}
	}
	return true
}

func trySend(c chan struct{}) bool {
	select {
	case c <- struct{}{}:
		return true
	default:
		return false
	}
}

// sleep waits d, false when ctx ended first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// extractDelivery reads, extracts and enriches one delivered document.
func extractDelivery(j workItem, opt WorkOptions) extracted {
	d := j.d
	if j.attempts > opt.MaxTries {
		return extracted{d: d, err: fmt.Errorf("document %d: gave up after %d attempts on it alone: each time, the worker handling it stopped or stalled before finishing", d.Seq(), j.attempts-1)}
	}
	doc, err := d.Doc()
	if err != nil {
		return extracted{d: d, err: fmt.Errorf("document %d: %w", d.Seq(), err)}
	}
	e := extracted{d: d, source: doc.Source}
	if e.article, err = safeExtract(opt.Extract, opt.Enrich, doc); err != nil {
		e.err = fmt.Errorf("%s: %w", doc.Source, err)
	}
	return e
}

// inHand is the set of deliveries in hand, touched now and then so the
// queue does not hand them to another worker while this one works.
type inHand struct {
	mu sync.Mutex
	ds map[Delivery]bool
}

func (h *inHand) add(d Delivery) {
	h.mu.Lock()
	h.ds[d] = true
	h.mu.Unlock()
}

func (h *inHand) remove(d Delivery) {
	h.mu.Lock()
	delete(h.ds, d)
	h.mu.Unlock()
}

func (h *inHand) touchEvery(every time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			h.mu.Lock()
			for d := range h.ds {
				d.Touch() // a lost touch costs at most a redelivery
			}
			h.mu.Unlock()
		}
	}()
	return func() { close(done) }
}
