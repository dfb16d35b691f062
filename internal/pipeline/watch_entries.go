package pipeline

import (
	"context"
	"errors"
	"strings"

	"parallax/internal/feeds"
	"parallax/internal/source"
)

// ingestEntries fetches and stores the entries not yet settled, each from
// its full page, falling back to the entry's own content when the page
// cannot be fetched. allDone reports whether every entry is now settled.
func ingestEntries(ctx context.Context, st WatchStore, feedURL string, entries []feeds.Entry, opt WatchOptions, rep *FeedReport) (allDone bool, err error) {
	states, err := st.FeedEntries(ctx, feedURL)
	if err != nil {
		return false, err
	}
	byLink := map[string]feeds.Entry{}
	keys := map[string][]string{} // entries sharing a link share its outcome
	var links []string
	for _, e := range entries {
		if states[e.Key].Done() {
			continue
		}
		if _, dup := byLink[e.Link]; !dup {
			links = append(links, e.Link)
			byLink[e.Link] = e
		}
		keys[e.Link] = append(keys[e.Link], e.Key)
	}
	rep.Fetched = len(links)
	if len(links) == 0 {
		return true, nil
	}
	w := &entryWriter{ctx: ctx, st: st, feedURL: feedURL, states: states, byLink: byLink, keys: keys, next: opt.Ingest.OnEvent}
	iopt := opt.Ingest
	iopt.OnEvent = w.event
	iopt.Source.NetOptions = source.NetOptions{Fetcher: opt.Fetcher, Fallback: w.fallback}
	sum, err := Ingest(ctx, links, st, iopt)
	rep.Articles, rep.Fallbacks = sum, w.fallbacks
	if err != nil {
		return false, err
	}
	if w.err != nil {
		return false, w.err
	}
	return w.settle(entries)
}

// entryWriter records each entry's outcome as Ingest reports it.
type entryWriter struct {
	ctx       context.Context
	st        WatchStore
	feedURL   string
	states    map[string]feeds.EntryState
	byLink    map[string]feeds.Entry
	keys      map[string][]string
	reported  map[string]bool
	next      func(Event)
	fallbacks int
	err       error // the first store failure
}

// fallback turns the entry behind a page that failed into a record, when
// the feed carried some content for it.
func (w *entryWriter) fallback(url string, _ error) *source.Record {
	e, ok := w.byLink[url]
	if !ok || strings.TrimSpace(e.Content) == "" {
		return nil
	}
	w.fallbacks++
	return &source.Record{URL: e.Link, Title: e.Title, Published: e.Published, Authors: e.Authors, HTML: e.Content}
}

func (w *entryWriter) event(ev Event) {
	if w.next != nil {
		w.next(ev)
	}
	if w.reported == nil {
		w.reported = map[string]bool{}
	}
	link := eventInput(ev)
	// No keys: a document found inside the page (a WARC, a JSON list).
	for _, key := range w.keys[link] {
		w.reported[key] = true
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
		if _, fetched := w.keys[e.Link]; fetched && !w.reported[e.Key] && !s.Done() {
			s.Key, s.Link = e.Key, e.Link
			s.Attempts++
			s.Error = "the page yielded no article of its own"
			w.put(s)
		}
		all = all && w.states[e.Key].Done()
	}
	return all, w.err
}
