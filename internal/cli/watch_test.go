package cli

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parallax/internal/gen"
	"parallax/internal/model"
)

// newsSite is a local server with a feed of generated articles, each on
// its own page. It counts requests by path.
type newsSite struct {
	*httptest.Server
	pages  []model.Article
	mu     sync.Mutex
	hits   map[string]int
	onPage func(i int) // called as page i is requested, when set
}

func newNewsSite(t *testing.T, n int) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}}
	for a := range gen.Stream(7, n) {
		s.pages = append(s.pages, a)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.xml", s.feed)
	mux.HandleFunc("/a/{i}", s.page)
	s.Server = httptest.NewServer(s.count(mux))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) count(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// requests returns the paths requested since the last call, and resets.
func (s *newsSite) requests() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.hits
	s.hits = map[string]int{}
	return h
}

func (s *newsSite) feed(w http.ResponseWriter, r *http.Request) {
	const etag = `"feed-v1"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Generated Wire</title>`)
	for i, a := range s.pages {
		fmt.Fprintf(w, "<item><title>%s</title><link>%s/a/%d</link><guid>wire-%d</guid></item>",
			html.EscapeString(a.Title), s.URL, i, i)
	}
	fmt.Fprint(w, "</channel></rss>")
}

func (s *newsSite) page(w http.ResponseWriter, r *http.Request) {
	var i int
	if _, err := fmt.Sscan(r.PathValue("i"), &i); err != nil || i < 0 || i >= len(s.pages) {
		http.NotFound(w, r)
		return
	}
	if s.onPage != nil {
		s.onPage(i)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, pageHTML(s.pages[i], fmt.Sprintf("%s/a/%d", s.URL, i)))
}

func pageHTML(a model.Article, url string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><title>%s</title><link rel="canonical" href="%s">`,
		html.EscapeString(a.Title), url)
	fmt.Fprintf(&b, `<meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>`,
		a.Published, html.EscapeString(a.Title))
	for _, p := range a.Paragraphs() {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// fast are the network flags tests use: no politeness delay, short timeout.
var fast = []string{"--delay", "0", "--timeout", "2s", "--retries", "0"}

func watchOnce(t *testing.T, db string, extra ...string) (string, string, error) {
	t.Helper()
	return run(t, append(append([]string{"watch", "--once", "--db", db}, fast...), extra...)...)
}

func TestWatchOnceIngestsFeedThenNothingNew(t *testing.T) {
	site := newNewsSite(t, 50)
	db := filepath.Join(t.TempDir(), "p.db")
	if _, _, err := run(t, "feeds", "add", "--db", db, "--allow-private", site.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	// The first two runs take the entries 30 at a time (--max-entries).
	for i, want := range []string{
		"50 entries, 30 fetched: 30 new, 0 updated, 0 unchanged, 0 failed; 20 left for later checks",
		"50 entries, 20 fetched: 20 new, 0 updated, 0 unchanged, 0 failed\n",
	} {
		out, stderr, err := watchOnce(t, db, "--quiet")
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i+1, err, stderr)
		}
		if !strings.Contains(out, want) {
			t.Errorf("run %d:\n%s\nwant %q", i+1, out, want)
		}
		h := site.requests()
		delete(h, "/robots.txt") // a new process reads it again
		if h["/feed.xml"] != 1 || len(h) != 1+30-10*i {
			t.Errorf("run %d requests: %d paths (%v); want the feed and the pages taken", i+1, len(h), h)
		}
	}
	if n := len(exportArticles(t, db)); n != 50 {
		t.Fatalf("stored %d articles; want 50", n)
	}

	// Every entry settled: the feed answers 304 to the stored validators
	// and no page is fetched again.
	out, stderr, err := watchOnce(t, db)
	if err != nil {
		t.Fatalf("third watch: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "not modified") || !strings.Contains(out, "0 new articles") {
		t.Errorf("third run:\n%s", out)
	}
	h := site.requests()
	delete(h, "/robots.txt")
	if len(h) != 1 || h["/feed.xml"] != 1 {
		t.Errorf("third run requests = %v; want only the feed", h)
	}
	if n := len(exportArticles(t, db)); n != 50 {
		t.Errorf("after third run: %d articles; want 50", n)
	}
}

func TestWatchFeedChangedFetchesOnlyNewEntries(t *testing.T) {
	site := newNewsSite(t, 6)
	all := site.pages
	site.pages = all[:4]
	db := filepath.Join(t.TempDir(), "p.db")
	run(t, "feeds", "add", "--db", db, "--allow-private", site.URL+"/feed.xml")
	if _, stderr, err := watchOnce(t, db); err != nil {
		t.Fatalf("watch: %v\n%s", err, stderr)
	}
	site.requests()
	site.pages = all // two new entries; the ETag is the same but a real server would change it
	run(t, "feeds", "remove", "--db", db, site.URL+"/feed.xml")
	run(t, "feeds", "add", "--db", db, "--allow-private", site.URL+"/feed.xml") // forget validators and entries
	out, _, err := watchOnce(t, db)
	if err != nil || !strings.Contains(out, "6 entries, 6 fetched: 2 new, 0 updated, 4 unchanged") {
		t.Errorf("re-added feed: %v\n%s", err, out)
	}
}

// brokenSite serves feeds and pages that fail in every way the watcher
// must survive.
func brokenSite(t *testing.T) *httptest.Server {
	t.Helper()
	good := pageHTML(model.Article{Title: "Quarry reopens", Body: strings.Repeat("The fictional quarry at Lindholt reopened on Monday after a long winter closure, and forty workers returned. ", 6)}, "")
	release := make(chan struct{})
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Mixed</title>
<item><link>%[1]s/page/ok</link><guid>ok</guid></item>
<item><link>%[1]s/page/gone</link><guid>gone</guid><title>Gone but summarised</title>
<description>&lt;p&gt;%[2]s&lt;/p&gt;</description></item>
<item><link>%[1]s/page/broken</link><guid>broken</guid></item>
</channel></rss>`, srv.URL, strings.Repeat("The harbour master of fictional Ostrava Bay said the pier repairs were finished. ", 4))
	})
	mux.HandleFunc("/page/ok", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, good) })
	mux.HandleFunc("/page/gone", http.NotFound)
	mux.HandleFunc("/page/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/error.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/notfeed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, good) })
	mux.HandleFunc("/private/feed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<rss/>") })
	mux.HandleFunc("/stalled.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(func() { close(release); srv.Close() })
	return srv
}

