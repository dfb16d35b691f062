package compare

import (
	"bytes"
	"os"
	"parallax/internal/testshared"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parallax/internal/enrich"
	"parallax/internal/extract"
	"parallax/internal/model"
)

// seedArticles extracts and enriches the named seeds (by file-name prefix),
// numbering them from 1 in file order.
func seedArticles(t *testing.T, prefixes ...string) []model.Article {
	t.Helper()
	dir := testshared.Dir(t, "seeds")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var out []model.Article
	for _, n := range names {
		if !hasAnyPrefix(filepath.Base(n), prefixes) {
			continue
		}
		raw, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.FromText(n, string(raw))
		if err != nil {
			t.Fatalf("extract %s: %v", n, err)
		}
		a.ID = int64(len(out) + 1)
		e := enrichArticle(a)
		a.Enrichment = &e
		out = append(out, a)
	}
	redateUndated(out)
	return out
}

// redateUndated resolves the dates of the articles with no date of their
// own against the story's first day, as the pipeline does once a story
// is known (internal/cli redate).
func redateUndated(arts []model.Article) {
	first := ""
	for _, a := range arts {
		if r := a.Enrichment.RefDate; r != "" && !a.Enrichment.RefInferred && (first == "" || r < first) {
			first = r
		}
	}
	for i, a := range arts {
		if a.Published != "" || a.Enrichment.RefDate != "" || first == "" {
			continue
		}
		e := *a.Enrichment
		e.Dates, e.RefDate, e.RefInferred = enrich.DatesAt(a, first)
		arts[i].Enrichment = &e
	}
}

func hasAnyPrefix(s string, ps []string) bool {
	if len(ps) == 0 {
		return true
	}
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestSeeds checks the findings the real seeds must give, on all five as
// one story and on the three about the Istanbul talks.
func TestSeeds(t *testing.T) {
	for _, tc := range []struct {
		name     string
		prefixes []string
	}{
		{"all", nil},
		{"istanbul", []string{"000_", "001_", "004_"}},
	} {
		if testing.Verbose() {
			for _, one := range []string{"002_", "003_"} {
				arts := seedArticles(t, one)
				var b bytes.Buffer
				Markdown(&b, model.Story{ID: 1}, arts, Build(model.Story{ID: 1}, arts))
				if p := os.Getenv("COMPARE_DUMP"); p != "" {
					os.WriteFile(filepath.Join(p, one+".md"), b.Bytes(), 0o644)
				}
			}
		}
		t.Run(tc.name, func(t *testing.T) {
			arts := seedArticles(t, tc.prefixes...)
			r := Build(model.Story{ID: 1}, arts)
			if !hasQuoteVariant(r, "DEAL", "MEETING") {
				t.Errorf("no quote variant DEAL/MEETING in %+v", r.Quotes)
			}
			if !hasTitle(r, "former") {
				t.Errorf("no 'former' title discrepancy in %+v", r.Discrepancies)
			}
			if !hasName(r, "Kiev", "Kyiv") && !hasName(r, "Kyiv", "Kiev") {
				t.Errorf("no Kiev/Kyiv naming difference in %+v", r.Framing)
			}
			if !hasDate(r, "2025-05-15") {
				t.Errorf("no 2025-05-15 in the timeline")
			}
			shared := 0
			for _, s := range r.Summary {
				if len(s.Outlets) >= 2 {
					shared++
				}
			}
			if len(r.Summary) == 0 || len(r.Summary) > 5 || shared < 2 {
				t.Errorf("brief: %d sentences, %d citing two outlets: %+v", len(r.Summary), shared, r.Summary)
			}
			var b bytes.Buffer
			if err := Markdown(&b, model.Story{ID: 1}, arts, r); err != nil {
				t.Fatal(err)
			}
			if p := os.Getenv("COMPARE_DUMP"); p != "" {
				os.WriteFile(filepath.Join(p, tc.name+".md"), b.Bytes(), 0o644)
			}
		})
	}
}

func hasQuoteVariant(r model.Report, removed, added string) bool {
	for _, g := range r.Quotes {
		for _, v := range g.Variants {
			var minus, plus bool
			for _, d := range v.Diff {
				minus = minus || (d.Op == "-" && strings.Contains(d.Text, removed))
				plus = plus || (d.Op == "+" && strings.Contains(d.Text, added))
			}
			if minus && plus {
				return true
			}
		}
	}
	return false
}

func hasTitle(r model.Report, word string) bool {
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			if d.Kind == "title" && strings.Contains(v.Value, word) {
				return true
			}
		}
	}
	return false
}

func hasName(r model.Report, a, b string) bool {
	for _, f := range r.Framing {
		for _, n := range f.Names {
			if strings.Contains(n.Used, a) && strings.Contains(strings.Join(n.Others, " "), b) {
				return true
			}
		}
	}
	return false
}

func hasDate(r model.Report, date string) bool {
	for _, e := range r.Timeline {
		if e.Date == date || e.EventDate == date {
			return true
		}
	}
	return false
}
