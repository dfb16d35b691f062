// Package storetest is the contract every store backend must meet, run by
// each backend's own tests (SQLite always, PostgreSQL when a server is up).
package storetest

import (
	"context"
	"errors"
	"testing"

	"parallax/internal/feeds"
	"parallax/internal/model"
	"parallax/internal/store"
)

// Store is what the contract exercises: every method a backend has.
type Store interface {
	PutArticle(ctx context.Context, a model.Article) (int64, store.Outcome, error)
	Article(ctx context.Context, id int64) (model.Article, error)
	Articles(ctx context.Context) ([]model.Article, error)
	ArticlesEnriched(ctx context.Context) ([]model.Article, error)
	Search(ctx context.Context, q string, limit int) ([]model.Article, error)
	PutEnrichment(ctx context.Context, articleID int64, e model.Enrichment) error

	PutArticles(ctx context.Context, arts []model.Article, then store.ThenPlace) ([]store.Put, error)
	PlacedAfter(ctx context.Context, seq int64, fn func(model.Article, model.Placement) error) error
	CommitPlacements(ctx context.Context, b store.PlacementBatch) error
	AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error)
	Writer(ctx context.Context) (store.WriterStatus, error)
	PendingReports(ctx context.Context) ([]store.PendingReport, error)
	ClearPending(ctx context.Context, p store.PendingReport) error
	MarkAllReports(ctx context.Context) error
	Checkpoint(ctx context.Context) (store.Checkpoint, bool, error)
	Input(ctx context.Context, path string) (store.Input, bool, error)
	PutInput(ctx context.Context, in store.Input) error
	Status(ctx context.Context) (store.Status, error)
	Check(ctx context.Context) (store.Problems, error)
	Stories(ctx context.Context, q store.StoryQuery) ([]model.Story, error)
	Story(ctx context.Context, id int64) (model.Story, error)
	StoryArticles(ctx context.Context, id int64) ([]model.Article, error)
	StoryDuplicates(ctx context.Context, storyID int64) (map[int64]int64, error)
	Placements(ctx context.Context) (map[int64]model.Placement, error)
	ArticlePlacement(ctx context.Context, id int64) (model.Placement, error)
	Outlets(ctx context.Context) ([]store.Outlet, error)
	RegisteredOutlets(ctx context.Context) ([]model.Outlet, error)
	PutOutlets(ctx context.Context, put []model.Outlet) ([]model.Outlet, error)
	RemoveOutlet(ctx context.Context, id int64) error
	OutletsVersion(ctx context.Context) (int64, error)
	SoleStories(ctx context.Context, per int) ([]store.SoleStories, error)
	StoryLeads(ctx context.Context, ids []int64) (map[int64]store.StoryLead, error)
	StoryArticleRefs(ctx context.Context, ids []int64) ([]store.ArticleRef, error)
	StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error)
	StorySpans(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error)

	PutReport(ctx context.Context, storyID int64, fingerprint string, r model.Report) error
	Report(ctx context.Context, storyID int64) (model.Report, string, error)
	ReportOutlines(ctx context.Context, ids []int64) (map[int64]model.Report, error)
	ReportFingerprint(ctx context.Context, storyID int64) (string, error)

	AddFeed(ctx context.Context, url, title string) (bool, error)
	RemoveFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]feeds.Subscription, error)
	PutFeedCheck(ctx context.Context, f feeds.Subscription) error
	FeedEntries(ctx context.Context, feedURL string) (map[string]feeds.EntryState, error)
	PutFeedEntry(ctx context.Context, feedURL string, e feeds.EntryState) error
	SetFeedAllowPrivate(ctx context.Context, url string, allow bool) error
	FetchedPage(ctx context.Context, url string) (model.FetchedPage, error)
	PutFetchedPage(ctx context.Context, p model.FetchedPage) error

	Path() string
	Close() error
}

func sample() model.Article {
	return model.Article{
		Source:    "testdata/harbour.html",
		URL:       "https://meridian.example/harbour-bridge",
		Title:     "Harbour bridge reopens after storm repairs",
		Authors:   []string{"Ines Calloway"},
		Outlet:    "The Meridian Herald",
		Published: "2026-03-12T09:15:00Z",
		Language:  "en",
		Body:      "The Corvane harbour bridge reopened on Thursday.\n\nEngineers replaced 14 cables.",
	}
}

// Run checks the contract against a fresh, empty store from open.
func Run(t *testing.T, open func(t *testing.T) Store) {
	runArticles(t, open)
	runStories(t, open)
	runReports(t, open)
	runFeeds(t, open)
	runWriter(t, open)
	runOutlets(t, open)
	runSummaries(t, open)
	runMembers(t, open)
}

