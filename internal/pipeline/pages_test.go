package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// validatorSite serves pages with an ETag, a Last-Modified or neither,
// answers 304 when asked with the current one, and counts full answers.
type validatorSite struct {
	*httptest.Server
	full    hitCounter // answers in full, by path
	mu      sync.Mutex
	version int
}

func newValidatorSite(t *testing.T) *validatorSite {
	s := &validatorSite{version: 1}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *validatorSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	etag := fmt.Sprintf(`"v%d"`, s.version)
	modified := fmt.Sprintf("Mon, 0%d Mar 2026 10:00:00 GMT", s.version)
	switch r.URL.Path {
	case "/robots.txt":
		http.NotFound(w, r)
		return
	case "/etag":
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
	case "/modified":
		if r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", modified)
	}
	s.full.add(r.URL.Path)
	fmt.Fprint(w, articlePage("Ferry timetable "+r.URL.Path, s.version*10+len(r.URL.Path)))
}

func TestIngestURLKeepsValidators(t *testing.T) {
	ctx := context.Background()
	site := newValidatorSite(t)
	st := openSQLite(t)
	urls := []string{site.URL + "/etag", site.URL + "/modified", site.URL + "/plain"}
	var events []Event
	opt := Options{Source: sourceOptions(testFetcher(t)), Pages: st, OnEvent: func(ev Event) { events = append(events, ev) }}
	first, err := Ingest(ctx, urls, st, opt)
	if err != nil || first.New != 3 {
		t.Fatalf("first run: %+v, %v", first, err)
	}
	ids := map[string]int64{}
	for _, ev := range events {
		ids[ev.Source] = ev.ID
	}
	kept, err := st.FetchedPage(ctx, site.URL+"/etag")
	if err != nil || kept.ETag != `"v1"` || kept.ArticleID != ids[site.URL+"/etag"] {
		t.Errorf("kept = %+v, %v", kept, err)
	}
	site.full.take()

	events = nil
	second, err := Ingest(ctx, urls, st, opt)
	if err != nil || second.Unchanged != 3 || second.Total() != 3 {
		t.Fatalf("second run: %+v, %v; want 3 unchanged", second, err)
	}
	if h := site.full.take(); h["/etag"] != 0 || h["/modified"] != 0 || h["/plain"] != 1 {
		t.Errorf("full answers on the re-run = %v; want only the page without validators", h)
	}
	for _, ev := range events {
		if ev.Outcome != store.Unchanged || ev.ID != ids[ev.Source] {
			t.Errorf("re-run event %+v; want unchanged with the stored ID %d", ev, ids[ev.Source])
		}
	}

	site.mu.Lock()
	site.version = 2 // every page changes
	site.mu.Unlock()
	third, err := Ingest(ctx, urls, st, opt)
	if err != nil || third.Updated != 3 {
		t.Fatalf("after a change: %+v, %v; want 3 updated", third, err)
	}
	if kept, _ := st.FetchedPage(ctx, site.URL+"/modified"); kept.LastModified != "Mon, 02 Mar 2026 10:00:00 GMT" {
		t.Errorf("validators not renewed: %+v", kept)
	}
}

// A page that fails extraction keeps no validators: a 304 next time must
// not pass for an article that was never stored.
func TestIngestURLFailedPageKeepsNoValidators(t *testing.T) {
	ctx := context.Background()
	site := newValidatorSite(t)
	st := openSQLite(t)
	failing := func(model.Article) model.Enrichment { panic("enricher broke") }
	sum, err := Ingest(ctx, []string{site.URL + "/etag"}, st, Options{Source: sourceOptions(testFetcher(t)), Pages: st, Enrich: failing})
	if err != nil || sum.Failed != 1 {
		t.Fatalf("ingest = %+v, %v; want 1 failed", sum, err)
	}
	if p, err := st.FetchedPage(ctx, site.URL+"/etag"); err == nil {
		t.Errorf("validators kept for a page that was not stored: %+v", p)
	}
}
