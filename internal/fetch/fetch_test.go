package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testConfig is fast and allows the loopback test servers.
func testConfig() Config {
	c := DefaultConfig()
	c.HostDelay = 0
	c.RetryBase = time.Millisecond
	c.Timeout = 300 * time.Millisecond
	c.ConnectTimeout = time.Second
	c.AllowPrivate = true
	return c
}

func newFetcher(t *testing.T, mod func(*Config)) *Fetcher {
	t.Helper()
	c := testConfig()
	if mod != nil {
		mod(&c)
	}
	f, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// wantErr checks err is an *Error of kind, naming url, with want in its
// one-line message.
func wantErr(t *testing.T, err error, kind error, url, want string) {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v (%T); want *Error", err, err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("err = %v; want kind %v", err, kind)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, url+": ") || !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
		t.Errorf("message = %q; want one line %q: ...%s...", msg, url, want)
	}
}

func TestGetPageAndUserAgent(t *testing.T) {
	var ua string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		ua = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, "<html><title>Quay</title></html>")
	})
	resp, err := newFetcher(t, nil).Get(context.Background(), srv.URL+"/a#frag")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<html><title>Quay</title></html>" || resp.Status != 200 {
		t.Errorf("resp = %+v", resp)
	}
	if resp.ContentType != "text/html; charset=iso-8859-1" || resp.URL != srv.URL+"/a" {
		t.Errorf("content type %q, url %q", resp.ContentType, resp.URL)
	}
	if !strings.HasPrefix(ua, "parallax/") {
		t.Errorf("user agent = %q", ua)
	}
}

func TestConditionalRequest(t *testing.T) {
	const etag = `"v1"`
	const modified = "Mon, 02 Mar 2026 10:00:00 GMT"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		fmt.Fprint(w, "feed")
	})
	f := newFetcher(t, nil)
	first, err := f.Get(context.Background(), srv.URL+"/feed")
	if err != nil || first.ETag != etag || first.LastModified != modified || first.NotModified {
		t.Fatalf("first = %+v, %v", first, err)
	}
	second, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/feed", ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || second.Body != nil {
		t.Fatalf("second = %+v, %v", second, err)
	}
}

func TestRedirects(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &n); err == nil {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
			return
		}
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, "final page")
	})
	f := newFetcher(t, nil)
	resp, err := f.Get(context.Background(), srv.URL+"/moved")
	if err != nil || resp.URL != srv.URL+"/final" {
		t.Fatalf("moved: %+v, %v", resp, err)
	}
	_, err = f.Get(context.Background(), srv.URL+"/hop/0")
	wantErr(t, err, ErrRedirects, srv.URL+"/hop/0", "stopped after 5 redirects")
}

func TestTimeouts(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/stalled-body":
			w.Write([]byte("<html><p>first part"))
			w.(http.Flusher).Flush()
		}
		select { // stall until the client gives up or the test ends
		case <-r.Context().Done():
		case <-release:
		}
	})
	f := newFetcher(t, nil)
	for _, path := range []string{"/slow-headers", "/stalled-body"} {
		_, err := f.Get(context.Background(), srv.URL+path)
		wantErr(t, err, ErrTimeout, srv.URL+path, "timed out after 300ms")
	}
}

func TestGzipBombIsCappedAfterDecompression(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("a"), 4<<20))
	zw.Close()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		w.Write(bomb.Bytes())
	})
	f := newFetcher(t, func(c *Config) { c.MaxBytes = 1 << 20 })
	_, err := f.Get(context.Background(), srv.URL+"/bomb")
	wantErr(t, err, ErrTooLarge, srv.URL+"/bomb", "body too large: over 1 MiB")
	if bomb.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed; the test needs it small", bomb.Len())
	}
}