func runArticles(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("put is idempotent and updates changed pages", func(t *testing.T) {
		s := open(t)
		a := sample()
		id, o, err := s.PutArticle(ctx, a)
		if err != nil || o != store.New || id == 0 {
			t.Fatalf("first put = %d, %v, %v; want new", id, o, err)
		}
		id2, o, err := s.PutArticle(ctx, a)
		if err != nil || o != store.Unchanged || id2 != id {
			t.Fatalf("second put = %d, %v, %v; want unchanged %d", id2, o, err, id)
		}
		a.Source = "elsewhere/copy.html"
		if _, o, _ := s.PutArticle(ctx, a); o != store.Unchanged {
			t.Fatalf("same content from another path = %v; want unchanged", o)
		}
		a.Body += "\n\nA third paragraph was added later."
		id3, o, err := s.PutArticle(ctx, a)
		if err != nil || o != store.Updated || id3 != id {
			t.Fatalf("changed put = %d, %v, %v; want updated %d", id3, o, err, id)
		}
		got, err := s.Article(ctx, id)
		if err != nil || got.Body != a.Body || got.Title != a.Title || len(got.Authors) != 1 {
			t.Fatalf("Article(%d) = %+v, %v", id, got, err)
		}
		all, err := s.Articles(ctx)
		if err != nil || len(all) != 1 {
			t.Fatalf("Articles = %d, %v; want 1", len(all), err)
		}
	})
	t.Run("missing article", func(t *testing.T) {
		s := open(t)
		if _, err := s.Article(ctx, 42); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("err = %v; want ErrNotFound", err)
		}
	})
	t.Run("search", func(t *testing.T) {
		s := open(t)
		a := sample()
		b := sample()
		b.URL, b.Source, b.Title = "https://coastal.example/vote", "vote.txt", "Council vote delayed"
		b.Body = "The council postponed the vote on the harbour budget."
		for _, x := range []model.Article{a, b} {
			if _, _, err := s.PutArticle(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			q    string
			want int
		}{
			{"harbour", 2}, {"bridge cables", 1}, {"CABLES", 1}, {`"unbalanced (quote`, 0}, {"", 0}, {"nothing-like-this", 0},
			{"bridge council", 0}, {`harbour OR nothing`, 0}, {"-harbour", 2}, {"harbour*", 2}, {"(vote)", 1},
		} {
			got, err := s.Search(ctx, tc.q, 10)
			if err != nil || len(got) != tc.want {
				t.Errorf("Search(%q) = %d, %v; want %d", tc.q, len(got), err, tc.want)
			}
		}
	})
	t.Run("search ranks title matches first and folds diacritics", func(t *testing.T) {
		s := open(t)
		inBody := model.Article{Source: "b.txt", Title: "Harbour notes", Body: "A lighthouse keeper spoke at the Zürich café."}
		inTitle := model.Article{Source: "t.txt", Title: "Lighthouse to close", Body: "The keeper retires in spring."}
		var ids []int64
		for _, a := range []model.Article{inBody, inTitle} {
			id, _, err := s.PutArticle(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		got, err := s.Search(ctx, "lighthouse", 10)
		if err != nil || len(got) != 2 || got[0].ID != ids[1] {
			t.Errorf("Search(lighthouse) = %v, %v; want the title match %d first", articleIDs(got), err, ids[1])
		}
		if got, _ := s.Search(ctx, "lighthouse", 1); len(got) != 1 {
			t.Errorf("Search with limit 1 = %d articles", len(got))
		}
		for _, q := range []string{"zurich cafe", "ZÜRICH", "Zürich café"} {
			if got, err := s.Search(ctx, q, 10); err != nil || len(got) != 1 || got[0].ID != ids[0] {
				t.Errorf("Search(%q) = %v, %v; want [%d]", q, articleIDs(got), err, ids[0])
			}
		}
	})
	t.Run("untrusted text round-trips", func(t *testing.T) {
		s := open(t)
		a := sample()
		a.Title = `<script>alert(1)</script> '; DROP TABLE articles; --`
		a.Body = "Zelenskiy, Зеленський, زيلينسكي — “quoted” text."
		id, _, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, id)
		if err != nil || got.Title != a.Title || got.Body != a.Body {
			t.Fatalf("round trip = %+v, %v", got, err)
		}
	})
}

func articleIDs(as []model.Article) []int64 {
	ids := []int64{}
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}
