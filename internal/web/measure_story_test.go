package web

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// The page of one very large story, from its stored report. Not part of
// the normal run (it enriches and stores the story first, a minute or so):
//
//	go test ./internal/web -run MeasureLargeStory -measure -v
//
// It reports the report's build time and size and the page's, and asserts
// nothing about time.
var largeStoryN = flag.Int("measure-story", 5000, "articles in the story MeasureLargeStory builds")

func TestMeasureLargeStory(t *testing.T) {
	if !*measure {
		t.Skip("run with -measure to time one large story's page")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "story.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	placeOneStory(t, db, gen.OneStory(16, *largeStoryN, 40))
	start := time.Now()
	built, err := pipeline.BuildPending(ctx, db, pipeline.Reporter{Select: compare.Select,
		Build: func(s model.Story, arts []model.Article, dups map[int64]int64) model.Report {
			return compare.BuildWith(s, arts, compare.Options{Duplicates: dups})
		}})
	if err != nil || built != 1 {
		t.Fatalf("report: built %d, %v", built, err)
	}
	r, _, err := db.Report(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(r)
	t.Logf("%d articles: report built in %s, %d bytes (%d claims, %d quotations, %d timeline entries, %d compared)",
		*largeStoryN, time.Since(start).Round(time.Millisecond), len(raw), len(r.Claims), len(r.Quotes), len(r.Timeline), len(r.Compared))
	h := newHandler(t, Config{Store: db})
	for _, path := range []string{"/stories/1", "/api/stories/1"} {
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		first := time.Since(start)
		p50, p95, _ := timeRequests(t, h, 20, func(int) string { return path })
		t.Logf("%-16s first %6.0f ms, %7d bytes; again p50 %6.1f ms p95 %6.1f ms", path, float64(first.Microseconds())/1000, rec.Body.Len(), p50, p95)
	}
}

// placeOneStory enriches and stores the articles and places them all in
// story 1, its report pending.
func placeOneStory(t testing.TB, db *sqlite.DB, arts []model.Article) {
	t.Helper()
	ctx := context.Background()
	lease, err := db.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()
	s := model.Story{ID: 1, Title: arts[0].Title, FirstPublished: arts[0].Published, LastPublished: arts[len(arts)-1].Published}
	batch := store.PlacementBatch{Epoch: lease.Epoch(), Pending: []int64{1}}
	outlets := map[string]bool{}
	for _, a := range arts {
		e := enrich.Article(a)
		a.ID = 0
		id, _, err := db.PutArticle(ctx, a)
		if err == nil {
			err = db.PutEnrichment(ctx, id, e)
		}
		if err != nil {
			t.Fatal(fmt.Errorf("article %s: %w", a.URL, err))
		}
		batch.Placements = append(batch.Placements, model.Placement{ArticleID: id, StoryID: 1, NewStory: id == 1, Seq: id})
		s.ArticleIDs = append(s.ArticleIDs, id)
		if !outlets[a.Outlet] {
			outlets[a.Outlet] = true
			s.Outlets = append(s.Outlets, a.Outlet)
		}
	}
	s.Independent, s.IndependentOutlets = len(arts), len(outlets)
	batch.Stories = []model.Story{s}
	if err := db.CommitPlacements(ctx, batch); err != nil {
		t.Fatal(err)
	}
}
