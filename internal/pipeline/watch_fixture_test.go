package pipeline

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// item is one entry of a test feed.
type item struct {
	link      string    // absolute, or a path on the feed's server
	published time.Time // zero: undated
	summary   string    // the entry's own content, "" for none
}

// newsServer serves /feed.xml (with an ETag, answering 304 to it), article
// pages under /a/N, and /go/N redirecting to its target N. It counts
// requests by path and the most that were in flight at once.
type newsServer struct {
	*httptest.Server
	hitCounter
	mu        sync.Mutex
	items     []item
	redirects []string
	inFlight  int
	peak      int
	hold      func(r *http.Request) // called while a request counts as in flight
}

func newNewsServer(t *testing.T, items ...item) *newsServer {
	t.Helper()
	s := &newsServer{items: items}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *newsServer) serve(w http.ResponseWriter, r *http.Request) {
	s.add(r.URL.Path)
	s.mu.Lock()
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	hold := s.hold
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	if hold != nil && r.URL.Path != "/robots.txt" {
		hold(r)
	}
	var n int
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/feed.xml":
		s.feed(w, r)
	case scan(r.URL.Path, "/go/%d", &n) && n < len(s.redirects):
		http.Redirect(w, r, s.redirects[n], http.StatusFound)
	case scan(r.URL.Path, "/a/%d", &n):
		fmt.Fprint(w, articlePage(fmt.Sprintf("Harbour report %d from %s", n, r.Host), n))
	default:
		http.NotFound(w, r)
	}
}

func scan(path, format string, n *int) bool {
	_, err := fmt.Sscanf(path, format, n)
	return err == nil
}

func (s *newsServer) feed(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	items := s.items
	s.mu.Unlock()
	etag := fmt.Sprintf(`"items-%d"`, len(items))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for _, it := range items {
		link := it.link
		if strings.HasPrefix(link, "/") {
			link = s.URL + link
		}
		fmt.Fprintf(&b, "<item><title>Entry %s</title><link>%s</link><guid>%s</guid>", html.EscapeString(link), html.EscapeString(link), html.EscapeString(link))
		if !it.published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.published.Format(time.RFC1123))
		}
		if it.summary != "" {
			fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString("<p>"+it.summary+"</p>"))
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	fmt.Fprint(w, b.String())
}

// hitCounter counts requests by path; safe for concurrent use.
type hitCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hitCounter) add(path string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = map[string]int{}
	}
	h.n[path]++
}

// take returns the requests by path since the last call, and resets.
func (h *hitCounter) take() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := h.n
	h.n = map[string]int{}
	return n
}

func (s *newsServer) peakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// march is a publication time n days into March 2026.
func march(n int) time.Time { return time.Date(2026, 3, n, 10, 0, 0, 0, time.UTC) }
