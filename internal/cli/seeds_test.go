package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/testshared"
)

// TestSeedsThroughIngest runs the whole pipeline over the real seed pages
// (read in place, skipped when absent) and checks what only the stages
// together give: "Thursday" in the two undated 11 May pieces resolved to
// 15 May 2025 through their story, the DEAL/MEETING quote variant, the
// "former" title discrepancy and Kiev against Kyiv.
func TestSeedsThroughIngest(t *testing.T) {
	seeds := testshared.Dir(t, "seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, seeds); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []exportArticle      `json:"articles"`
		Stories  []exportStory        `json:"stories"`
		Entities []model.CorpusEntity `json:"entities"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	zelensky := 0
	for _, e := range doc.Entities {
		if strings.HasSuffix(e.Key, " zelensky") || e.Key == "zelensky" {
			zelensky++
		}
	}
	if zelensky != 1 {
		t.Errorf("want one corpus entity for Zelensky, Zelenskiy and Zelenskyy, got %d", zelensky)
	}
	for _, a := range doc.Articles {
		if !strings.HasPrefix(filepath.Base(a.Source), "001_") && !strings.HasPrefix(filepath.Base(a.Source), "004_") {
			continue
		}
		found := false
		for _, d := range a.Dates {
			if strings.Contains(d.Text, "Thursday") {
				found = true
				if d.Date != "2025-05-15" || !d.Inferred {
					t.Errorf("%s: %q resolved to %s (inferred %v), want 2025-05-15 inferred", a.Source, d.Text, d.Date, d.Inferred)
				}
			}
		}
		if !found {
			t.Errorf("%s: no Thursday among %+v", a.Source, a.Dates)
		}
	}
	var variant, former, kyiv, timeline bool
	for _, s := range doc.Stories {
		for _, q := range s.Quotes {
			for _, v := range q.Variants {
				var minus, plus string
				for _, d := range v.Diff {
					if d.Op == "-" {
						minus += d.Text
					} else if d.Op == "+" {
						plus += d.Text
					}
				}
				variant = variant || strings.Contains(minus+plus, "DEAL") && strings.Contains(minus+plus, "MEETING")
			}
		}
		for _, d := range s.Discrepancies {
			for _, v := range d.Values {
				former = former || d.Kind == "title" && strings.Contains(v.Value, "former")
			}
		}
		for _, f := range s.Framing {
			for _, n := range f.Names {
				kyiv = kyiv || n.Key == "kyiv" && (n.Used == "Kiev" || n.Used == "Kyiv")
			}
		}
		for _, e := range s.Timeline {
			timeline = timeline || e.Date == "2025-05-15"
		}
	}
	if !variant || !former || !kyiv || !timeline {
		t.Errorf("DEAL/MEETING variant %v, former title %v, Kiev/Kyiv %v, 15 May on the timeline %v", variant, former, kyiv, timeline)
	}
}
