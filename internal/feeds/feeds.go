// Package feeds reads web feeds (RSS 2.0, Atom, JSON Feed, through
// gofeed) and OPML subscription lists, and holds the types that describe a
// subscription and what became of its entries.
package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Subscription is a feed the user follows, with what its last check found.
type Subscription struct {
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	AddedAt      time.Time `json:"added_at"`
	CheckedAt    time.Time `json:"checked_at,omitzero"` // zero until first checked
	Status       int       `json:"status,omitempty"`    // HTTP status of the last check; 0 when none came
	Error        string    `json:"error,omitempty"`     // why the last check failed, "" when it worked
	// AllowPrivate lets the feed's links reach loopback, private and
	// link-local addresses (feeds add --allow-private). Without it they
	// are refused: links are third-party data.
	AllowPrivate bool `json:"allow_private"`
}

// MaxAttempts is how many times an entry whose page cannot be stored is
// tried (once per check) before it is given up.
const MaxAttempts = 3

// EntryState records what became of one feed entry.
type EntryState struct {
	Key       string // the entry's GUID, else its link
	Link      string
	ArticleID int64 // the stored article, 0 until stored
	Attempts  int
	Error     string // the last failure, "" once stored
}

// Done reports whether the entry needs no more fetching.
func (e EntryState) Done() bool { return e.ArticleID != 0 || e.Attempts >= MaxAttempts }

// Feed is a parsed feed.
type Feed struct {
	Title    string
	Link     string // the site's home page
	Language string
	Entries  []Entry
}

// Entry is one item of a feed.
type Entry struct {
	Key       string // GUID, else link: stable across checks
	Link      string // absolute URL of the full page
	Title     string
	Published string // RFC 3339, "" when the feed gives no date
	Authors   []string
	Content   string // the entry's own HTML (full content, else summary)
}

// ErrNotFeed means the content is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not a feed (RSS, Atom or JSON Feed)")

// Parse reads a feed fetched from feedURL, which resolves relative links.
// Entries without a link are left out: there is no page to follow.
func Parse(data []byte, feedURL string) (*Feed, error) {
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, ErrNotFeed
	}
	if err != nil {
		return nil, fmt.Errorf("bad feed: %w", err)
	}
	base, _ := url.Parse(feedURL)
	f := &Feed{Title: clean(gf.Title), Link: resolve(base, gf.Link), Language: strings.ToLower(gf.Language)}
	seen := map[string]bool{}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		e := entry(it, base)
		if e.Link == "" || seen[e.Key] {
			continue
		}
		seen[e.Key] = true
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

func entry(it *gofeed.Item, base *url.URL) Entry {
	e := Entry{Link: resolve(base, it.Link), Title: clean(it.Title), Content: it.Content}
	e.Key = strings.TrimSpace(it.GUID)
	if e.Key == "" {
		e.Key = e.Link
	}
	if strings.TrimSpace(e.Content) == "" {
		e.Content = it.Description
	}
	switch {
	case it.PublishedParsed != nil:
		e.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
	case it.UpdatedParsed != nil:
		e.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
	}
	for _, p := range it.Authors {
		if p != nil && clean(p.Name) != "" {
			e.Authors = append(e.Authors, clean(p.Name))
		}
	}
	return e
}

// resolve makes ref absolute against base; "" when it is not an http(s)
// URL.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
