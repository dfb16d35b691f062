package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// gatedStore is the real store with some reads held until the test opens
// the gate: slow handlers, on demand. Each held read first reports on
// entered.
type gatedStore struct {
	Store
	articles, searches bool // which reads are held
	entered            chan struct{}
	gate               chan struct{}
}

func newGatedStore(st Store, articles, searches bool) *gatedStore {
	return &gatedStore{Store: st, articles: articles, searches: searches,
		entered: make(chan struct{}, 100), gate: make(chan struct{})}
}

func (g *gatedStore) hold(ctx context.Context) error {
	g.entered <- struct{}{}
	select {
	case <-g.gate:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gatedStore) Article(ctx context.Context, id int64) (model.Article, error) {
	if g.articles {
		if err := g.hold(ctx); err != nil {
			return model.Article{}, err
		}
	}
	return g.Store.Article(ctx, id)
}

func (g *gatedStore) Search(ctx context.Context, q string, limit int) ([]model.Article, error) {
	if g.searches {
		if err := g.hold(ctx); err != nil {
			return nil, err
		}
	}
	return g.Store.Search(ctx, q, limit)
}

// answer is one response as the tests look at it.
type answer struct {
	status     int
	retryAfter string
	ctype      string
	body       string
}

func fetch(tb testing.TB, u string) answer {
	tb.Helper()
	res, err := http.Get(u)
	if err != nil {
		tb.Error(err)
		return answer{}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header.Get("Retry-After"), res.Header.Get("Content-Type"), string(b)}
}

// fetchAsync starts a request and delivers its answer on the channel.
func fetchAsync(tb testing.TB, u string, out chan<- answer) {
	go func() { out <- fetch(tb, u) }()
}

func healthOf(tb testing.TB, base string) health {
	tb.Helper()
	a := fetch(tb, base+"/healthz")
	var h health
	if a.status != 200 || json.Unmarshal([]byte(a.body), &h) != nil {
		tb.Fatalf("/healthz: %d %s", a.status, a.body)
	}
	return h
}

// waitUntil polls the server's health until cond holds (no time limit:
// the test's own timeout applies).
func waitUntil(tb testing.TB, base string, cond func(health) bool) {
	tb.Helper()
	for !cond(healthOf(tb, base)) {
		time.Sleep(time.Millisecond)
	}
}

// With two requests in flight and three queued, every further request is
// refused at once with 503 and Retry-After (a page for pages, JSON for the
// API); the health check still answers; once the slow handlers finish,
// the queued requests are served.
func TestShedsPastTheBound(t *testing.T) {
	db, damID := corpusStore(t)
	articleID := storyArticleID(t, db, damID)
	g := newGatedStore(db, true, false)
	ts := httptest.NewServer(newHandler(t, Config{Store: g,
		Limits: Limits{MaxInFlight: 2, MaxQueue: 3, QueueWait: time.Hour}}))
	defer ts.Close()

	slow := ts.URL + fmt.Sprintf("/articles/%d", articleID)
	served := make(chan answer, 5)
	for range 2 {
		fetchAsync(t, slow, served)
	}
	<-g.entered
	<-g.entered
	for range 3 {
		fetchAsync(t, slow, served)
	}
	waitUntil(t, ts.URL, func(h health) bool { return h.Queued == 3 })

	refused := []string{"/", fmt.Sprintf("/stories/%d", damID), slow[len(ts.URL):], "/search?q=dam",
		fmt.Sprintf("/api/stories/%d", damID), "/api/search?q=dam", "/api/stories"}
	for _, path := range refused {
		a := fetch(t, ts.URL+path)
		if a.status != http.StatusServiceUnavailable || a.retryAfter != "1" {
			t.Errorf("%s past the bound: %d, Retry-After %q; want 503 with Retry-After 1", path, a.status, a.retryAfter)
		}
		if api := strings.HasPrefix(path, "/api/"); api != strings.HasPrefix(a.ctype, "application/json") {
			t.Errorf("%s: 503 as %s", path, a.ctype)
		}
	}
	if h := healthOf(t, ts.URL); h.InFlight != 2 || h.Queued != 3 || h.Shed != int64(len(refused)) {
		t.Errorf("health while saturated: %+v; want 2 in flight, 3 queued, %d shed", h, len(refused))
	}

	close(g.gate)
	for range 5 {
		if a := <-served; a.status != 200 {
			t.Errorf("a request within the bound got %d", a.status)
		}
	}
	if a := fetch(t, ts.URL+"/"); a.status != 200 {
		t.Errorf("after the burst: %d", a.status)
	}
}

// Searches have their own, smaller bound: with it full, a further search
// is refused while pages are still served.
func TestShedsSearchesFirst(t *testing.T) {
	db, damID := corpusStore(t)
	g := newGatedStore(db, false, true)
	ts := httptest.NewServer(newHandler(t, Config{Store: g,
		Limits: Limits{MaxInFlight: 10, MaxSearches: 1, SearchQueue: 1, QueueWait: time.Hour}}))
	defer ts.Close()

	served := make(chan answer, 2)
	fetchAsync(t, ts.URL+"/search?q=Corvane", served)
	<-g.entered
	fetchAsync(t, ts.URL+"/api/search?q=Corvane", served)
	waitUntil(t, ts.URL, func(h health) bool { return h.SearchesQueued == 1 })

	for _, path := range []string{"/search?q=dam", "/?q=dam", "/api/stories?q=dam"} {
		if a := fetch(t, ts.URL+path); a.status != 503 || a.retryAfter == "" {
			t.Errorf("%s with the search bound full: %d; want 503 with Retry-After", path, a.status)
		}
	}
	for _, path := range []string{"/", fmt.Sprintf("/stories/%d", damID), "/outlets", "/api/stories"} {
		if a := fetch(t, ts.URL+path); a.status != 200 {
			t.Errorf("%s with the search bound full: %d; want 200", path, a.status)
		}
	}
	close(g.gate)
	for range 2 {
		if a := <-served; a.status != 200 {
			t.Errorf("a search within the bound got %d", a.status)
		}
	}
}

// A request that runs out of time is answered 503 with Retry-After (the
// server is busy), not 500.
func TestDeadlineIsBusyNotError(t *testing.T) {
	db, damID := corpusStore(t)
	checkDeadlines(t, db, damID)
}

func checkDeadlines(t *testing.T, db Store, damID int64) {
	tests := []struct {
		name   string
		limits Limits
		path   string
	}{
		{"story page", Limits{RequestTimeout: time.Nanosecond}, fmt.Sprintf("/stories/%d", damID)},
		{"story API", Limits{RequestTimeout: time.Nanosecond}, fmt.Sprintf("/api/stories/%d", damID)},
		{"list", Limits{RequestTimeout: time.Nanosecond}, "/?page=2"},
		{"article", Limits{RequestTimeout: time.Nanosecond}, "/articles/1"},
		{"search", Limits{SearchTimeout: time.Nanosecond}, "/search?q=Corvane"},
		{"search API", Limits{SearchTimeout: time.Nanosecond}, "/api/search?q=Corvane"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t, Config{Store: db, Limits: tt.limits})
			res, _ := get(t, h, tt.path)
			if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
				t.Errorf("status %d, Retry-After %q; want 503 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
			}
		})
	}
}

func storyArticleID(tb testing.TB, st Store, storyID int64) int64 {
	tb.Helper()
	arts, err := st.StoryArticles(context.Background(), storyID)
	if err != nil || len(arts) == 0 {
		tb.Fatalf("story %d articles: %v (%d)", storyID, err, len(arts))
	}
	return arts[0].ID
}

// With no queue (a negative MaxQueue), a request past the bound is
// refused at once.
func TestShedsWithoutQueue(t *testing.T) {
	db, damID := corpusStore(t)
	g := newGatedStore(db, true, false)
	ts := httptest.NewServer(newHandler(t, Config{Store: g, Limits: Limits{MaxInFlight: 1, MaxQueue: -1}}))
	defer ts.Close()
	slow := fmt.Sprintf("%s/articles/%d", ts.URL, storyArticleID(t, db, damID))
	served := make(chan answer, 1)
	fetchAsync(t, slow, served)
	<-g.entered
	if a := fetch(t, ts.URL+"/"); a.status != 503 {
		t.Errorf("past a bound of 1 with no queue: %d, want 503", a.status)
	}
	close(g.gate)
	if a := <-served; a.status != 200 {
		t.Errorf("the request within the bound got %d", a.status)
	}
}
