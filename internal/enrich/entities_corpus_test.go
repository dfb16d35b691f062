package enrich

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
)

// exampleCorpus is the fictional corpus bundled with the repository.
var exampleCorpus = filepath.Join("..", "..", "examples", "corpus")

// loadExampleCorpus extracts every article of the example corpus, keyed as
// examples/gold-entities.jsonl names them: the path relative to the corpus
// directory, or the URL of a JSON-lines record.
func loadExampleCorpus(t testing.TB) map[string]model.Article {
	t.Helper()
	out := make(map[string]model.Article)
	for d, err := range source.Read(context.Background(), []string{exampleCorpus}, source.Options{}) {
		if err != nil {
			t.Fatalf("read example corpus: %v", err)
		}
		a, err := extract.Document(d)
		if err != nil {
			t.Fatalf("extract %s: %v", d.Source, err)
		}
		key := strings.TrimPrefix(filepath.ToSlash(d.Source), filepath.ToSlash(exampleCorpus)+"/")
		out[key] = a
	}
	return out
}

// Floors a little under what the recogniser reaches on the example corpus
// (see TestExampleEntities' log), so a regression fails.
const (
	minTypedF1          = 0.95 // 0.980 when set
	minTypedPrecision   = 0.97 // 0.995
	minTypedRecall      = 0.93 // 0.965
	minUntypedPrecision = 0.98 // 1.000
)

// TestExampleEntities scores the entities found in the example corpus
// against examples/gold-entities.jsonl.
func TestExampleEntities(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "examples", "gold-entities.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.LoadEntityGold(f)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string][]model.Entity)
	for key, a := range loadExampleCorpus(t) {
		got[key] = Article(a).Entities
	}
	s := eval.ScoreEntities(gold, got)
	if len(s.Unmatched) > 0 {
		t.Errorf("gold articles not in the corpus: %v", s.Unmatched)
	}
	if testing.Verbose() {
		for _, e := range s.Errors {
			t.Logf("%s\n  spurious %v\n  missed   %v", e.Source, e.Spurious, e.Missed)
		}
	}
	t.Logf("typed   P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", s.Typed.Precision, s.Typed.Recall, s.Typed.F1, s.Typed.TP, s.Typed.FP, s.Typed.FN)
	t.Logf("untyped P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", s.Untyped.Precision, s.Untyped.Recall, s.Untyped.F1, s.Untyped.TP, s.Untyped.FP, s.Untyped.FN)
	for _, f := range []struct {
		what     string
		got, min float64
	}{
		{"typed F1", s.Typed.F1, minTypedF1},
		{"typed precision", s.Typed.Precision, minTypedPrecision},
		{"typed recall", s.Typed.Recall, minTypedRecall},
		{"untyped precision", s.Untyped.Precision, minUntypedPrecision},
	} {
		if f.got < f.min {
			t.Errorf("%s %.3f below the floor %.2f", f.what, f.got, f.min)
		}
	}
}
