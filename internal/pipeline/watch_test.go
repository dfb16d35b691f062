package pipeline

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/fetch"
	"parallax/internal/source"
	"parallax/internal/store/sqlite"
)

func testFetcher(t testing.TB) *fetch.Fetcher {
	t.Helper()
	c := fetch.DefaultConfig()
	c.HostDelay, c.MaxRetries, c.AllowPrivate = 0, 0, true
	f, err := fetch.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// openSQLite opens a fresh SQLite store, closed when t ends.
func openSQLite(t *testing.T) *sqlite.DB {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// follow adds a feed whose links may reach the loopback test servers.
func follow(t *testing.T, st *sqlite.DB, feedURL string) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.AddFeed(ctx, feedURL, ""); err != nil {
		t.Fatal(err)
	}
	if err := st.SetFeedAllowPrivate(ctx, feedURL, true); err != nil {
		t.Fatal(err)
	}
}

func articlePage(title string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", html.EscapeString(title), html.EscapeString(title))
	for i := range 4 {
		fmt.Fprintf(&b, "<p>Report %d, part %d: the fictional town of Wendmarsh counted %d new ferry passengers this week, the harbour office said.</p>", n, i, n*10+i)
	}
	return b.String() + "</article></body></html>"
}

// retrySite has a feed of two entries; the second's page always fails.
type retrySite struct {
	*httptest.Server
	hitCounter
}

func newRetrySite(t *testing.T) *retrySite {
	s := &retrySite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.add(r.URL.Path)
		switch r.URL.Path {
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"f1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"f1"`)
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title><item><link>%[1]s/ok</link></item><item><link>%[1]s/fails</link></item></channel></rss>`, s.URL)
		case "/ok":
			fmt.Fprint(w, articlePage("Ferry numbers rise", 1))
		case "/fails":
			http.Error(w, "boom", http.StatusBadGateway)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestCheckFeedsRetriesFailedEntriesThenGivesUp(t *testing.T) {
	ctx := context.Background()
	site := newRetrySite(t)
	st := openSQLite(t)
	feedURL := site.URL + "/feed.xml"
	follow(t, st, feedURL)
	opt := WatchOptions{Fetcher: testFetcher(t)}
	for check := 1; check <= feeds.MaxAttempts; check++ {
		sum, err := CheckFeeds(ctx, st, opt)
		if err != nil {
			t.Fatal(err)
		}
		h := site.take()
		if h["/fails"] != 1 || h["/feed.xml"] != 1 || sum.NotModified != 0 {
			t.Errorf("check %d: requests %v, summary %+v; want the feed and the failing page again", check, h, sum)
		}
		if want := map[bool]int{true: 1, false: 0}[check == 1]; h["/ok"] != want {
			t.Errorf("check %d: /ok fetched %d times; want %d", check, h["/ok"], want)
		}
		subs, _ := st.Feeds(ctx)
		if settled := check == feeds.MaxAttempts; (subs[0].ETag != "") != settled {
			t.Errorf("check %d: ETag %q; validators must wait until every entry is settled", check, subs[0].ETag)
		}
	}
	entries, _ := st.FeedEntries(ctx, feedURL)
	if e := entries[site.URL+"/fails"]; e.Attempts != feeds.MaxAttempts || !strings.Contains(e.Error, "HTTP 502") || e.ArticleID != 0 {
		t.Errorf("failing entry = %+v", e)
	}
	sum, err := CheckFeeds(ctx, st, opt)
	if err != nil || sum.NotModified != 1 {
		t.Errorf("after giving up: %+v, %v; want 304", sum, err)
	}
	if h := site.take(); len(h) != 1 {
		t.Errorf("after giving up, requests %v; want only the feed", h)
	}
}

func TestWatchStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	site := newRetrySite(t)
	st := openSQLite(t)
	follow(t, st, site.URL+"/feed.xml")
	rounds := 0
	err := Watch(ctx, time.Hour, func(ctx context.Context) error {
		_, err := CheckFeeds(ctx, st, WatchOptions{Fetcher: testFetcher(t)})
		rounds++
		cancel()
		return err
	})
	if err != nil || rounds != 1 {
		t.Errorf("Watch = %v after %d rounds; want nil after 1", err, rounds)
	}
}

// BenchmarkFetchExtract measures fetching and extracting pages from a
// local server (no politeness delay), storing into memory.
//
//	go test -run '^$' -bench FetchExtract -benchtime 400x ./internal/pipeline
func BenchmarkFetchExtract(b *testing.B) {
	const pages = 100
	body := make([]string, pages)
	for i := range body {
		body[i] = articlePage(fmt.Sprintf("Ferry numbers rise, report %d", i), i)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/p/%d", &i); err != nil || i < 0 || i >= pages {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body[i])
	}))
	defer srv.Close()
	f := testFetcher(b)
	urls := make([]string, b.N)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/p/%d", srv.URL, i%pages)
	}
	b.ResetTimer()
	start := time.Now()
	sum, err := Ingest(context.Background(), urls, &memStore{}, Options{Source: sourceOptions(f)})
	if err != nil || sum.Failed > 0 {
		b.Fatalf("ingest: %+v, %v", sum, err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

func sourceOptions(f *fetch.Fetcher) source.Options {
	return source.Options{NetOptions: source.NetOptions{Fetcher: f}}
}
