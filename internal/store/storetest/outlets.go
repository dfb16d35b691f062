package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

func runOutlets(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("outlet registry", func(t *testing.T) {
		s := open(t)
		v0 := version(t, s)
		put, err := s.PutOutlets(ctx, []model.Outlet{
			{Name: "Harbour Wire", Domains: []string{"harbourwire.example"}, Country: "xa", Attributes: map[string]string{"kind": "agency"}},
			{Name: "Fenmoor Post", Aliases: []string{"The Post"}, Language: "en"},
		})
		if err != nil || len(put) != 2 || put[0].ID == 0 || put[1].ID == 0 || put[0].Country != "XA" {
			t.Fatalf("PutOutlets = %+v, %v", put, err)
		}
		reg, err := s.RegisteredOutlets(ctx)
		if err != nil || len(reg) != 2 || reg[0].Name != "Fenmoor Post" || !reflect.DeepEqual(reg[1], put[0]) {
			t.Fatalf("RegisteredOutlets = %+v, %v", reg, err)
		}
		if version(t, s) <= v0 {
			t.Error("the registry's version did not move")
		}
		edited := reg[1]
		edited.Attributes = map[string]string{"kind": "agency", "leaning": "centre"}
		if _, err := s.PutOutlets(ctx, []model.Outlet{edited}); err != nil {
			t.Fatal(err)
		}
		if reg, _ = s.RegisteredOutlets(ctx); reg[1].Attributes["leaning"] != "centre" {
			t.Errorf("edit not stored: %+v", reg[1])
		}
		if err := s.RemoveOutlet(ctx, reg[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveOutlet(ctx, reg[0].ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing it again: %v, want ErrNotFound", err)
		}
		if reg, _ = s.RegisteredOutlets(ctx); len(reg) != 1 {
			t.Errorf("after remove: %+v", reg)
		}
	})
	t.Run("a conflicting change writes nothing", func(t *testing.T) {
		s := open(t)
		if _, err := s.PutOutlets(ctx, []model.Outlet{{Name: "Harbour Wire", Domains: []string{"harbourwire.example"}}}); err != nil {
			t.Fatal(err)
		}
		v := version(t, s)
		for _, bad := range [][]model.Outlet{
			{{Name: "Lantern Daily"}, {Name: "Copycat", Domains: []string{"www.harbourwire.example"}}},
			{{Name: "harbour  wire"}},
			{{ID: 999, Name: "Ghost"}},
			{{Name: "Bad\x00name"}},
		} {
			if _, err := s.PutOutlets(ctx, bad); err == nil {
				t.Errorf("PutOutlets(%+v) took it", bad)
			}
		}
		if reg, _ := s.RegisteredOutlets(ctx); len(reg) != 1 || version(t, s) != v {
			t.Errorf("after refused changes: %+v, version %d (was %d)", reg, version(t, s), v)
		}
	})
	t.Run("story cards and sole coverage", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		sole, err := s.SoleStories(ctx, 5)
		if err != nil || len(sole) != 2 {
			t.Fatalf("SoleStories = %+v, %v", sole, err)
		}
		if sole[0].Label != "Fenmoor Post" || sole[0].Count != 1 || sole[1].Label != "Harbour Wire" || sole[1].Stories[0].ID != 2 {
			t.Errorf("SoleStories = %+v", sole)
		}
		r := model.Report{StoryID: 1, Title: "Corvane ferry crews strike", Summary: []model.SummarySentence{{Text: "Ferry crews walk out in Corvane."}, {Text: "More."}}}
		if err := s.PutReport(ctx, 1, "fp", r); err != nil {
			t.Fatal(err)
		}
		leads, err := s.StoryLeads(ctx, []int64{1, 2})
		if err != nil || len(leads) != 1 || leads[1] != (store.StoryLead{Line: "Ferry crews walk out in Corvane.", Title: "Corvane ferry crews strike"}) {
			t.Errorf("StoryLeads = %v, %v", leads, err)
		}
		refs, err := s.StoryArticleRefs(ctx, []int64{2, 1})
		if err != nil || len(refs) != 4 {
			t.Fatalf("StoryArticleRefs = %+v, %v", refs, err)
		}
		if refs[0].StoryID != 1 || refs[0].Article.ID != ids[0] || refs[1].Article.ID != ids[1] ||
			refs[3].DuplicateOf != ids[2] || refs[0].Article.Outlet != "Harbour Wire" || refs[0].Article.Body != "" {
			t.Errorf("StoryArticleRefs = %+v", refs)
		}
	})
	t.Run("sole stories: all counted, the newest few listed", func(t *testing.T) {
		s := open(t)
		newsroom(t, s)
		var ps []model.Placement
		var stories []model.Story
		for i, day := range []string{"2026-02-05", "2026-02-03"} {
			id, _, err := s.PutArticle(ctx, model.Article{Source: fmt.Sprint("sole", i), Outlet: "Harbour Wire", Published: day,
				Title: "Harbour note " + day, Body: "A note from the harbour on " + day + "."})
			if err != nil {
				t.Fatal(err)
			}
			sid := int64(4 + i)
			ps = append(ps, model.Placement{ArticleID: id, StoryID: sid, NewStory: true, Seq: int64(6 + i)})
			stories = append(stories, model.Story{ID: sid, StorylineID: sid, Title: "Harbour note " + day, ArticleIDs: []int64{id},
				Outlets: []string{"Harbour Wire"}, FirstPublished: day, LastPublished: day, Independent: 1, IndependentOutlets: 1})
		}
		Commit(t, s, store.PlacementBatch{Placements: ps, Stories: stories})
		sole, err := s.SoleStories(ctx, 2)
		if err != nil || len(sole) != 2 {
			t.Fatalf("SoleStories = %+v, %v", sole, err)
		}
		var got []int64
		for _, st := range sole[1].Stories {
			got = append(got, st.ID)
		}
		if sole[0].Label != "Fenmoor Post" || sole[0].Count != 1 || sole[1].Label != "Harbour Wire" || sole[1].Count != 3 ||
			!slices.Equal(got, []int64{4, 2}) || sole[1].Stories[0].LastPublished != "2026-02-05" {
			t.Errorf("SoleStories = %+v", sole)
		}
	})
	t.Run("stories kept by a last filter are paged after it", func(t *testing.T) {
		s := open(t)
		newsroom(t, s)
		q := store.StoryQuery{Order: store.MostCovered, Limit: 1, Offset: 1,
			Keep: func(x model.Story) bool { return !strings.Contains(x.Title, "Ferry") }}
		got, err := s.Stories(ctx, q)
		if err != nil || len(got) != 1 || got[0].ID != 3 || len(got[0].ArticleIDs) != 1 {
			t.Errorf("Stories(keep, page 2 of 1) = %+v, %v", got, err)
		}
	})
}

func version(t *testing.T, s Store) int64 {
	t.Helper()
	v, err := s.OutletsVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}
