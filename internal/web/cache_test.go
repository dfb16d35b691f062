package web

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/storetest"
)

// countingStore is the real store counting the reads of members a story
// page or its API renders from (a small story's page reads them all, the
// API a page of them), with the first of them held until the gate opens.
type countingStore struct {
	Store
	storyArticles atomic.Int64
	gate          chan struct{} // nil: nothing held
}

func (c *countingStore) StoryArticleRefs(ctx context.Context, ids []int64) ([]store.ArticleRef, error) {
	c.count()
	return c.Store.StoryArticleRefs(ctx, ids)
}

func (c *countingStore) StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error) {
	c.count()
	return c.Store.StoryMembers(ctx, q)
}

func (c *countingStore) count() {
	if c.storyArticles.Add(1) == 1 && c.gate != nil {
		<-c.gate
	}
}

// A burst of readers of one story costs one rendering: the first renders,
// the others wait for its answer and get the same bytes.
func TestBurstOfReadersRendersOnce(t *testing.T) {
	db, damID := corpusStore(t)
	cs := &countingStore{Store: db, gate: make(chan struct{})}
	ts := httptest.NewServer(newHandler(t, Config{Store: cs}))
	defer ts.Close()

	const readers = 8
	path := fmt.Sprintf("%s/stories/%d", ts.URL, damID)
	answers := make(chan answer, readers)
	for range readers {
		fetchAsync(t, path, answers)
	}
	waitUntil(t, ts.URL, func(h health) bool { return h.Cache.Joined == readers-1 })
	close(cs.gate)
	var first string
	for range readers {
		a := <-answers
		if a.status != 200 || !strings.Contains(a.body, `class="matrix"`) {
			t.Fatalf("reader got %d", a.status)
		}
		if first == "" {
			first = a.body
		}
		if a.body != first {
			t.Error("readers of one story got different pages")
		}
	}
	for range 5 { // later readers: from the cache
		fetch(t, path)
	}
	if n := cs.storyArticles.Load(); n != 1 {
		t.Errorf("%d readers rendered the story %d times; want once", readers+5, n)
	}
}

// writableStore is a store the tests change under the server.
type writableStore interface {
	Store
	PutReport(ctx context.Context, storyID int64, fingerprint string, r model.Report) error
	AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error)
	CommitPlacements(ctx context.Context, b store.PlacementBatch) error
}

// The cached page follows the story: a new report (another fingerprint)
// or a changed story row renders it again, showing the change.
func TestStoryCacheFollowsTheStore(t *testing.T) {
	db, damID := corpusStore(t)
	checkStoryCacheFollows(t, db, damID)
}

func checkStoryCacheFollows(t *testing.T, db writableStore, damID int64) {
	cs := &countingStore{Store: db}
	h := newHandler(t, Config{Store: cs})
	ctx := context.Background()
	path := fmt.Sprintf("/stories/%d", damID)
	apiPath := fmt.Sprintf("/api/stories/%d", damID)
	get(t, h, path)
	get(t, h, apiPath)

	arts, err := db.StoryArticles(ctx, damID)
	if err != nil {
		t.Fatal(err)
	}
	rep := damReport(t, damID, arts)
	rep.Claims[0].Text = "A claim first seen in the rebuilt report"
	if err := db.PutReport(ctx, damID, "test-2", rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, apiPath} {
		if _, body := get(t, h, p); !strings.Contains(body, "A claim first seen in the rebuilt report") {
			t.Errorf("%s after a new report: still the old one", p)
		}
	}

	st, err := db.Story(ctx, damID)
	if err != nil {
		t.Fatal(err)
	}
	st.Title = "A title first seen after the story changed"
	storetest.Commit(t, db, store.PlacementBatch{Stories: []model.Story{st}})
	if _, body := get(t, h, path); !strings.Contains(body, "A title first seen after the story changed") {
		t.Error("story page after the story changed: still the old title")
	}
	get(t, h, path)
	get(t, h, apiPath)
	// The page and the API, each rendered once for each of the three
	// states (first, new report, new row).
	if n := cs.storyArticles.Load(); n != 6 {
		t.Errorf("rendered %d times, want 6 (once per state and kind)", n)
	}
}

