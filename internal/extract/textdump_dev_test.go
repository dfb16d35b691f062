package extract

import (
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"parallax/internal/testshared"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parallax/internal/eval"
)

var textdumpDocs = flag.Bool("textdump.docs", false, "print the body score of every extraction-dev text dump")

type devDoc struct {
	id, dump, gold string
	site           string // host of the page's URL
}

func loadDevDocs(t testing.TB) []devDoc {
	t.Helper()
	dir := testshared.Dir(t, "datasets", "extraction-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	docs := make([]devDoc, 0, len(ids))
	for _, id := range ids {
		dump, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		if err != nil {
			continue
		}
		site := gold[id].URL
		if u, err := url.Parse(site); err == nil {
			site = strings.TrimPrefix(u.Host, "www.")
		}
		docs = append(docs, devDoc{id, string(dump), gold[id].ArticleBody, site})
	}
	return docs
}

// TestTextDumpDevSet scores FromText on the extraction-dev text dumps with
// the benchmark's body metric and holds it to mean F1 >= 0.90.
//
//	go test ./internal/extract -run TestTextDumpDevSet -v [-textdump.docs]
func TestTextDumpDevSet(t *testing.T) {
	docs := loadDevDocs(t)
	scores := make([]eval.BodyScore, 0, len(docs))
	for i, d := range docs {
		a, err := FromText(d.id, d.dump)
		if err != nil {
			t.Fatalf("%s: %v", d.id, err)
		}
		s := eval.Body(a.Body, d.gold)
		scores = append(scores, s)
		if *textdumpDocs {
			mark := ""
			if s.F1 < 0.8 {
				mark = " <<"
			}
			t.Logf("%2d %s P %.3f R %.3f F1 %.3f%s", i, d.id[:8], s.Precision, s.Recall, s.F1, mark)
		}
	}
	m := eval.Mean(scores)
	t.Logf("extraction-dev text dumps: %d docs  P %.3f  R %.3f  F1 %.3f", len(docs), m.Precision, m.Recall, m.F1)
	if m.F1 < 0.90 {
		t.Errorf("mean F1 %.3f < 0.90", m.F1)
	}
}