func TestWatchSurvivesBrokenFeedsAndPages(t *testing.T) {
	srv := brokenSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	u := func(p string) string { return srv.URL + p }
	run(t, "feeds", "add", "--db", db, "--allow-private", u("/error.xml"), u("/missing.xml"), u("/notfeed.xml"), u("/private/feed.xml"), u("/stalled.xml"), u("/good.xml"))
	out, stderr, err := run(t, "watch", "--once", "--db", db, "--delay", "0", "--timeout", "300ms", "--retries", "0")
	t.Logf("stdout:\n%s\nstderr:\n%s", out, stderr)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v; want errSomeFailed", err)
	}
	for _, want := range []string{
		u("/error.xml") + ": HTTP 500 Internal Server Error",
		u("/missing.xml") + ": HTTP 404 Not Found",
		u("/notfeed.xml") + ": not a feed",
		u("/private/feed.xml") + ": disallowed by robots.txt",
		u("/stalled.xml") + ": timed out after 300ms",
		u("/page/broken") + ": HTTP 500 Internal Server Error",
	} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("stderr lacks one line %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "3 entries, 3 fetched: 2 new, 0 updated, 0 unchanged, 1 failed (1 from the feed's own content") {
		t.Errorf("good feed line missing:\n%s", out)
	}
	as := exportArticles(t, db)
	if len(as) != 2 {
		t.Fatalf("stored %d articles; want 2 (the page and the summarised entry)", len(as))
	}
	list, _, _ := run(t, "feeds", "list", "--db", db)
	if !strings.Contains(list, "error: HTTP 500") || !strings.Contains(list, "ok (HTTP 200)") {
		t.Errorf("feeds list:\n%s", list)
	}
}

func TestFeedsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	opml := filepath.Join(t.TempDir(), "subs.opml")
	writeFile(t, opml, `<opml version="2.0"><body><outline text="News"><outline text="Courier" xmlUrl="https://courier.example/rss.xml"/></outline>
<outline text="Gazette" xmlUrl="https://gazette.example/atom.xml"/></body></opml>`)
	out, stderr, err := run(t, "feeds", "add", "--db", db, "--opml", opml, "https://ledger.example/feed.json", "ftp://bad.example/x")
	if !errors.Is(err, errSomeFailed) || !strings.Contains(stderr, "ftp://bad.example/x: not an http or https URL") {
		t.Fatalf("add: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "3 feeds added, 0 already followed, 1 failed") {
		t.Errorf("add:\n%s", out)
	}
	out, _, _ = run(t, "feeds", "add", "--db", db, "https://ledger.example/feed.json")
	if !strings.Contains(out, "0 feeds added, 1 already followed") {
		t.Errorf("add again:\n%s", out)
	}
	if _, _, err := run(t, "feeds", "remove", "--db", db, "https://gazette.example/atom.xml"); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "feeds", "remove", "--db", db, "https://nowhere.example/"); !errors.Is(err, errSomeFailed) || !strings.Contains(stderr, "not a followed feed") {
		t.Errorf("remove unknown: %v %s", err, stderr)
	}
	out, _, _ = run(t, "feeds", "list", "--db", db, "--format", "json")
	if !strings.Contains(out, `"url": "https://ledger.example/feed.json"`) || strings.Contains(out, "gazette") {
		t.Errorf("list json:\n%s", out)
	}
	out, _, err = run(t, "feeds", "export", "--db", db)
	if err != nil || !strings.Contains(out, `<opml version="2.0">`) || !strings.Contains(out, `xmlUrl="https://courier.example/rss.xml"`) {
		t.Errorf("export: %v\n%s", err, out)
	}
	if _, _, err := run(t, "feeds"); !errors.Is(err, ErrUsage) {
		t.Errorf("bare feeds: %v", err)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestURLsWithFiles(t *testing.T) {
	site := newNewsSite(t, 3)
	dir := copyInputs(t, "harbour.html")
	db := filepath.Join(t.TempDir(), "p.db")
	args := append([]string{"ingest", "--db", db}, fast...)
	args = append(args, filepath.Join(dir, "harbour.html"), site.URL+"/a/0", site.URL+"/a/1", site.URL+"/a/99", site.URL+"/private/x")
	out, stderr, err := run(t, args...)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v\n%s", err, stderr)
	}
	for _, want := range []string{site.URL + "/a/99: HTTP 404 Not Found", site.URL + "/private/x: disallowed by robots.txt"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "3 new, 0 updated, 0 unchanged, 2 failed") {
		t.Errorf("summary: %s", out)
	}
}

