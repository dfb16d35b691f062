package cli

import (
	"context"
	"fmt"
	"sync"

	"parallax/internal/fetch"
	"parallax/internal/pipeline"
	"parallax/internal/source"
)

// serverIngest is the server's write endpoint: it fetches URLs posted to
// POST /api/ingest with a fetcher that refuses loopback, private and
// link-local addresses, and stores them as `parallax ingest` would.
type serverIngest struct {
	mu      sync.Mutex // one ingest at a time: one clusterer owns the stories
	st      Store
	fetcher *fetch.Fetcher
}

func newServerIngest(st Store) (*serverIngest, error) {
	c := fetch.DefaultConfig()
	c.AllowPrivate = false
	f, err := fetch.New(c)
	if err != nil {
		return nil, err
	}
	return &serverIngest{st: st, fetcher: f}, nil
}

// ingestResult is the JSON answer of POST /api/ingest.
type ingestResult struct {
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
	si.mu.Lock()
	defer si.mu.Unlock()
	// Reloaded on every call: a command-line ingest may have run since.
	stories, err := loadStories(ctx, si.st)
	if err != nil {
		return nil, err
	}
	res := ingestResult{Errors: []string{}}
	sum, err := ingestAndReport(ctx, si.st, stories, urls, pipeline.Options{
		Source: source.Options{NetOptions: source.NetOptions{Fetcher: si.fetcher}},
		OnEvent: func(ev pipeline.Event) {
			if ev.Err != nil {
				res.Errors = append(res.Errors, ev.Err.Error())
			}
		},
	})
	if err != nil {
		return nil, err
	}
	res.New, res.Updated, res.Unchanged, res.Failed = sum.New, sum.Updated, sum.Unchanged, sum.Failed
	return res, nil
}
