package enrich

import (
	"bufio"
	"encoding/json"
	"os"
	"parallax/internal/testshared"
	"path/filepath"
	"testing"

	"parallax/internal/model"
)

// datesBasilArticles reads the BASIL corpus in place (skipping when absent).
func datesBasilArticles(t *testing.T) []model.Article {
	t.Helper()
	path := filepath.Join(testshared.Dir(t, "datasets"), "basil-2010-2014-articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("basil: %v", err)
	}
	defer f.Close()
	var out []model.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ Title, Outlet, Published, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("basil: %v", err)
		}
		out = append(out, model.Article{Title: r.Title, Outlet: r.Outlet, Published: r.Published, Body: r.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("basil: %v", err)
	}
	return out
}

// TestDatesBasilInference hides each BASIL article's published date and
// compares the inferred reference with it. Real articles from 2010–2014,
// read in place; nothing is copied into the repository.
func TestDatesBasilInference(t *testing.T) {
	arts := datesBasilArticles(t)
	var none, exact, near, far int
	for _, a := range arts {
		pub, ok := parseDay(a.Published)
		if !ok {
			continue
		}
		a.Published = ""
		_, ref, _ := Dates(a)
		got, ok := parseDay(ref)
		switch {
		case !ok:
			none++
		case got.Equal(pub):
			exact++
		case got.Sub(pub).Abs().Hours() <= 72:
			near++
		default:
			far++
			if testing.Verbose() {
				t.Logf("far: published %s inferred %s %q", pub.Format("2006-01-02"), ref, a.Title)
			}
		}
	}
	t.Logf("basil inference over %d articles: exact %d, within 3 days %d, further %d, none %d", len(arts), exact, near, far, none)
}
