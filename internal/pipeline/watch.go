package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/fetch"
	"parallax/internal/source"
)

// WatchStore is what watching feeds needs of a store.
type WatchStore interface {
	Store
	Feeds(ctx context.Context) ([]feeds.Subscription, error)
	PutFeedCheck(ctx context.Context, f feeds.Subscription) error
	FeedEntries(ctx context.Context, feedURL string) (map[string]feeds.EntryState, error)
	PutFeedEntry(ctx context.Context, feedURL string, e feeds.EntryState) error
}

// Defaults of WatchOptions.
const (
	// DefaultParallel feeds are checked at once. Checks mostly wait on
	// the network (one request per host at a time, a delay between), so
	// more than the CPUs; few enough that read-ahead stays small.
	DefaultParallel = 8
	// DefaultMaxEntries are taken from one feed per check: 30 pages at the
	// default 1s per-host delay is half a minute, so 200 feeds fill at
	// most 200×30/8 = 750s of the default 15-minute interval even when
	// all are backlogged.
	DefaultMaxEntries = 30
)

// WatchOptions tune CheckFeeds and Watch.
type WatchOptions struct {
	// Fetcher reads feeds (conditionally) and their entries' pages;
	// *fetch.Fetcher is one.
	Fetcher source.Fetcher
	// Ingest tunes the ingestion of each feed's new entries (workers,
	// story placement, per-article events). Its Source.NetOptions and
	// Serial are set by the watcher.
	Ingest Options
	OnFeed func(FeedReport) // called once per feed checked, one call at a time
	// Parallel bounds the feeds checked at once; 0 means DefaultParallel.
	// Requests to one host still go one at a time (the fetcher's gate).
	Parallel int
	// MaxEntries caps the entries taken from one feed per check, newest
	// first; the rest wait for later checks. 0 means DefaultMaxEntries.
	MaxEntries int
}

// FeedReport is what one feed check did.
type FeedReport struct {
	URL         string
	Title       string
	NotModified bool    // the server answered 304: nothing fetched
	Entries     int     // entries in the feed
	Fetched     int     // entries read this time (new, or retried after a failure)
	Left        int     // entries waiting for a later check: over MaxEntries, or not reached before an interrupt
	Articles    Summary // what became of those fetched
	Fallbacks   int     // entries stored from the feed's own content because their page failed
	Err         error   // the feed itself could not be read; names the URL
}

// read reports whether the check got as far as an answer for the feed.
func (r FeedReport) read() bool { return r.Err != nil || r.NotModified || r.Entries > 0 }

// WatchSummary adds up one round of checks.
type WatchSummary struct {
	Followed                   int // feeds followed when the round began
	Feeds, Failed, NotModified int // feeds checked (in full or in part), and how
	Left                       int // entries waiting for a later check
	Articles                   Summary
	Interrupted                bool // the round was cut short: Feeds may be below Followed
}

func (s *WatchSummary) add(r FeedReport) {
	s.Feeds++
	switch {
	case r.Err != nil:
		s.Failed++
	case r.NotModified:
		s.NotModified++
	}
	s.Left += r.Left
	s.Articles.New += r.Articles.New
	s.Articles.Updated += r.Articles.Updated
	s.Articles.Unchanged += r.Articles.Unchanged
	s.Articles.Failed += r.Articles.Failed
}

// Watch runs a round now and then every interval until ctx ends, which is
// a normal stop (nil); a round's error ends it. The caller's round checks
// the feeds (taking the store's writer lease for as long as it places).
func Watch(ctx context.Context, interval time.Duration, round func(context.Context) error) error {
	for {
		err := round(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// checkFeed fetches one feed conditionally and ingests its entries not yet
// stored. The returned error is a store failure or cancellation; the
// feed's own failure is in the report. The feed's URL is fetched even
// when it names a private address: the user chose it.
func checkFeed(ctx context.Context, st WatchStore, sub feeds.Subscription, opt WatchOptions) (FeedReport, error) {
	rep := FeedReport{URL: sub.URL, Title: sub.Title}
	resp, err := opt.Fetcher.Fetch(ctx, fetch.Request{URL: sub.URL, ETag: sub.ETag, LastModified: sub.LastModified})
	sub.CheckedAt = time.Now().UTC()
	if err != nil {
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		return rep, feedFailed(ctx, st, &sub, &rep, err)
	}
	sub.Status, sub.Error = resp.Status, ""
	if resp.NotModified {
		rep.NotModified = true
		return rep, st.PutFeedCheck(ctx, sub)
	}
	feed, err := feeds.Parse(resp.Body, sub.URL)
	if err != nil {
		return rep, feedFailed(ctx, st, &sub, &rep, fmt.Errorf("%s: %w", sub.URL, err))
	}
	if feed.Title != "" {
		sub.Title, rep.Title = feed.Title, feed.Title
	}
	rep.Entries = len(feed.Entries)
	allDone, err := ingestEntries(ctx, st, sub, feed.Entries, opt, &rep)
	// Validators are kept only once every entry is settled: a 304 would
	// otherwise hide the entries still to take or retry.
	sub.ETag, sub.LastModified = "", ""
	if allDone && err == nil {
		sub.ETag, sub.LastModified = resp.ETag, resp.LastModified
	}
	if err != nil && ctx.Err() == nil {
		return rep, err // the store failed
	}
	// Interrupted or not, the check is recorded: the feed was read.
	if perr := st.PutFeedCheck(context.WithoutCancel(ctx), sub); perr != nil {
		return rep, perr
	}
	return rep, err
}

// feedFailed records a failed check; the feed keeps its validators.
func feedFailed(ctx context.Context, st WatchStore, sub *feeds.Subscription, rep *FeedReport, err error) error {
	rep.Err = err
	sub.Error = oneLine(err, sub.URL)
	var fe *fetch.Error
	if errors.As(err, &fe) {
		sub.Status = fe.Status
	}
	return st.PutFeedCheck(ctx, *sub)
}

// oneLine is err's message without the URL it starts with.
func oneLine(err error, url string) string {
	return strings.TrimPrefix(err.Error(), url+": ")
}
