package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/store"
)

// Feeds on different hosts are checked at once, never more than Parallel.
func TestCheckFeedsConcurrentlyUpToParallel(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	inFlight, peak := 0, 0
	two := make(chan struct{})
	var once sync.Once
	hold := func(r *http.Request) { // each feed request waits until two are in flight
		if r.URL.Path != "/feed.xml" {
			return
		}
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		if inFlight == 2 {
			once.Do(func() { close(two) })
		}
		mu.Unlock()
		select {
		case <-two:
		case <-r.Context().Done():
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
	}
	st := openSQLite(t)
	for range 4 {
		s := newNewsServer(t, item{link: "/a/1"}, item{link: "/a/2"})
		s.hold = hold
		follow(t, st, s.URL+"/feed.xml")
	}
	sum, err := CheckFeeds(ctx, st, WatchOptions{Fetcher: testFetcher(t), Parallel: 2})
	if err != nil || sum.Feeds != 4 || sum.Failed != 0 || sum.Articles.New != 8 {
		t.Fatalf("check = %+v, %v; want 4 feeds, 8 new", sum, err)
	}
	if peak != 2 {
		t.Errorf("at most %d feeds checked at once; want 2", peak)
	}
}

// Feeds on one host still reach it one request at a time.
func TestCheckFeedsOneRequestAtATimePerHost(t *testing.T) {
	ctx := context.Background()
	s := newNewsServer(t, item{link: "/a/1"}, item{link: "/a/2"}, item{link: "/a/3"})
	s.hold = func(*http.Request) { time.Sleep(2 * time.Millisecond) } // widen the window for overlap
	st := openSQLite(t)
	for i := range 3 {
		follow(t, st, fmt.Sprintf("%s/feed.xml?edition=%d", s.URL, i))
	}
	sum, err := CheckFeeds(ctx, st, WatchOptions{Fetcher: testFetcher(t), Parallel: 8})
	if err != nil || sum.Feeds != 3 || sum.Articles.New != 3 || sum.Articles.Unchanged != 6 {
		t.Fatalf("check = %+v, %v", sum, err)
	}
	if p := s.peakInFlight(); p != 1 {
		t.Errorf("%d requests in flight at once at one host; want 1", p)
	}
}

// At most MaxEntries are taken per check, newest first (undated last); the
// rest wait, and the feed's validators are kept only once none is left.
func TestCheckFeedsTakesNewestEntriesUpToTheCap(t *testing.T) {
	ctx := context.Background()
	s := newNewsServer(t,
		item{link: "/a/1", published: march(1)}, item{link: "/a/9"}, item{link: "/a/5", published: march(5)},
		item{link: "/a/3", published: march(3)}, item{link: "/a/4", published: march(4)},
	)
	st := openSQLite(t)
	follow(t, st, s.URL+"/feed.xml")
	var reps []FeedReport
	opt := WatchOptions{Fetcher: testFetcher(t), MaxEntries: 2, OnFeed: func(r FeedReport) { reps = append(reps, r) }}
	for i, want := range [][]string{{"/a/5", "/a/4"}, {"/a/3", "/a/1"}, {"/a/9"}} {
		sum, err := CheckFeeds(ctx, st, opt)
		if err != nil || sum.Articles.New != len(want) {
			t.Fatalf("check %d: %+v, %v", i+1, sum, err)
		}
		h := s.take()
		for _, p := range want {
			if h[p] != 1 {
				t.Errorf("check %d: requests %v; want %v", i+1, h, want)
			}
		}
		if left := 3 - 2*i; i < 2 && reps[i].Left != left || i == 2 && reps[i].Left != 0 {
			t.Errorf("check %d: report %+v; want %d left", i+1, reps[i], max(left, 0))
		}
		subs, _ := st.Feeds(ctx)
		if (subs[0].ETag != "") != (i == 2) {
			t.Errorf("check %d: ETag %q; validators must wait until no entry is left", i+1, subs[0].ETag)
		}
	}
	if sum, err := CheckFeeds(ctx, st, opt); err != nil || sum.NotModified != 1 {
		t.Errorf("after the last entry: %+v, %v; want 304", sum, err)
	}
}

// Interrupted, a check finishes the article being stored, records it,
// reports what it did, and leaves the entries not reached for the next
// check, which takes them and nothing else.
func TestCheckFeedsInterruptedLeavesTheRestForLater(t *testing.T) {
	s := newNewsServer(t)
	for i := range 6 {
		s.items = append(s.items, item{link: fmt.Sprintf("/a/%d", i+1), published: march(10 - i)})
	}
	st := openSQLite(t)
	feedURL := s.URL + "/feed.xml"
	follow(t, st, feedURL)
	ctx, cancel := context.WithCancel(context.Background())
	// Pages after the second are answered only once Ctrl-C came: on a
	// busy machine all six could otherwise be fetched and extracted
	// before the writer's first batch, and stored together.
	s.hold = func(r *http.Request) {
		var n int
		if scan(r.URL.Path, "/a/%d", &n) && n > 2 {
			<-ctx.Done()
		}
	}
	events := 0
	var reps []FeedReport
	opt := WatchOptions{Fetcher: testFetcher(t), OnFeed: func(r FeedReport) { reps = append(reps, r) },
		Ingest: Options{OnEvent: func(Event) {
			if events++; events == 2 {
				cancel() // Ctrl-C while the second article is being recorded
			}
		}}}
	sum, err := CheckFeeds(ctx, st, opt)
	s.mu.Lock()
	s.hold = nil
	s.mu.Unlock()
	if !errors.Is(err, context.Canceled) || !sum.Interrupted {
		t.Fatalf("err %v, summary %+v; want an interrupted round", err, sum)
	}
	// The articles already extracted when Ctrl-C came are stored together
	// (one batch): at least the two reported, never all six.
	n := sum.Articles.New
	if n < 2 || n >= 6 || sum.Articles != (Summary{New: n}) || sum.Left != 6-n || len(reps) != 1 || reps[0].Fetched != n || reps[0].Left != 6-n {
		t.Errorf("summary %+v, reports %+v; want 2 to 5 new, the rest left", sum, reps)
	}
	bg := context.Background()
	entries, _ := st.FeedEntries(bg, feedURL)
	if len(entries) != n {
		t.Errorf("entries recorded: %+v; want the %d stored, the rest untouched", entries, n)
	}
	for _, e := range entries {
		if e.ArticleID == 0 || e.Attempts != 0 {
			t.Errorf("entry %+v; want stored, no failed attempt", e)
		}
	}
	if subs, _ := st.Feeds(bg); subs[0].ETag != "" || subs[0].CheckedAt.IsZero() {
		t.Errorf("feed after the interrupt: %+v; want checked, without validators", subs[0])
	}
	s.take()
	opt.Ingest.OnEvent = nil
	sum, err = CheckFeeds(bg, st, opt)
	if err != nil || sum.Articles != (Summary{New: 6 - n}) || sum.Left != 0 {
		t.Errorf("next check: %+v, %v; want the %d left", sum, err, 6-n)
	}
	// A request the interrupted round cancelled may still reach the
	// server after take(), so the first entry left may count twice.
	if h := s.take(); h["/a/1"] != 0 || h["/a/2"] != 0 || h[fmt.Sprintf("/a/%d", n+1)] < 1 {
		t.Errorf("next check requests %v; want only the entries left", h)
	}
}

// Feeds checked at once share one clusterer: every article stored is
// placed, and placements follow article IDs (each article is stored and
// placed before the next), as in a run of one feed after another.
func TestCheckFeedsConcurrentFeedsShareOneStories(t *testing.T) {
	ctx := context.Background()
	st := openSQLite(t)
	for range 4 {
		s := newNewsServer(t, item{link: "/a/1"}, item{link: "/a/2"}, item{link: "/a/3"})
		follow(t, st, s.URL+"/feed.xml")
	}
	lease, err := st.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()
	stories, err := LoadStories(ctx, st, lease, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := CheckFeeds(ctx, st, WatchOptions{Fetcher: testFetcher(t), Parallel: 4, Ingest: Options{Stories: stories}})
	if err != nil || sum.Articles.New != 12 {
		t.Fatalf("check = %+v, %v; want 12 new", sum, err)
	}
	ps, err := st.Placements(ctx)
	if err != nil || len(ps) != 12 {
		t.Fatalf("%d placements, %v; want 12", len(ps), err)
	}
	for id, p := range ps {
		if q, ok := ps[id+1]; ok && q.Seq <= p.Seq {
			t.Errorf("article %d placed at %d, after article %d at %d", id, p.Seq, id+1, q.Seq)
		}
	}
}
