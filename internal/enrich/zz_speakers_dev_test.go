package enrich

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
)

func TestDevQuoteMisses(t *testing.T) {
	if os.Getenv("DEVQ") == "" {
		t.Skip()
	}
	dir := sharedDir(t, "datasets")
	arts := loadRecords(t, filepath.Join(dir, "basil-2010-2014-articles.jsonl"))
	f, _ := os.Open(filepath.Join(dir, "basil-2010-2014-quotes.jsonl"))
	gold, _ := eval.LoadQuoteGold(f)
	byID := map[string]model.Article{}
	quotes := make(map[string][]model.Quote)
	for _, a := range arts {
		byID[a.SourceID] = a
		quotes[a.SourceID] = Article(a).Quotes
	}
	s := eval.ScoreQuotes(gold, quotes)
	for _, m := range s.Misses {
		a := byID[m.ID]
		fmt.Printf("=== %s [%s] %s got=%q\n    GOLD: %s\n", m.ID[:8], m.Speaker, m.Reason, m.Got, m.Text)
		ps := a.Paragraphs()
		words := strings.Fields(strings.Trim(m.Text, "“”\" "))
		key := strings.Join(words[:min(4, len(words))], " ")
		key = strings.Trim(key, "“”\"")
		for i, p := range ps {
			if strings.Contains(strings.ToLower(p), strings.ToLower(key)) {
				if i > 0 {
					fmt.Printf("  [%d-1] %s\n", i, ps[i-1])
				}
				fmt.Printf("  [%d] %s\n", i, p)
				for _, q := range quotes[m.ID] {
					if q.Paragraph == i {
						fmt.Printf("     Q %q sp=%q verb=%q\n", q.Text, q.Speaker, q.Verb)
					}
				}
			}
		}
	}
}

func TestDevArticle(t *testing.T) {
	pre := os.Getenv("DEVART")
	if pre == "" {
		t.Skip()
	}
	dir := sharedDir(t, "datasets")
	for _, a := range loadRecords(t, filepath.Join(dir, "basil-2010-2014-articles.jsonl")) {
		if !strings.HasPrefix(a.SourceID, pre) {
			continue
		}
		e := Article(a)
		fmt.Printf("##### %s %s\n", a.SourceID, a.Title)
		for i, p := range a.Paragraphs() {
			fmt.Printf("[%d] %s\n", i, p)
			for _, q := range e.Quotes {
				if q.Paragraph == i {
					fmt.Printf("     Q %.70q sp=%q desc=%q verb=%q\n", q.Text, q.Speaker, speakerDesc(q), q.Verb)
				}
			}
		}
		for _, x := range e.Entities {
			fmt.Printf("  E %s %s %q %d\n", x.Type, x.Name, x.Aliases, x.Mentions)
		}
	}
}
func speakerDesc(q model.Quote) string { return "" }
