package web

import (
	"context"
	"os"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"parallax/internal/cluster"
	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/source"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

func TestZZReal(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "real.db")
	db, _ := sqlite.Open(ctx, path)
	stories, _ := pipeline.LoadStories(ctx, db, cluster.DefaultConfig())
	_, err := pipeline.Ingest(ctx, []string{corpusDir}, db, pipeline.Options{Stories: stories, Extract: func(d source.Doc) (model.Article, error) {
		a, err := extract.Document(d)
		if err != nil { return a, err }
		e := enrich.Article(a)
		a.Enrichment = &e
		return a, nil
	}})
	if err != nil { t.Fatal(err) }
	all, _ := db.Stories(ctx, store.StoryQuery{})
	for _, s := range all {
		arts, _ := db.StoryArticles(ctx, s.ID)
		r := compare.Build(s, arts)
		db.PutReport(ctx, s.ID, "x", r)
		t.Logf("story %d: %d claims %d quotes %d disc %d timeline %d summary", s.ID, len(r.Claims), len(r.Quotes), len(r.Discrepancies), len(r.Timeline), len(r.Summary))
	}
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()
	bctx := browse(t)
	for _, p := range []string{"/stories/2", "/stories/4", "/articles/3"} {
		chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+p))
		png, _ := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		os.WriteFile(fmt.Sprintf("/tmp/real%s.png", filepath.Base(filepath.Dir(p))+filepath.Base(p)), png, 0o644)
	}
}
