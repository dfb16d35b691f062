package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

func runReports(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("enrichment is stored and replaced on its own", func(t *testing.T) {
		s := open(t)
		e := model.Enrichment{Quotes: []model.Quote{{Text: "We will reopen the bridge", Speaker: "Ines Calloway", Verb: "said"}}}
		a := model.Article{Source: "a.txt", Title: "Bridge", Body: "Body.", Enrichment: &e}
		id, _, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		plain, _, err := s.PutArticle(ctx, model.Article{Source: "b.txt", Title: "Plain", Body: "Never enriched."})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, id)
		if err != nil || got.Enrichment == nil || got.Enrichment.Quotes[0].Speaker != "Ines Calloway" {
			t.Fatalf("Article = %+v, %v", got.Enrichment, err)
		}
		if got, err := s.Article(ctx, plain); err != nil || got.Enrichment != nil {
			t.Errorf("never-enriched article has enrichment %+v, %v", got.Enrichment, err)
		}
		e.RefDate = "2031-03-14"
		if err := s.PutEnrichment(ctx, id, e); err != nil {
			t.Fatal(err)
		}
		all, err := s.ArticlesEnriched(ctx)
		if err != nil || len(all) != 2 {
			t.Fatalf("ArticlesEnriched = %d, %v", len(all), err)
		}
		for _, x := range all {
			if x.ID == id && (x.Enrichment == nil || x.Enrichment.RefDate != "2031-03-14" || x.Body != "Body.") {
				t.Errorf("after PutEnrichment: %+v", x)
			}
		}
		if plainList, _ := s.Articles(ctx); len(plainList) != 2 || plainList[0].Enrichment != nil {
			t.Errorf("Articles carries enrichment: %+v", plainList)
		}
	})
	t.Run("reports round-trip with their fingerprint", func(t *testing.T) {
		s := open(t)
		if _, _, err := s.Report(ctx, 7); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing report: %v", err)
		}
		if fp, err := s.ReportFingerprint(ctx, 7); err != nil || fp != "" {
			t.Fatalf("missing report's fingerprint = %q, %v", fp, err)
		}
		r := model.Report{StoryID: 7, Summary: []model.SummarySentence{{Text: "The bridge reopens.", ArticleIDs: []int64{1}}}}
		if err := s.PutReport(ctx, 7, "fp1", r); err != nil {
			t.Fatal(err)
		}
		if err := s.PutReport(ctx, 7, "fp2", r); err != nil {
			t.Fatal(err)
		}
		if err := s.PutReport(ctx, 8, "fp8", model.Report{StoryID: 8}); err != nil {
			t.Fatal(err)
		}
		back, fp, err := s.Report(ctx, 7)
		if err != nil || fp != "fp2" || len(back.Summary) != 1 || back.Summary[0].Text != "The bridge reopens." {
			t.Fatalf("Report = %+v, %q, %v", back, fp, err)
		}
		if _, fp8, err := s.Report(ctx, 8); err != nil || fp8 != "fp8" {
			t.Fatalf("Report(8) fingerprint = %q, %v", fp8, err)
		}
		if fp, err := s.ReportFingerprint(ctx, 7); err != nil || fp != "fp2" {
			t.Fatalf("ReportFingerprint(7) = %q, %v", fp, err)
		}
		claimed := model.Report{StoryID: 8, Title: "Bridge", Claims: []model.Claim{{Text: "It reopens.", ArticleIDs: []int64{1},
			Outlets: []string{"Tide"}, Sentences: []model.Sentence{{ArticleID: 1, Outlet: "Tide", Text: "The bridge reopens today."}}}}}
		if err := s.PutReport(ctx, 8, "fp8", claimed); err != nil {
			t.Fatal(err)
		}
		all, err := s.ReportOutlines(ctx, []int64{7, 8, 9})
		want := model.Report{Title: "Bridge", Summary: []model.SummarySentence{}, Claims: []model.Claim{{Text: "It reopens.",
			Outlets: []string{"Tide"}, Sentences: []model.Sentence{{Text: "The bridge reopens today."}}}}}
		if err != nil || len(all) != 2 || all[7].Summary[0].Text != "The bridge reopens." || !reflect.DeepEqual(all[8], want) {
			t.Fatalf("ReportOutlines(7, 8, 9) = %+v, %v; want 7 and 8, 8 as %+v", all, err, want)
		}
		if none, err := s.ReportOutlines(ctx, nil); err != nil || len(none) != 0 {
			t.Fatalf("ReportOutlines() = %+v, %v", none, err)
		}
	})
}
