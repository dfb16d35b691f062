package cli

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalQuotes scores fictional articles against their quotation gold:
// the strict rule, the outlet filter, the gates and the JSON report.
func TestEvalQuotes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	dir := filepath.Join("testdata", "quotes")
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, filepath.Join(dir, "articles.jsonl")); err != nil {
		t.Fatal(err)
	}
	gold := filepath.Join(dir, "gold.jsonl")
	out, _, err := run(t, "eval", "quotes", "--db", db, "--gold", gold, "--strict",
		"--min-text-recall", "1", "--min-speaker-accuracy", "1", "--min-recall", "1", "--extra")
	if err != nil || !strings.Contains(out, "speaker accuracy 1.0000") {
		t.Fatalf("eval quotes --strict: %v\n%s", err, out)
	}
	if !strings.Contains(out, "precision 1.0000") {
		t.Errorf("every quotation is in the gold:\n%s", out)
	}
	out, _, err = run(t, "eval", "quotes", "--db", db, "--gold", gold, "--strict", "--outlets", "veloria post", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct{ Total, Named int }
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Total != 1 || s.Named != 1 {
		t.Errorf("--outlets: total %d, named %d (%v); want 1, 1", s.Total, s.Named, err)
	}
	// The lenient rule checks the pronoun's speaker too, and "he" names no one.
	if _, _, err := run(t, "eval", "quotes", "--db", db, "--gold", gold, "--min-recall", "1"); !errors.Is(err, errGate) {
		t.Errorf("lenient rule at recall 1: err = %v", err)
	}
}
