package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// TestEnrichmentAndReports: an article's enrichment is stored with it and
// replaced on its own; a story's report round-trips with its fingerprint.
func TestEnrichmentAndReports(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := model.Enrichment{Quotes: []model.Quote{{Text: "We will reopen the bridge", Speaker: "Ines Calloway", Verb: "said"}}}
	a := model.Article{Source: "a.txt", Title: "Bridge", Body: "Body.", Enrichment: &e}
	id, _, err := s.PutArticle(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, id)
	if err != nil || got.Enrichment == nil || got.Enrichment.Quotes[0].Speaker != "Ines Calloway" {
		t.Fatalf("Article = %+v, %v", got.Enrichment, err)
	}
	e.RefDate = "2031-03-14"
	if err := s.PutEnrichment(ctx, id, e); err != nil {
		t.Fatal(err)
	}
	all, err := s.ArticlesEnriched(ctx)
	if err != nil || len(all) != 1 || all[0].Enrichment.RefDate != "2031-03-14" {
		t.Fatalf("ArticlesEnriched = %+v, %v", all, err)
	}
	if _, _, err := s.Report(ctx, 7); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing report: %v", err)
	}
	r := model.Report{StoryID: 7, Summary: []model.SummarySentence{{Text: "The bridge reopens.", ArticleIDs: []int64{id}}}}
	if err := s.PutReport(ctx, 7, "fp1", r); err != nil {
		t.Fatal(err)
	}
	if err := s.PutReport(ctx, 7, "fp2", r); err != nil {
		t.Fatal(err)
	}
	back, fp, err := s.Report(ctx, 7)
	if err != nil || fp != "fp2" || len(back.Summary) != 1 {
		t.Fatalf("Report = %+v, %q, %v", back, fp, err)
	}
	fps, err := s.ReportFingerprints(ctx)
	if err != nil || fps[7] != "fp2" {
		t.Fatalf("ReportFingerprints = %v, %v", fps, err)
	}
}
