package web

import (
	"context"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/pgtest"
	"parallax/internal/store/postgres"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// The server over PostgreSQL: a request past its deadline is a 503, and
// the story cache follows the store, as over SQLite.
func TestServeOverPostgres(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lease, err := db.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := pipeline.LoadStories(ctx, db, lease, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Ingest(ctx, []string{corpusDir}, db, pipeline.Options{Stories: stories}); err != nil {
		t.Fatal(err)
	}
	lease.Release() // the story-cache check writes under a lease of its own
	damID := damStory(t, db)
	arts, err := db.StoryArticles(ctx, damID)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutReport(ctx, damID, "test", damReport(t, damID, arts)); err != nil {
		t.Fatal(err)
	}
	t.Run("deadlines", func(t *testing.T) { checkDeadlines(t, db, damID) })
	t.Run("story cache", func(t *testing.T) { checkStoryCacheFollows(t, db, damID) })
}

// A speaker of more quotations than a page, over PostgreSQL, as over
// SQLite.
func TestEntityQuotePagesOverPostgres(t *testing.T) {
	db, err := postgres.Open(t.Context(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkEntityQuotePages(t, db)
}
