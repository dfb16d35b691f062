package enrich

import (
	"os"
	"parallax/internal/testshared"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/extract"
)

// TestDatesDevCorpus runs Dates and Figures over the 91 real pages of the
// extraction dev set (many sites and languages), read in place: no panics,
// every mention inside its text. It logs the counts.
func TestDatesDevCorpus(t *testing.T) {
	dir := testshared.Dir(t, "datasets", "extraction-dev", "text")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var dates, figures, refs int
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.FromText(path, string(raw))
		if err != nil {
			continue
		}
		ms, ref, _ := Dates(a)
		if ref != "" {
			refs++
		}
		for _, m := range ms {
			if !strings.Contains(m.Sentence, m.Text) {
				t.Errorf("%s: mention %q not in %q", path, m.Text, m.Sentence)
			}
		}
		fs := Figures(a)
		for _, f := range fs {
			if !strings.Contains(f.Sentence, f.Text) {
				t.Errorf("%s: figure %q not in %q", path, f.Text, f.Sentence)
			}
		}
		dates += len(ms)
		figures += len(fs)
	}
	t.Logf("%d pages: %d date mentions, %d with a reference date, %d figures", len(paths), dates, refs, figures)
}
