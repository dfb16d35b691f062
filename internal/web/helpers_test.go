package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

const corpusDir = "../../examples/corpus"

// ingestInto ingests paths into the store file at dbPath through its own
// connection, as a separate `parallax ingest` process would, without
// enrichment or reports (tests that need exact reports put their own).
func ingestInto(tb testing.TB, dbPath string, paths ...string) {
	tb.Helper()
	ingestWith(tb, dbPath, false, paths...)
}

// realCorpusStore ingests the example corpus as `parallax ingest` does:
// enriched, and with every story's comparison built by compare. It returns
// the store and the dam story's ID.
func realCorpusStore(tb testing.TB) (*sqlite.DB, int64) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "real.db")
	ingestWith(tb, path, true, corpusDir)
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, damStory(tb, db)
}

func ingestWith(tb testing.TB, dbPath string, real bool, paths ...string) {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	lease, err := db.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer lease.Release()
	stories, err := pipeline.LoadStories(ctx, db, lease, cluster.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	opt := pipeline.Options{Stories: stories}
	if real {
		opt.Enrich = enrich.Article
	}
	sum, err := pipeline.Ingest(ctx, paths, db, opt)
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Failed > 0 {
		tb.Fatalf("ingest %v: %d inputs failed", paths, sum.Failed)
	}
	if !real {
		return
	}
	build := func(s model.Story, arts []model.Article, dups map[int64]int64) model.Report {
		return compare.BuildWith(s, arts, compare.Options{Duplicates: dups})
	}
	// The index and the follows' events are kept as every writer keeps
	// them.
	index := &pipeline.Index{Store: db, Family: enrich.Family, Group: enrich.CorpusEntities}
	if _, err := pipeline.BuildPending(ctx, db, pipeline.Reporter{Build: build, Index: index}); err != nil {
		tb.Fatal(err)
	}
}

// corpusStore ingests the example corpus with the real pipeline into a
// temporary store and gives the dam-collapse story a hand-made report.
// It returns the store (opened as the server would) and the story's ID.
func corpusStore(tb testing.TB) (*sqlite.DB, int64) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "corpus.db")
	ingestInto(tb, path, corpusDir)
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	id := damStory(tb, db)
	arts, err := db.StoryArticles(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.PutReport(context.Background(), id, "test", damReport(tb, id, arts)); err != nil {
		tb.Fatal(err)
	}
	return db, id
}

// damStory finds the story holding the agency's dam-collapse report.
func damStory(tb testing.TB, db Store) int64 {
	tb.Helper()
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range stories {
		arts, err := db.StoryArticles(ctx, s.ID)
		if err != nil {
			tb.Fatal(err)
		}
		for _, a := range arts {
			if strings.HasSuffix(a.Source, "northgate-wire-corvane-dam-collapse.html") {
				return s.ID
			}
		}
	}
	tb.Fatal("no story holds the dam-collapse agency report")
	return 0
}