func TestStatusErrorsAndRetries(t *testing.T) {
	var hits sync.Map // path → *atomic.Int32
	count := func(p string) *atomic.Int32 {
		v, _ := hits.LoadOrStore(p, new(atomic.Int32))
		return v.(*atomic.Int32)
	}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := count(r.URL.Path).Add(1)
		switch r.URL.Path {
		case "/robots.txt", "/missing":
			http.NotFound(w, r)
		case "/broken":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/flaky": // fails once, then works
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "ok")
		case "/limited":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		}
	})
	f := newFetcher(t, nil)
	ctx := context.Background()

	_, err := f.Get(ctx, srv.URL+"/missing")
	wantErr(t, err, ErrStatus, srv.URL+"/missing", "HTTP 404 Not Found")
	if n := count("/missing").Load(); n != 1 {
		t.Errorf("404 fetched %d times; want 1 (no retry)", n)
	}
	_, err = f.Get(ctx, srv.URL+"/broken")
	wantErr(t, err, ErrStatus, srv.URL+"/broken", "HTTP 500 Internal Server Error")
	if n := count("/broken").Load(); n != 3 {
		t.Errorf("500 fetched %d times; want 3 (two retries)", n)
	}
	if resp, err := f.Get(ctx, srv.URL+"/flaky"); err != nil || string(resp.Body) != "ok" {
		t.Errorf("flaky: %v, %v", resp, err)
	}
	_, err = f.Get(ctx, srv.URL+"/limited")
	wantErr(t, err, ErrStatus, srv.URL+"/limited", "HTTP 429 Too Many Requests (server asks to wait 1h0m0s; not retried)")
	if n := count("/limited").Load(); n != 1 {
		t.Errorf("429 fetched %d times; want 1", n)
	}
}

func TestRobotsForbidsAndIsCached(t *testing.T) {
	var robotsHits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
			return
		}
		if r.URL.Path == "/to-private" {
			http.Redirect(w, r, "/private/b", http.StatusFound)
			return
		}
		fmt.Fprint(w, "page")
	})
	f := newFetcher(t, nil)
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/public/a"); err != nil {
		t.Fatal(err)
	}
	_, err := f.Get(ctx, srv.URL+"/private/a")
	wantErr(t, err, ErrRobots, srv.URL+"/private/a", "disallowed by robots.txt")
	_, err = f.Get(ctx, srv.URL+"/to-private")
	wantErr(t, err, ErrRobots, srv.URL+"/to-private", "disallowed by robots.txt")
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times; want 1", n)
	}
	ignoring := newFetcher(t, func(c *Config) { c.IgnoreRobots = true })
	if _, err := ignoring.Get(ctx, srv.URL+"/private/a"); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestRobotsServerErrorDisallows(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, "page")
	})
	_, err := newFetcher(t, nil).Get(context.Background(), srv.URL+"/a")
	wantErr(t, err, ErrRobots, srv.URL+"/a", "robots.txt unavailable")
}

func TestRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "secret")
	})
	f := newFetcher(t, func(c *Config) { c.AllowPrivate = false })
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	for _, u := range []string{srv.URL + "/x", "http://localhost" + port + "/x"} {
		_, err := f.Get(context.Background(), u)
		wantErr(t, err, ErrPrivate, u, "(loopback address)")
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server saw %d requests; want none", n)
	}
}

func TestBadURLs(t *testing.T) {
	f := newFetcher(t, nil)
	for _, u := range []string{"ftp://x.example/a", "http://", "http://a b/"} {
		_, err := f.Get(context.Background(), u)
		wantErr(t, err, ErrBadURL, u, "")
	}
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond) // give overlapping requests a chance to show
		fmt.Fprint(w, "x")
	})
	f := newFetcher(t, func(c *Config) { c.HostDelay = 10 * time.Millisecond })
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := f.Get(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p != 1 {
		t.Errorf("peak concurrent requests to one host = %d; want 1", p)
	}
	// 7 requests (robots.txt included) spaced by 10ms: at least 60ms.
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("took %v; the host delay was not kept", d)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"0", 0}, {"-5", 0}, {"soon", 0},
		{"120", 2 * time.Minute},
		{"Mon, 02 Mar 2026 10:01:30 GMT", 90 * time.Second},
		{"Mon, 02 Mar 2026 09:00:00 GMT", 0},
		{"99999999999999999", 365 * 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.Timeout = 0
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("Validate = %v; want it to name Timeout", err)
	}
}
