package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// newsroom fills s with six articles from two outlets placed into three
// stories (placed out of ID order; one near-duplicate; one undated story;
// one article not placed) and returns their IDs in insertion order.
func newsroom(t *testing.T, s Store) []int64 {
	t.Helper()
	ctx := context.Background()
	arts := []model.Article{
		{Source: "1", Outlet: "Harbour Wire", Published: "2026-02-01T08:00:00Z", Title: "Ferry strike begins", Body: "Ferry crews in Corvane walked out."},
		{Source: "2", Outlet: "Fenmoor Post", Published: "2026-02-02", Title: "Ferry strike continues", Body: "The Corvane ferry crews stayed out."},
		{Source: "3", Outlet: "Harbour Wire", Published: "2026-02-03T10:00:00Z", Title: "Budget vote", Body: "The council passed the harbour budget."},
		{Source: "4", Outlet: "Fenmoor Post", Title: "Lantern festival", Body: "Lanterns lit the old quay."},
		{Source: "5", Outlet: "Harbour Wire", Published: "2026-02-04T09:00:00Z", Title: "Budget vote, again", Body: "The council passed the harbour budget."},
		{Source: "6", Title: "Untitled note", Body: "A note nobody placed."},
	}
	var ids []int64
	for _, a := range arts {
		id, _, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	ps := []model.Placement{
		{ArticleID: ids[0], StoryID: 1, NewStory: true, Seq: 1},
		{ArticleID: ids[2], StoryID: 2, NewStory: true, Seq: 2},
		{ArticleID: ids[1], StoryID: 1, Seq: 3},
		{ArticleID: ids[4], StoryID: 2, DuplicateOf: ids[2], Seq: 4},
		{ArticleID: ids[3], StoryID: 3, NewStory: true, Seq: 5},
	}
	stories := []model.Story{
		{ID: 1, StorylineID: 1, Title: "Ferry strike", ArticleIDs: []int64{ids[0], ids[1]}, Outlets: []string{"Fenmoor Post", "Harbour Wire"},
			FirstPublished: "2026-02-01", LastPublished: "2026-02-02", Independent: 2, IndependentOutlets: 2},
		{ID: 2, StorylineID: 1, Title: "Budget vote", ArticleIDs: []int64{ids[2], ids[4]}, Outlets: []string{"Harbour Wire"},
			FirstPublished: "2026-02-03", LastPublished: "2026-02-04", Independent: 1, IndependentOutlets: 1},
		{ID: 3, StorylineID: 3, Title: "Lantern festival", ArticleIDs: []int64{ids[3]}, Outlets: []string{"Fenmoor Post"},
			Independent: 1, IndependentOutlets: 1},
	}
	Commit(t, s, store.PlacementBatch{Placements: ps, Stories: stories})
	return ids
}

// Commit writes b under a writer lease taken for it (b.Epoch is set).
func Commit(t testing.TB, s interface {
	AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error)
	CommitPlacements(ctx context.Context, b store.PlacementBatch) error
}, b store.PlacementBatch) {
	t.Helper()
	ctx := context.Background()
	lease, err := s.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()
	b.Epoch = lease.Epoch()
	if err := s.CommitPlacements(ctx, b); err != nil {
		t.Fatal(err)
	}
}

func storyIDs(ss []model.Story) []int64 {
	ids := []int64{}
	for _, x := range ss {
		ids = append(ids, x.ID)
	}
	return ids
}

