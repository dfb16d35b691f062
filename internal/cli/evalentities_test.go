package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalEntities scores the example corpus against its entity gold, and
// the gate fails above what is reached.
func TestEvalEntities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, filepath.Join("..", "..", "examples", "corpus")); err != nil {
		t.Fatal(err)
	}
	gold := filepath.Join("..", "..", "examples", "gold-entities.jsonl")
	out, _, err := run(t, "eval", "entities", "--db", db, "--gold", gold, "--min-f1", "0.9")
	if err != nil || !strings.Contains(out, "typed    precision") {
		t.Fatalf("eval entities: %v\n%s", err, out)
	}
	if _, _, err := run(t, "eval", "entities", "--db", db, "--gold", gold, "--min-f1", "1.01"); !errors.Is(err, errGate) {
		t.Errorf("gate above 1: err = %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{not json\n"), 0o644)
	if _, _, err := run(t, "eval", "entities", "--db", db, "--gold", bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("malformed gold: err = %v", err)
	}
}