// damReport is a hand-made comparison of the dam story, written for these
// tests (the compare package builds real ones).
func damReport(tb testing.TB, storyID int64, arts []model.Article) model.Report {
	tb.Helper()
	ids := map[string]int64{}
	for _, a := range arts {
		ids[a.Outlet] = a.ID
	}
	const nw, mh, lnn, co = "Northgate Wire", "The Meridian Herald", "Lumen News Network", "The Coastal Observer"
	for _, o := range []string{nw, mh, lnn, co} {
		if ids[o] == 0 {
			tb.Fatalf("dam story has no article from %s (has %v)", o, ids)
		}
	}
	sent := func(o, text string) model.Sentence { return model.Sentence{ArticleID: ids[o], Outlet: o, Text: text} }
	claim := func(text string, outlets ...string) model.Claim {
		c := model.Claim{Text: text, Outlets: outlets}
		for _, o := range outlets {
			c.ArticleIDs = append(c.ArticleIDs, ids[o])
			c.Sentences = append(c.Sentences, sent(o, o+" wording: "+text))
		}
		return c
	}
	return model.Report{
		StoryID: storyID,
		Claims: []model.Claim{
			claim("The Corvane Dam gave way before dawn on Tuesday", nw, mh, lnn, co),
			claim("The water reached Dunmere at about 4:40 a.m.", nw, lnn, co),
			claim("Army helicopters lifted people from rooftops in Carrow", nw, lnn),
			claim("Valdhydro says the dam passed its last inspection", co),
			claim("About 30 people were missing", nw, mh),
		},
		Quotes: []model.QuoteGroup{{
			Speaker:    "Rhea Calloway",
			Text:       "we will find out what failed at Corvane and no family will wait for answers",
			ArticleIDs: []int64{ids[nw], ids[mh], ids[co]},
			Variants: []model.QuoteVariant{
				{Text: "we will find out what failed at Corvane and no family will wait for answers", ArticleIDs: []int64{ids[nw]}, Outlets: []string{nw},
					Diff: []model.DiffPart{{Op: "=", Text: "we will find out what failed at Corvane and no family will wait for answers"}}},
				{Text: "we will find out what went wrong at Corvane", ArticleIDs: []int64{ids[co]}, Outlets: []string{co},
					Diff: []model.DiffPart{{Op: "=", Text: "we will find out what"}, {Op: "-", Text: "failed"}, {Op: "+", Text: "went wrong"},
						{Op: "=", Text: "at Corvane"}, {Op: "-", Text: "and no family will wait for answers"}}},
			},
			EarliestArticleID: ids[nw],
		}},
		Discrepancies: []model.Discrepancy{
			{Kind: "number", Subject: "people killed", Values: []model.DiscrepancyValue{
				{Value: "12", ArticleIDs: []int64{ids[nw], ids[mh]}, Sentences: []model.Sentence{sent(nw, "At least 12 people were killed.")}},
				{Value: "14", ArticleIDs: []int64{ids[lnn], ids[co]}, Sentences: []model.Sentence{sent(lnn, "Fourteen people are now dead.")}},
			}},
			{Kind: "number", Subject: "people evacuated", Values: []model.DiscrepancyValue{
				{Value: "4,000", ArticleIDs: []int64{ids[nw]}},
				{Value: "6,500", ArticleIDs: []int64{ids[co]}},
			}},
		},
		Framing: []model.Framing{
			{Outlet: lnn, ArticleIDs: []int64{ids[lnn]}, Loaded: []string{"horror", "terrifying"}},
			{Outlet: co, ArticleIDs: []int64{ids[co]}, ScareQuotes: []string{"safe"}},
		},
		Timeline: []model.TimelineEvent{
			{Date: "2026-03-07", Text: "Heavy rain begins over the Hesk Valley", ArticleIDs: []int64{ids[nw]}},
			{Date: "2026-03-10", Text: "The Corvane Dam fails", ArticleIDs: []int64{ids[nw], ids[mh], ids[lnn], ids[co]}},
			{Date: "2026-03-11", Text: "The death toll rises to 14", ArticleIDs: []int64{ids[co]}},
		},
		Summary: []model.SummarySentence{
			{Text: "The Corvane Dam above Dunmere failed before dawn on Tuesday.", ArticleIDs: []int64{ids[nw], ids[mh]}, Outlets: []string{nw, mh}},
			{Text: "Outlets give the toll as 12 or 14 dead.", ArticleIDs: []int64{ids[nw], ids[lnn]}, Outlets: []string{nw, lnn}},
		},
	}
}

// get serves one request through h and returns the response and body.
func get(tb testing.TB, h http.Handler, target string, header ...string) (*http.Response, string) {
	tb.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func newHandler(tb testing.TB, cfg Config) http.Handler {
	tb.Helper()
	h, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// testClock is a clock that moves only when told to, for the caches.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)}
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// importOutlets puts the outlets of a registry CSV into the store.
func importOutlets(tb testing.TB, db *sqlite.DB, path string) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, errs := outlets.ReadCSV(path, f)
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	put := make([]model.Outlet, len(rows))
	for i, r := range rows {
		put[i] = r.Outlet
	}
	if _, err := db.PutOutlets(context.Background(), put); err != nil {
		tb.Fatal(err)
	}
}
