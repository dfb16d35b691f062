package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// runSummaries checks what lists read instead of every member: the story
// row's count and originals, and the outlets' counts, kept as articles
// join, move between stories and change outlet.
func runSummaries(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("lists read story summaries, not members", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		got, err := s.Stories(ctx, store.StoryQuery{Order: store.MostCovered, Summaries: true})
		if err != nil || len(got) != 3 {
			t.Fatalf("Stories = %+v, %v", got, err)
		}
		for i, want := range []int{2, 2, 1} {
			if got[i].ArticleIDs != nil || got[i].Articles != want {
				t.Errorf("story %d: %d members listed, count %d; want none listed, count %d", got[i].ID, len(got[i].ArticleIDs), got[i].Articles, want)
			}
		}
		// Story 2 gains an article with a web address; its original
		// without one gives way, the duplicate with one does not count.
		id, _, err := s.PutArticle(ctx, model.Article{Source: "7", URL: "https://harbourwire.example/budget", Outlet: "Harbour Wire",
			Published: "2026-02-05", Title: "Budget vote, the details", Body: "The details of the harbour budget."})
		if err != nil {
			t.Fatal(err)
		}
		Commit(t, s, store.PlacementBatch{Placements: []model.Placement{{ArticleID: id, StoryID: 2, Seq: 6}},
			Stories: []model.Story{{ID: 2, StorylineID: 1, Title: "Budget vote", ArticleIDs: []int64{ids[2], ids[4], id},
				Outlets: []string{"Harbour Wire"}, FirstPublished: "2026-02-03", LastPublished: "2026-02-05", Independent: 2, IndependentOutlets: 1}}})
		x, err := s.Story(ctx, 2)
		want := []model.Original{{Outlet: "Harbour Wire", ArticleID: id, URL: "https://harbourwire.example/budget"}}
		if err != nil || x.Articles != 3 || !reflect.DeepEqual(x.Originals, want) {
			t.Errorf("Story(2) = %d members, originals %+v, %v; want 3, %+v", x.Articles, x.Originals, err, want)
		}
	})
	t.Run("outlet counts follow articles", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		check := func(when string, want []store.Outlet) {
			t.Helper()
			got, err := s.Outlets(ctx)
			if err != nil || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Errorf("%s: Outlets = %+v, %v\nwant %+v", when, got, err, want)
			}
		}
		check("placed", []store.Outlet{
			{Name: "Harbour Wire", Articles: 3, Stories: 2, First: "2026-02-01", Last: "2026-02-04"},
			{Name: "Fenmoor Post", Articles: 2, Stories: 2, First: "2026-02-02", Last: "2026-02-02"},
			{Name: "", Articles: 1, Stories: 0, First: "", Last: ""},
		})
		// The Fenmoor Post's story 1 article moves to story 3, which it
		// already has: one story fewer. The unplaced note joins story 1.
		Commit(t, s, store.PlacementBatch{Placements: []model.Placement{{ArticleID: ids[1], StoryID: 3, Seq: 6},
			{ArticleID: ids[5], StoryID: 1, Seq: 7}}})
		check("moved", []store.Outlet{
			{Name: "Harbour Wire", Articles: 3, Stories: 2, First: "2026-02-01", Last: "2026-02-04"},
			{Name: "Fenmoor Post", Articles: 2, Stories: 1, First: "2026-02-02", Last: "2026-02-02"},
			{Name: "", Articles: 1, Stories: 1, First: "", Last: ""},
		})
		// A page read again under its key now names its outlet.
		a := model.Article{Source: "6", Outlet: "Fenmoor Post", Published: "2026-01-30", Title: "Untitled note", Body: "A note nobody placed, signed."}
		if _, o, err := s.PutArticle(ctx, a); err != nil || o != store.Updated {
			t.Fatalf("update = %v, %v", o, err)
		}
		check("outlet changed", []store.Outlet{
			{Name: "Fenmoor Post", Articles: 3, Stories: 2, First: "2026-01-30", Last: "2026-02-02"},
			{Name: "Harbour Wire", Articles: 3, Stories: 2, First: "2026-02-01", Last: "2026-02-04"},
		})
		// Its story's card (the originals) names the outlet at once, in the
		// same transaction as the update.
		x, err := s.Story(ctx, 1)
		named := false
		for _, o := range x.Originals {
			named = named || o.ArticleID == ids[5] && o.Outlet == "Fenmoor Post"
		}
		if err != nil || !named {
			t.Errorf("story 1 originals after its article's outlet changed: %+v, %v; want article %d as Fenmoor Post", x.Originals, err, ids[5])
		}
	})
}
