package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"parallax/internal/fetch"
	"parallax/internal/model"
)

func testFetcher(t *testing.T) *fetch.Fetcher {
	t.Helper()
	c := fetch.DefaultConfig()
	c.HostDelay, c.RetryBase, c.AllowPrivate = 0, time.Millisecond, true
	f, err := fetch.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestReadURLs(t *testing.T) {
	warc := gzipBytes(t, bytes.Join(testWARC(), nil))
	mux := http.NewServeMux()
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<html><body><p>Caf\xe9 on the quay</p></body></html>")
	})
	mux.HandleFunc("/record.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"url":"https://news.example/r","title":"Quay","text":"Body."}`)
	})
	mux.HandleFunc("/crawl.warc.gz", func(w http.ResponseWriter, r *http.Request) { w.Write(warc) })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`)
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	u := func(p string) string { return srv.URL + p }

	res := readPaths(t, Options{NetOptions: NetOptions{Fetcher: testFetcher(t)}},
		u("/latin1"), u("/record.json"), u("/crawl.warc.gz"), u("/feed.xml"), u("/empty"), u("/missing"))
	if d, ok := res.bySource(u("/latin1")); !ok || d.Kind != KindHTML || !strings.Contains(d.Text, "Caf\u00e9 on the quay") {
		t.Errorf("latin1 page = %+v", d)
	}
	if d, ok := res.bySource("https://news.example/r"); !ok || d.Kind != KindRecord || d.Record.Title != "Quay" {
		t.Errorf("record = %+v", d)
	}
	if _, ok := res.bySource("https://news.example/mill"); !ok {
		t.Errorf("WARC at a URL: pages not read; docs %v", res.docs)
	}
	for input, want := range map[string]string{
		u("/feed.xml"): "this is a feed",
		u("/empty"):    "empty file",
		u("/missing"):  "HTTP 404 Not Found",
	} {
		e := res.errFor(input)
		if e == nil || e.Error() != input+": "+want && !strings.HasPrefix(e.Error(), input+": "+want) {
			t.Errorf("error for %s = %v; want %q", input, e, want)
		}
	}
	var fe *fetch.Error
	if e := res.errFor(u("/missing")); e == nil || !errors.As(e, &fe) || fe.Status != 404 {
		t.Errorf("404 does not unwrap to *fetch.Error: %v", e)
	}
}

func TestReadURLFallbackAndNoFetcher(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	}))
	defer srv.Close()
	var gotErr error
	opt := Options{NetOptions: NetOptions{
		Fetcher: testFetcher(t),
		Fallback: func(url string, err error) *Record {
			gotErr = err
			if strings.HasSuffix(url, "/entry") {
				return &Record{URL: url, Title: "From the feed", HTML: "<p>Summary.</p>"}
			}
			return nil
		},
	}}
	res := readPaths(t, opt, srv.URL+"/entry", srv.URL+"/other")
	if d, ok := res.bySource(srv.URL + "/entry"); !ok || d.Kind != KindRecord || d.Record.Title != "From the feed" {
		t.Errorf("fallback doc = %+v", d)
	}
	if gotErr == nil || !strings.Contains(gotErr.Error(), "404") {
		t.Errorf("fallback got err %v", gotErr)
	}
	if res.errFor(srv.URL+"/other") == nil {
		t.Errorf("no error for a page without fallback: %v", res.errs)
	}
	res = readPaths(t, Options{}, "https://news.example/a")
	if e := res.errFor("https://news.example/a"); e == nil || !strings.Contains(e.Error(), "no fetcher") {
		t.Errorf("no fetcher: %v", res.errs)
	}
}

func TestReadURLCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for _, err := range Read(ctx, []string{"https://news.example/a"}, Options{NetOptions: NetOptions{Fetcher: testFetcher(t)}}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errs = %v; want one context.Canceled", errs)
	}
}

func TestReadURLConditional(t *testing.T) {
	const etag = `"quay-1"`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, "<html><body><p>The quay reopened.</p></body></html>")
	}))
	defer srv.Close()
	kept := map[string]model.FetchedPage{
		srv.URL + "/kept":     {URL: srv.URL + "/kept", ETag: etag, ArticleID: 7},
		srv.URL + "/no-valid": {URL: srv.URL + "/no-valid", ArticleID: 8},
	}
	opt := Options{NetOptions: NetOptions{Fetcher: testFetcher(t),
		KnownPage: func(_ context.Context, u string) (model.FetchedPage, bool, error) {
			if strings.HasSuffix(u, "/broken-store") {
				return model.FetchedPage{}, false, errors.New("database is locked")
			}
			p, ok := kept[u]
			return p, ok, nil
		}}}
	res := readPaths(t, opt, srv.URL+"/kept", srv.URL+"/new", srv.URL+"/no-valid", srv.URL+"/broken-store")
	if d, ok := res.bySource(srv.URL + "/kept"); !ok || !d.NotModified || d.Page == nil || *d.Page != kept[srv.URL+"/kept"] || d.Text != "" {
		t.Errorf("kept page = %+v; want NotModified with what was kept", d)
	}
	for _, p := range []string{"/new", "/no-valid"} {
		d, ok := res.bySource(srv.URL + p)
		if !ok || d.NotModified || d.Page == nil || d.Page.ETag != etag || d.Page.URL != srv.URL+p || !strings.Contains(d.Text, "quay") {
			t.Errorf("%s = %+v; want the page with its new validators", p, d)
		}
	}
	if e := res.errFor(srv.URL + "/broken-store"); e == nil || !strings.Contains(e.Error(), "stored validators: database is locked") {
		t.Errorf("store failure: %v", res.errs)
	}
}
