package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"parallax/internal/model"
)

// The Atom feed of a follow (RFC 4287): one entry per event, newest first.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// baseURL is the address the request came to: feed readers need absolute
// links. The scheme is https behind TLS or a proxy that says so.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// atomID names a follow or one of its events for good, whatever the
// server's address (a tag URI, RFC 4151).
func atomID(followID, eventID int64) string {
	if eventID == 0 {
		return fmt.Sprintf("tag:parallax,2026:follow/%d", followID)
	}
	return fmt.Sprintf("tag:parallax,2026:follow/%d/event/%d", followID, eventID)
}

func eventSummary(e model.FollowEvent) string {
	var parts []string
	if e.Brief != "" {
		parts = append(parts, e.Brief)
	}
	if d := e.Discrepancy; d != nil {
		var vals []string
		for _, v := range d.Values {
			vals = append(vals, fmt.Sprintf("%q (%d articles)", v.Value, len(v.ArticleIDs)))
		}
		parts = append(parts, fmt.Sprintf("%s: %s.", d.Subject, strings.Join(vals, " against ")))
	}
	if len(e.Outlets) > 0 {
		parts = append(parts, "Outlets: "+strings.Join(e.Outlets, ", ")+".")
	}
	return strings.Join(parts, " ")
}

func buildFeed(base string, f model.Follow, evs []model.FollowEvent) atomFeed {
	feed := atomFeed{Title: "Parallax: " + followKinds[f.Kind] + " " + f.Label, ID: atomID(f.ID, 0), Updated: f.Created,
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: fmt.Sprintf("%s/feeds/%d", base, f.ID)},
			{Rel: "alternate", Type: "text/html", Href: base + followTargetHref(f)}},
		Author: atomAuthor{Name: "Parallax"}}
	for i, e := range evs {
		if i == 0 {
			feed.Updated = e.Created
		}
		feed.Entries = append(feed.Entries, atomEntry{Title: eventText(e), ID: atomID(f.ID, e.ID), Updated: e.Created,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: fmt.Sprintf("%s/stories/%d", base, e.StoryID)}, Summary: eventSummary(e)})
	}
	if feed.Updated == "" {
		feed.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	}
	return feed
}

func (s *server) feed(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "Feed numbers are positive whole numbers.")
		return
	}
	base := baseURL(r)
	s.cached(w, r, false, fmt.Sprintf("feed:%d:%s", id, base), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		f, err := s.cfg.Store.Follow(ctx, id)
		if err != nil {
			return nil, err
		}
		evs, err := s.cfg.Store.FollowEvents(ctx, id, feedEntries)
		if err != nil {
			return nil, err
		}
		b, err := xml.MarshalIndent(buildFeed(base, f, evs), "", "  ")
		if err != nil {
			return nil, fmt.Errorf("feed %d: %w", id, err)
		}
		body := append([]byte(xml.Header), b...)
		return newResponse(http.StatusOK, "application/atom+xml; charset=utf-8", append(body, '\n')), nil
	})
}
