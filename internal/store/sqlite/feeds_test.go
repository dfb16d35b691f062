package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/store"
)

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const a, b = "https://courier.example/rss.xml", "https://gazette.example/atom.xml"
	for _, u := range []string{a, b, a} {
		if _, err := db.AddFeed(ctx, u, ""); err != nil {
			t.Fatal(err)
		}
	}
	if added, _ := db.AddFeed(ctx, a, ""); added {
		t.Error("adding a followed feed again reports added")
	}
	checked := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	err = db.PutFeedCheck(ctx, feeds.Subscription{URL: a, Title: "Courier", ETag: `"e1"`, LastModified: "Mon, 02 Mar 2026 10:00:00 GMT", CheckedAt: checked, Status: 200})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := db.Feeds(ctx)
	if err != nil || len(fs) != 2 || fs[0].URL != a || fs[1].URL != b {
		t.Fatalf("feeds = %+v, %v", fs, err)
	}
	if f := fs[0]; f.Title != "Courier" || f.ETag != `"e1"` || !f.CheckedAt.Equal(checked) || f.Status != 200 || f.AddedAt.IsZero() {
		t.Errorf("feed after check = %+v", f)
	}

	e := feeds.EntryState{Key: "g1", Link: "https://courier.example/1", Attempts: 1, Error: "HTTP 500"}
	if err := db.PutFeedEntry(ctx, a, e); err != nil {
		t.Fatal(err)
	}
	e.ArticleID, e.Attempts, e.Error = 7, 2, ""
	if err := db.PutFeedEntry(ctx, a, e); err != nil {
		t.Fatal(err)
	}
	got, err := db.FeedEntries(ctx, a)
	if err != nil || len(got) != 1 || got["g1"] != e {
		t.Fatalf("entries = %+v, %v", got, err)
	}

	if err := db.RemoveFeed(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveFeed(ctx, a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	if got, _ := db.FeedEntries(ctx, a); len(got) != 0 {
		t.Errorf("entries of a removed feed remain: %v", got)
	}
	if err := db.PutFeedEntry(ctx, a, e); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FeedEntries(ctx, a); len(got) != 0 {
		t.Errorf("entry stored for a removed feed: %v", got)
	}
}
