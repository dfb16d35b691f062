package compare

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"parallax/internal/model"
)

// TestDevJSON writes the report of the articles in COMPARE_JSON (a glob of
// JSON article files) to COMPARE_DUMP: a development aid, skipped unless
// asked for.
func TestDevJSON(t *testing.T) {
	pattern := os.Getenv("COMPARE_JSON")
	if pattern == "" {
		t.Skip("COMPARE_JSON not set")
	}
	names, _ := filepath.Glob(pattern)
	sort.Strings(names)
	var arts []model.Article
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var a model.Article
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatal(err)
		}
		a.ID = int64(len(arts) + 1)
		if a.Enrichment == nil {
			e := enrichArticle(a)
			a.Enrichment = &e
		}
		arts = append(arts, a)
	}
	s := model.Story{ID: 1, Title: "dev"}
	r := Build(s, arts)
	var b bytes.Buffer
	if err := Markdown(&b, s, arts, r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(os.Getenv("COMPARE_DUMP"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
