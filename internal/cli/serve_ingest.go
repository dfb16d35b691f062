package cli

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"parallax/internal/fetch"
	"parallax/internal/pipeline"
	"parallax/internal/source"
	"parallax/internal/store"
	"parallax/internal/web"
)

// serverIngest is the server's write endpoint: it fetches URLs posted to
// POST /api/ingest with a fetcher that refuses loopback, private and
// link-local addresses, and stores them as `parallax ingest` would.
type serverIngest struct {
	mu      sync.Mutex // one ingest at a time: one clusterer owns the stories
	st      Store
	fetcher *fetch.Fetcher
	queue   pipeline.Queue // distributed: pages are queued for the workers instead
}

func newServerIngest(st Store, queue pipeline.Queue) (*serverIngest, error) {
	c := fetch.DefaultConfig()
	c.AllowPrivate = false
	f, err := fetch.New(c)
	if err != nil {
		return nil, err
	}
	return &serverIngest{st: st, fetcher: f, queue: queue}, nil
}

// ingestResult is the JSON answer of POST /api/ingest.
type ingestResult struct {
	Queued    int      `json:"queued,omitempty"` // distributed: handed to the workers
	New       int      `json:"new"`
	Updated   int      `json:"updated"`
	Unchanged int      `json:"unchanged"`
	Failed    int      `json:"failed"`
	Errors    []string `json:"errors"`
}

func (si *serverIngest) ingest(ctx context.Context, urls []string) (any, error) {
	for _, u := range urls {
		if !source.IsURL(u) { // never let a posted string name a local file
			return nil, fmt.Errorf("%q is not an http or https URL", u)
		}
	}
	if si.queue != nil {
		return si.run(ctx, nil, urls)
	}
	si.mu.Lock()
	defer si.mu.Unlock()
	w, err := si.openWriter(ctx)
	if err != nil {
		return nil, err
	}
	res, err := si.run(ctx, w, urls)
	return res, w.close(err)
}

// writerWait bounds how long a request waits for the store's writer (an
// ingest run by hand, a watch round) before it is told to come back.
const writerWait = 20 * time.Second

// openWriter takes the store's writer lease, or answers busy with who
// holds it after writerWait.
func (si *serverIngest) openWriter(ctx context.Context) (*writer, error) {
	wctx, cancel := context.WithTimeout(ctx, writerWait)
	defer cancel()
	var holder store.Holder
	lease, err := si.st.AcquireWriter(wctx, store.Me("serve"), func(h store.Holder) { holder = h })
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return nil, &web.BusyError{Reason: "the store's writer is busy: " + holder.String(), RetryAfter: writerWait}
	}
	if err != nil {
		return nil, err
	}
	return loadWriter(ctx, si.st, lease)
}

// run stores the URLs under w's lease, or queues them when w is nil
// (distributed).
func (si *serverIngest) run(ctx context.Context, w *writer, urls []string) (ingestResult, error) {
	res := ingestResult{Errors: []string{}}
	opt := pipeline.Options{
		Source: source.Options{NetOptions: source.NetOptions{Fetcher: si.fetcher}},
		OnEvent: func(ev pipeline.Event) {
			if ev.Err != nil {
				res.Errors = append(res.Errors, ev.Err.Error())
			}
		},
	}
	var sum pipeline.Summary
	var err error
	if w == nil {
		opt.Queue = si.queue
		sum, err = pipeline.Ingest(ctx, urls, nil, opt)
		sum.New, res.Queued = 0, sum.New
	} else {
		sum, err = w.ingest(ctx, urls, opt)
	}
	if err != nil {
		return res, err
	}
	res.New, res.Updated, res.Unchanged, res.Failed = sum.New, sum.Updated, sum.Unchanged, sum.Failed
	return res, nil
}
