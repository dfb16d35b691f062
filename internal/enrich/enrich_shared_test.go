package enrich

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// loadRecords reads JSONL article records ({"id","title","outlet",
// "published","text"}) as articles keyed by SourceID.
func loadRecords(t testing.TB, path string) []model.Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []model.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var r struct{ ID, URL, Title, Outlet, Published, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, model.Article{SourceID: r.ID, URL: r.URL, Title: r.Title, Outlet: r.Outlet,
			Published: r.Published, Body: model.JoinParagraphs(strings.Split(r.Text, "\n\n"))})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// loadQuoteGold reads a quotation gold file, skipping the test when it is
// absent.
func loadQuoteGold(t testing.TB, path string) []eval.QuoteGold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("quote gold: %v", err)
	}
	defer f.Close()
	gold, err := eval.LoadQuoteGold(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return gold
}
