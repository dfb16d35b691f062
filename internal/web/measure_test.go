package web

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// Page latency over a large store. Not part of the normal run (it builds a
// 100,000-article store first, a few minutes):
//
//	go test ./internal/web -run Measure -measure -v
//
// -measure-n sets the size; PARALLAX_WEB_MEASURE_DB keeps the built store
// at that path and reuses it on the next run. It reports p50/p95 and
// asserts nothing about time.
var (
	measure  = flag.Bool("measure", false, "measure page latency over a generated store")
	measureN = flag.Int("measure-n", 100_000, "articles in the generated store")
)

func TestMeasurePages(t *testing.T) {
	if !*measure {
		t.Skip("run with -measure to time pages over a generated store")
	}
	db := largeStore(t, *measureN)
	ctx := context.Background()
	all, err := db.Stories(ctx, store.StoryQuery{Limit: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store: %d articles in %d stories", *measureN, len(all))
	r := rand.New(rand.NewPCG(7, 7))
	var sample []model.Story
	for range 300 {
		sample = append(sample, all[r.IntN(len(all))])
	}
	for _, s := range sample { // stories with a comparison render every section
		arts, err := db.StoryArticles(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutReport(ctx, s.ID, "measure", syntheticReport(s, arts)); err != nil {
			t.Fatal(err)
		}
	}
	h := newHandler(t, Config{Store: db})
	outlets, _ := db.Outlets(ctx)
	kinds := []struct {
		name string
		path func(i int) string
	}{
		{"list newest", func(i int) string { return fmt.Sprintf("/?page=%d", 1+i%20) }},
		{"list most covered", func(i int) string { return fmt.Sprintf("/?sort=coverage&page=%d", 1+i%20) }},
		{"list by outlet", func(i int) string { return "/?outlet=" + strings.ReplaceAll(outlets[i%len(outlets)].Name, " ", "+") }},
		{"list by words", func(i int) string { return "/?q=" + strings.Fields(sample[i%len(sample)].Title)[0] }},
		{"story", func(i int) string { return fmt.Sprintf("/stories/%d", sample[i%len(sample)].ID) }},
		{"story API", func(i int) string { return fmt.Sprintf("/api/stories/%d", sample[i%len(sample)].ID) }},
		{"article", func(i int) string { return fmt.Sprintf("/articles/%d", sample[i%len(sample)].ArticleIDs[0]) }},
		{"search", func(i int) string { return "/search?q=" + strings.Fields(sample[i%len(sample)].Title)[0] }},
	}
	for _, k := range kinds {
		p50, p95, max := timeRequests(t, h, 300, k.path)
		t.Logf("%-18s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms", k.name, p50, p95, max)
	}
}

// timeRequests serves n requests through h (after a warm-up) and returns
// p50, p95 and the maximum in milliseconds.
func timeRequests(t *testing.T, h http.Handler, n int, path func(int) string) (float64, float64, float64) {
	t.Helper()
	for i := range 10 {
		serve(t, h, path(i))
	}
	ms := make([]float64, n)
	for i := range n {
		start := time.Now()
		serve(t, h, path(i))
		ms[i] = float64(time.Since(start).Microseconds()) / 1000
	}
	slices.Sort(ms)
	return ms[n/2], ms[n*95/100], ms[n-1]
}

func serve(t *testing.T, h http.Handler, path string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != 200 {
		t.Fatalf("%s: status %d", path, rec.Code)
	}
}

// largeStore builds (or reuses) a store of n generated articles, placed
// into stories as ingest places them.
func largeStore(t *testing.T, n int) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	path := os.Getenv("PARALLAX_WEB_MEASURE_DB")
	reuse := path != ""
	if !reuse {
		path = filepath.Join(t.TempDir(), "large.db")
	}
	if _, err := os.Stat(path); reuse && err == nil {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	lease, err := db.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()
	stories, err := pipeline.LoadStories(ctx, db, lease, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for a := range gen.Stream(1, n) {
		a.ID = 0
		id, _, err := db.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = id
		stories.Place(a)
		if stories.Pending() >= 1000 {
			if err := stories.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := stories.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s: %d articles in %s", path, n, time.Since(start).Round(time.Second))
	return db
}

// syntheticReport makes a comparison of a story's size: claims with
// varied coverage, quotes with a changed word, a discrepancy, a timeline.
func syntheticReport(s model.Story, arts []model.Article) model.Report {
	rep := model.Report{StoryID: s.ID}
	var ids []int64
	var outlets []string
	for _, a := range arts {
		ids = append(ids, a.ID)
		outlets = append(outlets, a.Outlet)
	}
	for i, a := range arts {
		ps := a.Paragraphs()
		if len(ps) == 0 || i >= 12 {
			continue
		}
		k := 1 + i%len(arts)
		rep.Claims = append(rep.Claims, model.Claim{Text: clipRunes(ps[0], 140), ArticleIDs: ids[:k], Outlets: outlets[:k],
			Sentences: []model.Sentence{{ArticleID: a.ID, Outlet: a.Outlet, Text: clipRunes(ps[0], 200)}}})
		rep.Timeline = append(rep.Timeline, model.TimelineEvent{Date: a.Published, Text: clipRunes(a.Title, 80), ArticleIDs: []int64{a.ID}})
	}
	rep.Quotes = []model.QuoteGroup{{Speaker: "A Speaker", Text: "one two three four five", ArticleIDs: ids,
		Variants: []model.QuoteVariant{{Text: "one two six four five", ArticleIDs: ids[:1], Outlets: outlets[:1],
			Diff: []model.DiffPart{{Op: "=", Text: "one two"}, {Op: "-", Text: "three"}, {Op: "+", Text: "six"}, {Op: "=", Text: "four five"}}}}}}
	rep.Discrepancies = []model.Discrepancy{{Kind: "number", Subject: "people", Values: []model.DiscrepancyValue{
		{Value: "12", ArticleIDs: ids[:1]}, {Value: "14", ArticleIDs: ids[len(ids)-1:]}}}}
	rep.Summary = []model.SummarySentence{{Text: s.Title, ArticleIDs: ids, Outlets: outlets}}
	return rep
}