func sized(body string) *response { return newResponse(200, "text/plain", []byte(body)) }

// The cache keeps the most recently used answers within its bound on
// bytes.
func TestCacheBound(t *testing.T) {
	const bound = 8 * (entryOverhead + 100)
	body := strings.Repeat("x", 100-len("k00"))
	tests := []struct {
		name      string
		keys      []string // put in this order ("get:k" reads k instead)
		kept, not []string
	}{
		{"all fit", []string{"k01", "k02", "k03"}, []string{"k01", "k02", "k03"}, nil},
		{"oldest go first", []string{"k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10"},
			[]string{"k03", "k10"}, []string{"k01", "k02"}},
		{"a read keeps an entry", []string{"k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "get:k01", "k09", "k10"},
			[]string{"k01", "k10"}, []string{"k02", "k03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCache(bound, time.Now)
			for _, k := range tt.keys {
				if name, ok := strings.CutPrefix(k, "get:"); ok {
					has(c, name)
					continue
				}
				c.do(context.Background(), k, 0, func() (*response, error) { return sized(body), nil })
			}
			if st := c.stats(); st.Bytes > bound {
				t.Errorf("holds %d bytes, over the bound %d", st.Bytes, bound)
			}
			for _, k := range tt.kept {
				if !has(c, k) {
					t.Errorf("%s dropped", k)
				}
			}
			for _, k := range tt.not {
				if has(c, k) {
					t.Errorf("%s kept", k)
				}
			}
		})
	}
	c := newCache(bound, time.Now)
	c.do(context.Background(), "big", 0, func() (*response, error) { return sized(strings.Repeat("x", bound/4)), nil })
	c.do(context.Background(), "error page", 0, func() (*response, error) { return newResponse(404, "text/plain", nil), nil })
	if has(c, "big") || has(c, "error page") {
		t.Error("kept an answer over an eighth of the bound, or one that is not a 200")
	}
}

func has(c *cache, key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, fresh := c.lookup(key)
	return fresh
}

// A list answer is reused for its time to live; past it, one request
// renders again while the others keep getting the expired answer instead
// of waiting; a failed rendering leaves the next request to try again.
func TestCacheTimeToLive(t *testing.T) {
	clock := newTestClock()
	c := newCache(1<<20, clock.now)
	ctx := context.Background()
	renders := 0
	fill := func(body string) func() (*response, error) {
		return func() (*response, error) { renders++; return sized(body), nil }
	}
	first, _ := c.do(ctx, "list", time.Second, fill("v1"))
	again, _ := c.do(ctx, "list", time.Second, fill("v2"))
	if string(first.body) != "v1" || again != first || renders != 1 {
		t.Fatalf("within its time: rendered %d times", renders)
	}
	clock.advance(time.Second)
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan *response)
	go func() {
		r, _ := c.do(ctx, "list", time.Second, func() (*response, error) {
			close(started)
			<-release
			return sized("v3"), nil
		})
		done <- r
	}()
	<-started
	if r, _ := c.do(ctx, "list", time.Second, fill("never")); string(r.body) != "v1" {
		t.Errorf("while another renders: got %q, want the expired v1", r.body)
	}
	close(release)
	if r := <-done; string(r.body) != "v3" {
		t.Errorf("the renderer got %q", r.body)
	}
	if r, _ := c.do(ctx, "list", time.Second, fill("never")); string(r.body) != "v3" {
		t.Errorf("after the refresh: %q", r.body)
	}
	clock.advance(time.Second)
	if _, err := c.do(ctx, "list", time.Second, func() (*response, error) { return nil, errors.New("store down") }); err == nil {
		t.Error("a failed rendering reported no error")
	}
	if r, _ := c.do(ctx, "list", time.Second, fill("v4")); string(r.body) != "v4" {
		t.Errorf("after a failed refresh: %q, want a new rendering", r.body)
	}
}
