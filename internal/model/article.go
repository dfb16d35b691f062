// Package model holds Parallax's domain types. It imports nothing of ours so
// every stage can share it.
package model

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// Article is one clean news article, whatever input it came from.
type Article struct {
	ID        int64    `json:"id,omitempty"`
	Source    string   `json:"source"`    // path or URL it was read from; for a JSONL record, its url
	SourceID  string   `json:"source_id"` // the input's own identifier (a record's id), "" for pages
	URL       string   `json:"url"`       // canonical URL when known
	Title     string   `json:"title"`     // headline
	Authors   []string `json:"authors"`   // never nil once normalised
	Outlet    string   `json:"outlet"`    // the publication's name
	Published string   `json:"published"` // RFC 3339 date or date-time, "" when unknown
	Language  string   `json:"language"`  // ISO 639-1 code, "" when unknown
	Body      string   `json:"body"`      // paragraphs separated by one blank line
	// PageDates are dates the page shows beside the article but outside its
	// body (photo captions, embedded posts), as RFC 3339 dates: hints for
	// dating an article that has no published date.
	PageDates []string `json:"page_dates,omitempty"`
	// Enrichment is what enrich found in the text; nil until enriched. It
	// derives from the fields above, so it is not part of the content
	// fingerprint.
	Enrichment *Enrichment `json:"enrichment,omitempty"`
}

// Paragraphs splits the body on blank lines.
func (a Article) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// JoinParagraphs builds a body from paragraphs: trimmed, empty ones dropped,
// separated by one blank line.
func JoinParagraphs(ps []string) string {
	kept := make([]string, 0, len(ps))
	for _, p := range ps {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// OutletLabel names the article's outlet wherever articles are grouped or
// counted by outlet: its Outlet, else its URL's host, else "unknown outlet
// (FILE)" after the file it was read from (or its ID), so that two
// articles from different unknown outlets never count as one and the
// reader sees which file to name with `ingest --outlet`.
func (a Article) OutletLabel() string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	for _, raw := range []string{a.URL, a.Source} {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if name := path.Base(strings.ReplaceAll(strings.TrimSpace(a.Source), "\\", "/")); name != "." && name != "/" {
		return UnknownOutlet + " (" + name + ")"
	}
	if a.ID != 0 {
		return fmt.Sprintf("%s (article %d)", UnknownOutlet, a.ID)
	}
	return UnknownOutlet
}

// UnknownOutlet opens the label of an article whose outlet is not known.
const UnknownOutlet = "unknown outlet"

// IsWebURL reports whether s is an absolute http or https URL with a host:
// the only kind of address any view may turn into a link, since a page or
// record may carry javascript: or a bare path.
func IsWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
