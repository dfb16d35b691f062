package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parallax/internal/store/sqlite"
)

// A separate `parallax ingest` writes to the store while the server runs:
// the server sees the new articles and stories on its next request.
func TestIngestWhileServing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "live.db")
	ingestInto(t, path, filepath.Join(corpusDir, "html"))
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clock := newTestClock()
	ts := httptest.NewServer(newHandler(t, Config{Store: db, PageSize: 100, now: clock.now}))
	defer ts.Close()

	before := countArticles(t, ts.URL)
	res, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	etag := res.Header.Get("ETag")

	// Readers keep hitting the server during the ingest; none may fail.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for _, p := range []string{"/", "/api/stories", "/search?q=Corvane", "/outlets"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := fetchOK(ts.URL + p); err != nil {
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
					return
				}
			}
		}()
	}
	ingestInto(t, path, filepath.Join(corpusDir, "text"), filepath.Join(corpusDir, "records.jsonl"))
	close(stop)
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("requests failed during ingest: %v", failures)
	}
	// Lists are reused for ListTTL: the new stories show once it passed.
	clock.advance(DefaultLimits().ListTTL)

	after := countArticles(t, ts.URL)
	if before != 8 || after != 15 {
		t.Errorf("articles in stories: %d before, %d after; want 8 then 15", before, after)
	}
	res, body := getURL(t, ts.URL+"/search?q=Kastrova+fishermen")
	if res.StatusCode != 200 || !strings.Contains(body, "The Coastal Observer") {
		t.Errorf("search does not find the newly ingested record")
	}
	res, _ = getURL(t, ts.URL+"/", "If-None-Match", etag)
	if res.StatusCode != http.StatusOK {
		t.Errorf("list page after ingest: %d, want 200 with a new ETag", res.StatusCode)
	}
}

func countArticles(t *testing.T, base string) int {
	t.Helper()
	_, body := getURL(t, base+"/api/stories")
	var list apiList
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range list.Stories {
		n += s.Articles
	}
	return n
}

func fetchOK(u string) error {
	res, err := http.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if res.StatusCode != 200 {
		return fmt.Errorf("%s: status %d", u, res.StatusCode)
	}
	return nil
}

func getURL(t *testing.T, u string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestIngestEndpoint(t *testing.T) {
	var got []string
	fake := func(_ context.Context, urls []string) (any, error) {
		got = urls
		if urls[0] == "https://fail.example/" {
			return nil, errors.New("fetch failed")
		}
		return map[string]int{"new": len(urls)}, nil
	}
	off := newHandler(t, Config{Store: storeStub{}, Ingest: fake})
	on := newHandler(t, Config{Store: storeStub{}, Ingest: fake, Token: "s3cret"})
	noFunc := newHandler(t, Config{Store: storeStub{}, Token: "s3cret"})
	good := `{"urls": ["https://news.example/a", "http://news.example/b"]}`
	tests := []struct {
		name   string
		h      http.Handler
		auth   string
		ctype  string
		body   string
		status int
	}{
		{"off without a token", off, "Bearer s3cret", "application/json", good, 404},
		{"no credentials", on, "", "application/json", good, 401},
		{"wrong token", on, "Bearer s3cre", "application/json", good, 401},
		{"basic auth", on, "Basic czNjcmV0", "application/json", good, 401},
		{"not JSON", on, "Bearer s3cret", "text/plain", good, 415},
		{"bad JSON", on, "Bearer s3cret", "application/json", `{"urls": [`, 400},
		{"unknown field", on, "Bearer s3cret", "application/json", `{"urls": ["https://a.example/"], "x": 1}`, 400},
		{"no URLs", on, "Bearer s3cret", "application/json", `{"urls": []}`, 400},
		{"javascript URL", on, "Bearer s3cret", "application/json", `{"urls": ["javascript:alert(1)"]}`, 400},
		{"relative URL", on, "Bearer s3cret", "application/json", `{"urls": ["/etc/passwd"]}`, 400},
		{"too big", on, "Bearer s3cret", "application/json", `{"urls": ["https://a.example/` + strings.Repeat("a", maxIngestBody) + `"]}`, 413},
		{"too many", on, "Bearer s3cret", "application/json", `{"urls": [` + strings.Repeat(`"https://a.example/",`, maxIngestURLs) + `"https://a.example/"]}`, 400},
		{"no ingester", noFunc, "Bearer s3cret", "application/json", good, 501},
		{"ingest fails", on, "Bearer s3cret", "application/json", `{"urls": ["https://fail.example/"]}`, 502},
		{"accepted", on, "Bearer s3cret", "application/json; charset=utf-8", good, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/api/ingest", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.ctype)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
		})
	}
	if len(got) != 2 || got[1] != "http://news.example/b" {
		t.Errorf("ingest func got %q", got)
	}
	// GET on the write endpoint is not allowed either way.
	rec := httptest.NewRecorder()
	on.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/ingest", nil))
	if rec.Code != http.StatusMethodNotAllowed && rec.Code != http.StatusNotFound {
		t.Errorf("GET /api/ingest: %d", rec.Code)
	}
}