func runStories(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("story queries", func(t *testing.T) {
		s := open(t)
		newsroom(t, s)
		for _, tc := range []struct {
			name string
			q    store.StoryQuery
			want []int64
		}{
			{"newest, undated last", store.StoryQuery{}, []int64{2, 1, 3}},
			{"most covered", store.StoryQuery{Order: store.MostCovered}, []int64{1, 2, 3}},
			{"outlet", store.StoryQuery{Outlet: "Fenmoor Post"}, []int64{1, 3}},
			{"since", store.StoryQuery{Since: "2026-02-03"}, []int64{2}},
			{"until", store.StoryQuery{Until: "2026-02-02"}, []int64{1}},
			{"text", store.StoryQuery{Text: "BUDGET"}, []int64{2}},
			{"text with syntax", store.StoryQuery{Text: `ferry" OR (lantern`}, []int64{}},
			{"text of only punctuation", store.StoryQuery{Text: `"()"`}, []int64{2, 1, 3}},
			{"page", store.StoryQuery{Limit: 1, Offset: 1}, []int64{1}},
			{"page past the end", store.StoryQuery{Limit: 5, Offset: 3}, []int64{}},
			{"combined", store.StoryQuery{Order: store.MostCovered, Outlet: "Harbour Wire", Text: "corvane"}, []int64{1}},
		} {
			got, err := s.Stories(ctx, tc.q)
			if err != nil || fmt.Sprint(storyIDs(got)) != fmt.Sprint(tc.want) {
				t.Errorf("%s: Stories(%+v) = %v, %v; want %v", tc.name, tc.q, storyIDs(got), err, tc.want)
			}
		}
	})
	t.Run("stories carry their members in placement order", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		all, err := s.Stories(ctx, store.StoryQuery{Order: store.MostCovered})
		if err != nil || len(all) != 3 {
			t.Fatalf("Stories = %v, %v", all, err)
		}
		want := model.Story{ID: 1, StorylineID: 1, Title: "Ferry strike", ArticleIDs: []int64{ids[0], ids[1]},
			Outlets: []string{"Fenmoor Post", "Harbour Wire"}, FirstPublished: "2026-02-01", LastPublished: "2026-02-02",
			Independent: 2, IndependentOutlets: 2, Articles: 2,
			Originals: []model.Original{{Outlet: "Harbour Wire", ArticleID: ids[0]}, {Outlet: "Fenmoor Post", ArticleID: ids[1]}}}
		if fmt.Sprintf("%+v", all[0]) != fmt.Sprintf("%+v", want) {
			t.Errorf("story 1 = %+v\nwant      %+v", all[0], want)
		}
		x, err := s.Story(ctx, 2)
		if err != nil || fmt.Sprint(x.ArticleIDs) != fmt.Sprint([]int64{ids[2], ids[4]}) || x.Title != "Budget vote" {
			t.Errorf("Story(2) = %+v, %v", x, err)
		}
		if x, err := s.Story(ctx, 3); err != nil || x.FirstPublished != "" || len(x.ArticleIDs) != 1 {
			t.Errorf("Story(3) = %+v, %v", x, err)
		}
		if _, err := s.Story(ctx, 99); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Story(99) err = %v; want ErrNotFound", err)
		}
		arts, err := s.StoryArticles(ctx, 1)
		if err != nil || fmt.Sprint(articleIDs(arts)) != fmt.Sprint([]int64{ids[0], ids[1]}) || arts[1].Outlet != "Fenmoor Post" {
			t.Errorf("StoryArticles(1) = %v, %v", articleIDs(arts), err)
		}
		if arts, err := s.StoryArticles(ctx, 99); err != nil || len(arts) != 0 {
			t.Errorf("StoryArticles(99) = %v, %v; want none", articleIDs(arts), err)
		}
	})
	t.Run("put stories updates in place", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		changed := model.Story{ID: 2, StorylineID: 1, Title: "Harbour budget passes", ArticleIDs: []int64{ids[2], ids[4]},
			Outlets: []string{"Harbour Wire"}, FirstPublished: "2026-02-03", LastPublished: "2026-02-05", Independent: 1, IndependentOutlets: 1}
		Commit(t, s, store.PlacementBatch{Stories: []model.Story{changed}})
		x, err := s.Story(ctx, 2)
		if err != nil || x.Title != changed.Title || x.LastPublished != "2026-02-05" {
			t.Errorf("Story(2) after update = %+v, %v", x, err)
		}
		Commit(t, s, store.PlacementBatch{})
	})
	runPlacements(t, open)
}

