package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/model"
	"parallax/internal/store"
)

func runFeeds(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("feeds", func(t *testing.T) {
		s := open(t)
		const a, b = "https://courier.example/rss.xml", "https://gazette.example/atom.xml"
		for _, u := range []string{a, b} {
			if added, err := s.AddFeed(ctx, u, ""); err != nil || !added {
				t.Fatalf("AddFeed(%s) = %v, %v", u, added, err)
			}
		}
		if added, err := s.AddFeed(ctx, a, ""); err != nil || added {
			t.Errorf("adding a followed feed again = %v, %v; want not added", added, err)
		}
		fs, err := s.Feeds(ctx)
		if err != nil || len(fs) != 2 || !fs[0].CheckedAt.IsZero() || fs[0].AddedAt.IsZero() {
			t.Fatalf("feeds before a check = %+v, %v", fs, err)
		}
		checked := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		err = s.PutFeedCheck(ctx, feeds.Subscription{URL: a, Title: "Courier", ETag: `"e1"`,
			LastModified: "Mon, 02 Mar 2026 10:00:00 GMT", CheckedAt: checked, Status: 200})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PutFeedCheck(ctx, feeds.Subscription{URL: "https://never.example/feed", Status: 404}); err != nil {
			t.Errorf("check of an unfollowed feed: %v", err)
		}
		fs, err = s.Feeds(ctx)
		if err != nil || len(fs) != 2 || fs[0].URL != a || fs[1].URL != b {
			t.Fatalf("feeds = %+v, %v", fs, err)
		}
		if f := fs[0]; f.Title != "Courier" || f.ETag != `"e1"` || !f.CheckedAt.Equal(checked) || f.Status != 200 ||
			f.AddedAt.IsZero() || f.AddedAt.Location() != time.UTC || f.CheckedAt.Location() != time.UTC {
			t.Errorf("feed after check = %+v", f)
		}
	})
	t.Run("feed allow private", func(t *testing.T) {
		s := open(t)
		const a, b = "http://intranet.example/feed.xml", "https://courier.example/rss.xml"
		s.AddFeed(ctx, a, "")
		s.AddFeed(ctx, b, "")
		if err := s.SetFeedAllowPrivate(ctx, a, true); err != nil {
			t.Fatal(err)
		}
		if err := s.SetFeedAllowPrivate(ctx, "https://never.example/feed", true); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("allowing an unfollowed feed: %v; want ErrNotFound", err)
		}
		// A check does not touch the permission.
		if err := s.PutFeedCheck(ctx, feeds.Subscription{URL: a, Title: "Intranet", Status: 200}); err != nil {
			t.Fatal(err)
		}
		fs, err := s.Feeds(ctx)
		if err != nil || len(fs) != 2 || !fs[0].AllowPrivate || fs[1].AllowPrivate {
			t.Fatalf("feeds = %+v, %v; want only the first allowed private addresses", fs, err)
		}
		if err := s.SetFeedAllowPrivate(ctx, a, false); err != nil {
			t.Fatal(err)
		}
		if fs, _ := s.Feeds(ctx); fs[0].AllowPrivate {
			t.Errorf("permission not withdrawn: %+v", fs[0])
		}
	})
	t.Run("fetched pages", func(t *testing.T) {
		s := open(t)
		const u = "https://courier.example/harbour"
		if _, err := s.FetchedPage(ctx, u); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown page: %v; want ErrNotFound", err)
		}
		p := model.FetchedPage{URL: u, ETag: `"v1"`, LastModified: "Mon, 02 Mar 2026 10:00:00 GMT", ArticleID: 4}
		if err := s.PutFetchedPage(ctx, p); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FetchedPage(ctx, u); err != nil || got != p {
			t.Fatalf("page = %+v, %v; want %+v", got, err, p)
		}
		p.ETag, p.LastModified, p.ArticleID = `"v2"`, "", 5
		if err := s.PutFetchedPage(ctx, p); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FetchedPage(ctx, u); err != nil || got != p {
			t.Errorf("page after an update = %+v, %v; want %+v", got, err, p)
		}
	})
	t.Run("feed entries", func(t *testing.T) {
		s := open(t)
		const a = "https://courier.example/rss.xml"
		if _, err := s.AddFeed(ctx, a, "Courier"); err != nil {
			t.Fatal(err)
		}
		e := feeds.EntryState{Key: "g1", Link: "https://courier.example/1", Attempts: 1, Error: "HTTP 500"}
		if err := s.PutFeedEntry(ctx, a, e); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FeedEntries(ctx, a); err != nil || got["g1"] != e {
			t.Fatalf("entries after a failure = %+v, %v", got, err)
		}
		e.ArticleID, e.Attempts, e.Error = 7, 2, ""
		if err := s.PutFeedEntry(ctx, a, e); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedEntries(ctx, a)
		if err != nil || len(got) != 1 || got["g1"] != e {
			t.Fatalf("entries = %+v, %v", got, err)
		}
		if err := s.RemoveFeed(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveFeed(ctx, a); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing twice: %v", err)
		}
		if got, _ := s.FeedEntries(ctx, a); len(got) != 0 {
			t.Errorf("entries of a removed feed remain: %v", got)
		}
		if err := s.PutFeedEntry(ctx, a, e); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FeedEntries(ctx, a); len(got) != 0 {
			t.Errorf("entry stored for a removed feed: %v", got)
		}
		if fs, _ := s.Feeds(ctx); len(fs) != 0 {
			t.Errorf("feeds after removal = %+v", fs)
		}
	})
}
