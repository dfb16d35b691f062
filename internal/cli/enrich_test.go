package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// TestEnrichBringsOldArticlesUpToDate: an article whose stored enrichment
// is stale (here: emptied, as a store from an older version would hold)
// is enriched again, a report built from older results is rebuilt, and a
// second run changes nothing.
func TestEnrichBringsOldArticlesUpToDate(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "ex.db")
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, filepath.Join("..", "..", "examples", "corpus")); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutEnrichment(ctx, 3, model.Enrichment{}); err != nil {
		t.Fatal(err)
	}
	p, err := st.ArticlePlacement(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutReport(ctx, p.StoryID, "built by an older version", model.Report{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _, err := run(t, "enrich", "--db", db)
	if err != nil || !strings.Contains(out, ": 1 changed; 1 of 4 story reports rebuilt") {
		t.Fatalf("enrich: %v\n%s", err, out)
	}
	out, _, err = run(t, "enrich", "--db", db)
	if err != nil || !strings.Contains(out, ": 0 changed; 0 of 4") {
		t.Fatalf("second enrich: %v\n%s", err, out)
	}
}