func TestIngestGzipBombURLStoresNothing(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("<p>a</p>"), 4<<20)) // 32 MiB, over the 16 MiB cap
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	_, stderr, err := run(t, "ingest", "--db", db, "--delay", "0", "--timeout", "2m", srv.URL+"/bomb")
	if !errors.Is(err, errSomeFailed) || strings.TrimSpace(stderr) != "error: "+srv.URL+"/bomb: body too large: over 16 MiB" {
		t.Errorf("err %v, stderr %q", err, stderr)
	}
	if n := len(exportArticles(t, db)); n != 0 {
		t.Errorf("stored %d articles from a bomb", n)
	}
}

func TestIngestWARC(t *testing.T) {
	rec := func(typ, uri, block string) string {
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, len(block), block)
	}
	resp := func(status int, ctype, body string) string {
		return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
	}
	page := pageHTML(model.Article{Title: "Lighthouse keeper retires", Body: strings.Repeat("After forty years the keeper of the fictional Skarvholm light handed over the keys on Friday. ", 5)}, "")
	var warc bytes.Buffer
	zw := gzip.NewWriter(&warc)
	for _, r := range []string{
		rec("response", "https://skarvholm.example/keeper", resp(200, "text/html; charset=utf-8", page)),
		rec("response", "https://skarvholm.example/missing", resp(404, "text/html", "<p>gone</p>")),
		rec("request", "https://skarvholm.example/keeper", "GET / HTTP/1.1\r\n\r\n"),
	} {
		zw.Write([]byte(r))
		zw.Close() // one gzip member per record
		zw.Reset(&warc)
	}
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	os.WriteFile(path, warc.Bytes(), 0o644)
	db := filepath.Join(t.TempDir(), "p.db")
	out, stderr, err := run(t, "ingest", "--db", db, path)
	if err != nil || !strings.Contains(out, "1 new, 0 updated, 0 unchanged, 0 failed") {
		t.Fatalf("ingest WARC: %v\n%s\n%s", err, out, stderr)
	}
	as := exportArticles(t, db)
	if len(as) != 1 || as[0].Source != "https://skarvholm.example/keeper" || as[0].Title != "Lighthouse keeper retires" {
		t.Errorf("articles = %+v", as)
	}
}

// ingest URL keeps each page's validators: a re-run asks conditionally and
// counts a 304 as unchanged.
func TestIngestURLRerunIsConditional(t *testing.T) {
	var mu sync.Mutex
	conditional, full := 0, 0
	page := pageHTML(model.Article{Title: "Ferry fares frozen", Body: strings.Repeat("The fictional ferry company of Wendmarsh froze its fares for the winter, the harbour office said. ", 5)}, "")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("If-None-Match") == `"fares-1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Header().Set("ETag", `"fares-1"`)
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	args := append(append([]string{"ingest", "--db", db}, fast...), srv.URL+"/fares")
	if out, stderr, err := run(t, args...); err != nil || !strings.Contains(out, "1 new") {
		t.Fatalf("first ingest: %v\n%s%s", err, out, stderr)
	}
	out, stderr, err := run(t, args...)
	if err != nil || !strings.Contains(out, "0 new, 0 updated, 1 unchanged, 0 failed") {
		t.Fatalf("second ingest: %v\n%s%s", err, out, stderr)
	}
	if conditional != 1 || full != 1 {
		t.Errorf("server answered %d in full and %d with 304; want 1 and 1", full, conditional)
	}
}