func runPlacements(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("placements replay in placement order", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		var order []int64
		var unplaced model.Placement
		err := s.PlacedAfter(ctx, 0, func(a model.Article, p model.Placement) error {
			if a.ID != p.ArticleID || a.Body == "" {
				return fmt.Errorf("article %d with placement %+v", a.ID, p)
			}
			order = append(order, a.ID)
			if a.ID == ids[5] {
				unplaced = p
			}
			return nil
		})
		want := []int64{ids[0], ids[2], ids[1], ids[4], ids[3], ids[5]}
		if err != nil || fmt.Sprint(order) != fmt.Sprint(want) {
			t.Errorf("Placed order = %v, %v; want %v", order, err, want)
		}
		if unplaced.StoryID != 0 || unplaced.Seq != 0 {
			t.Errorf("unplaced article's placement = %+v", unplaced)
		}
		stop := errors.New("stop")
		if err := s.PlacedAfter(ctx, 0, func(model.Article, model.Placement) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("PlacedAfter returns %v; want the callback's error", err)
		}
		order = nil
		err = s.PlacedAfter(ctx, 3, func(a model.Article, p model.Placement) error {
			order = append(order, a.ID)
			return nil
		})
		if want := []int64{ids[4], ids[3], ids[5]}; err != nil || fmt.Sprint(order) != fmt.Sprint(want) {
			t.Errorf("PlacedAfter(3) order = %v, %v; want %v", order, err, want)
		}
		ps, err := s.Placements(ctx)
		if err != nil || len(ps) != 5 {
			t.Fatalf("Placements = %v, %v; want 5", ps, err)
		}
		wantDup := model.Placement{ArticleID: ids[4], StoryID: 2, StorylineID: 1, DuplicateOf: ids[2], Seq: 4}
		if ps[ids[4]] != wantDup || !ps[ids[0]].NewStory || ps[ids[1]].NewStory {
			t.Errorf("Placements = %+v", ps)
		}
		if p, err := s.ArticlePlacement(ctx, ids[4]); err != nil || p != wantDup {
			t.Errorf("ArticlePlacement = %+v, %v; want %+v", p, err, wantDup)
		}
		if p, err := s.ArticlePlacement(ctx, ids[5]); err != nil || p.StoryID != 0 {
			t.Errorf("ArticlePlacement(unplaced) = %+v, %v", p, err)
		}
		if _, err := s.ArticlePlacement(ctx, 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ArticlePlacement(999) err = %v; want ErrNotFound", err)
		}
		dups, err := s.StoryDuplicates(ctx, 2)
		if err != nil || len(dups) != 1 || dups[ids[4]] != ids[2] {
			t.Errorf("StoryDuplicates(2) = %v, %v", dups, err)
		}
	})
	t.Run("articles and outlets", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		all, err := s.Articles(ctx)
		want := []int64{ids[4], ids[2], ids[1], ids[0], ids[3], ids[5]}
		if err != nil || fmt.Sprint(articleIDs(all)) != fmt.Sprint(want) {
			t.Errorf("Articles = %v, %v; want newest first, undated last: %v", articleIDs(all), err, want)
		}
		outlets, err := s.Outlets(ctx)
		wantOutlets := []store.Outlet{
			{Name: "Harbour Wire", Articles: 3, Stories: 2, First: "2026-02-01", Last: "2026-02-04"},
			{Name: "Fenmoor Post", Articles: 2, Stories: 2, First: "2026-02-02", Last: "2026-02-02"},
			{Name: "", Articles: 1, Stories: 0, First: "", Last: ""},
		}
		if err != nil || fmt.Sprint(outlets) != fmt.Sprint(wantOutlets) {
			t.Errorf("Outlets = %+v, %v\nwant %+v", outlets, err, wantOutlets)
		}
	})
}
