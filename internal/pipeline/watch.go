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

// FeedFetcher reads feeds conditionally and pages plainly; *fetch.Fetcher
// is one.
type FeedFetcher interface {
	source.Fetcher
	Fetch(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// WatchOptions tune CheckFeeds and Watch.
type WatchOptions struct {
	Fetcher FeedFetcher
	// Ingest tunes the ingestion of each feed's new entries (workers,
	// story placement, per-article events). Its Source.NetOptions are
	// set by the watcher.
	Ingest Options
	OnFeed func(FeedReport) // called once per feed checked
}

// FeedReport is what one feed check did.
type FeedReport struct {
	URL         string
	Title       string
	NotModified bool    // the server answered 304: nothing fetched
	Entries     int     // entries in the feed
	Fetched     int     // entries read this time (new, or retried after a failure)
	Articles    Summary // what became of those
	Fallbacks   int     // entries stored from the feed's own content because their page failed
	Err         error   // the feed itself could not be read; names the URL
}

// WatchSummary adds up one round of checks.
type WatchSummary struct {
	Feeds, Failed, NotModified int
	Articles                   Summary
}

// CheckFeeds checks every followed feed once, in the order they were
// added. A feed that fails is reported and the others go on; the error is
// non-nil only when the store fails or ctx ends.
func CheckFeeds(ctx context.Context, st WatchStore, opt WatchOptions) (WatchSummary, error) {
	var sum WatchSummary
	subs, err := st.Feeds(ctx)
	if err != nil {
		return sum, err
	}
	for _, sub := range subs {
		rep, err := checkFeed(ctx, st, sub, opt)
		if err != nil {
			return sum, err
		}
		sum.add(rep)
		if opt.OnFeed != nil {
			opt.OnFeed(rep)
		}
	}
	return sum, nil
}

func (s *WatchSummary) add(r FeedReport) {
	s.Feeds++
	switch {
	case r.Err != nil:
		s.Failed++
	case r.NotModified:
		s.NotModified++
	}
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
// feed's own failure is in the report.
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
	allDone, err := ingestEntries(ctx, st, sub.URL, feed.Entries, opt, &rep)
	if err != nil {
		return rep, err
	}
	// Validators are kept only once every entry is settled: a 304 would
	// otherwise hide the entries still to retry.
	sub.ETag, sub.LastModified = "", ""
	if allDone {
		sub.ETag, sub.LastModified = resp.ETag, resp.LastModified
	}
	return rep, st.PutFeedCheck(ctx, sub)
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
