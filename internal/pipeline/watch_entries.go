package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"parallax/internal/feeds"
	"parallax/internal/fetch"
	"parallax/internal/source"
)

// ingestEntries fetches and stores up to opt.MaxEntries of the entries
// not yet settled, newest first, each from its full page, falling back to
// the entry's own content when the page cannot be fetched. Unless the
// feed allows private addresses, its links may reach only public ones.
// allDone reports whether every entry is now settled. When ctx ends, the
// entries not reached are left as they were, for the next check.
func ingestEntries(ctx context.Context, st WatchStore, sub feeds.Subscription, entries []feeds.Entry, opt WatchOptions, rep *FeedReport) (allDone bool, err error) {
	states, err := st.FeedEntries(ctx, sub.URL)
	if err != nil {
		return false, err
	}
	w := &entryWriter{
		ctx: context.WithoutCancel(ctx), st: st, feedURL: sub.URL, states: states, next: opt.Ingest.OnEvent,
		byLink: map[string]feeds.Entry{}, keys: map[string][]string{}, reported: map[string]bool{}, fetched: map[string]bool{},
	}
	links := w.take(newestFirst(entries), opt.MaxEntries)
	defer func() {
		rep.Fetched, rep.Left, rep.Fallbacks = len(w.fetched), w.left(entries), int(w.fallbacks.Load())
	}()
	if len(links) == 0 {
		return true, nil
	}
	iopt := opt.Ingest
	iopt.OnEvent = w.event
	iopt.Source.NetOptions = source.NetOptions{Fetcher: opt.Fetcher, PublicOnly: !sub.AllowPrivate, Fallback: w.fallback}
	sum, err := Ingest(ctx, links, st, iopt)
	rep.Articles = sum
	if err != nil {
		return false, err
	}
	if w.err != nil {
		return false, w.err
	}
	return w.settle(entries)
}

// newestFirst orders entries by date, newest first; undated ones follow,
// in the feed's order.
func newestFirst(entries []feeds.Entry) []feeds.Entry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b feeds.Entry) int {
		switch {
		case a.Published == b.Published:
			return 0
		case a.Published == "":
			return 1
		case b.Published == "":
			return -1
		}
		return strings.Compare(b.Published, a.Published) // RFC 3339 in UTC sorts as text
	})
	return out
}

// entryWriter records each entry's outcome as Ingest reports it.
type entryWriter struct {
	ctx       context.Context // not cancelled: an outcome begun is recorded
	st        WatchStore
	feedURL   string
	states    map[string]feeds.EntryState
	byLink    map[string]feeds.Entry // the entries taken this check, by link
	keys      map[string][]string    // entries sharing a link share its outcome
	reported  map[string]bool        // entry keys given an outcome this check
	fetched   map[string]bool        // links given an outcome this check
	next      func(Event)
	fallbacks atomic.Int32 // counted by the reading goroutine, which may outlive an interrupted Ingest
	err       error        // the first store failure
}

// take picks the links of up to max entries not yet settled, in order;
// entries sharing a link count once.
func (w *entryWriter) take(entries []feeds.Entry, max int) []string {
	var links []string
	for _, e := range entries {
		if w.states[e.Key].Done() {
			continue
		}
		if _, taken := w.byLink[e.Link]; !taken {
			if len(links) >= max {
				continue // left for a later check
			}
			links = append(links, e.Link)
			w.byLink[e.Link] = e
		}
		w.keys[e.Link] = append(w.keys[e.Link], e.Key)
	}
	return links
}

// left counts the entries still waiting that got no outcome this check.
func (w *entryWriter) left(entries []feeds.Entry) int {
	n := 0
	for _, e := range entries {
		if !w.states[e.Key].Done() && !w.reported[e.Key] {
			n++
		}
	}
	return n
}

// fallback turns the entry behind a page that failed into a record, when
// the feed carried some content for it. A link refused for leading to a
// private address gets none: nothing is stored under such a link.
func (w *entryWriter) fallback(url string, err error) *source.Record {
	e, ok := w.byLink[url]
	if !ok || strings.TrimSpace(e.Content) == "" || errors.Is(err, fetch.ErrPrivate) {
		return nil
	}
	w.fallbacks.Add(1)
	return &source.Record{URL: e.Link, Title: e.Title, Published: e.Published, Authors: e.Authors, HTML: e.Content}
}

func (w *entryWriter) event(ev Event) {
	if errors.Is(ev.Err, fetch.ErrPrivate) {
		ev.Err = fmt.Errorf("%w (a feed's links may reach only public addresses unless it is added with --allow-private)", ev.Err)
	}
	if w.next != nil {
		w.next(ev)
	}
	link := eventInput(ev)
	// No keys: a document found inside the page (a WARC, a JSON list).
	for _, key := range w.keys[link] {
		s := w.states[key]
		s.Key, s.Link = key, link
		if ev.Err != nil {
			s.Attempts++
			s.Error = oneLine(ev.Err, link)
		} else {
			s.ArticleID, s.Error = ev.ID, ""
			if ev.Queued != 0 {
				// Handed to the distributed workers: settled, and told
				// apart from a stored article by its sign.
				s.ArticleID = -ev.Queued
			}
		}
		w.put(s)
	}
}

// eventInput is the input an event is about: its Source, or for an input
// that could not be read, the input its error names.
func eventInput(ev Event) string {
	var ie *source.InputError
	if ev.Source == "" && errors.As(ev.Err, &ie) {
		return ie.Input
	}
	return ev.Source
}

func (w *entryWriter) put(s feeds.EntryState) {
	w.states[s.Key] = s
	w.reported[s.Key] = true
	w.fetched[s.Link] = true
	if err := w.st.PutFeedEntry(w.ctx, w.feedURL, s); err != nil && w.err == nil {
		w.err = err
	}
}

// settle counts an attempt for entries whose page yielded no event of its
// own, then reports whether every entry is settled.
func (w *entryWriter) settle(entries []feeds.Entry) (bool, error) {
	all := true
	for _, e := range entries {
		s := w.states[e.Key]
		if _, taken := w.byLink[e.Link]; taken && !w.reported[e.Key] && !s.Done() {
			s.Key, s.Link = e.Key, e.Link
			s.Attempts++
			s.Error = "the page yielded no article of its own"
			w.put(s)
		}
		all = all && w.states[e.Key].Done()
	}
	return all, w.err
}
