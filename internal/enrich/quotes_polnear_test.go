package enrich

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
	"parallax/internal/testshared"
)

// polnearHeldOut are the PolNeAR outlets held out from development (fixed
// before any quotation was read; docs/QUALITY.md): their quotations are
// scored, never listed.
var polnearHeldOut = map[string]bool{"huff-post": true, "usa-today": true, "west-journal": true}

// TestPolnearQuotes scores quotations and speakers on PolNeAR with the
// strict rule, the training outlets and, with PARALLAX_HELDOUT=1, the
// held-out ones apart. With
// PARALLAX_QUOTES_DUMP=FILE it writes the training side's misses and extra
// quotations there, for development.
func TestPolnearQuotes(t *testing.T) {
	dir := testshared.Dir(t, "datasets", "polnear-train")
	arts := loadRecords(t, filepath.Join(dir, "articles.jsonl"))
	gold := loadQuoteGold(t, filepath.Join(dir, "quotes.jsonl"))
	held := make(map[string]bool)
	quotes := make(map[string][]model.Quote)
	for _, a := range arts {
		held[a.SourceID] = polnearHeldOut[a.Outlet]
		quotes[a.SourceID] = Article(a).Quotes
	}
	var train, test []eval.QuoteGold
	for _, g := range gold {
		if held[g.ID] {
			test = append(test, g)
		} else {
			train = append(train, g)
		}
	}
	opt := eval.QuoteOptions{Strict: true}
	st, sh := eval.ScoreQuotes(train, quotes, opt), eval.ScoreQuotes(test, quotes, opt)
	sides := []struct {
		name string
		s    eval.QuoteScore
	}{{"training", st}}
	if os.Getenv("PARALLAX_HELDOUT") != "" { // scored only when asked, so development does not peek
		sides = append(sides, struct {
			name string
			s    eval.QuoteScore
		}{"held out", sh})
	}
	for _, c := range sides {
		t.Logf("%-8s text recall %.4f (%d/%d), speaker accuracy %.4f (%d/%d), recall %.4f, precision %.4f (%d/%d)",
			c.name, c.s.TextRecall, c.s.TextFound, c.s.Total, c.s.SpeakerAccuracy, c.s.NamedRight, c.s.Named,
			c.s.Recall, c.s.Precision, c.s.InGold, c.s.Extracted)
	}
	if path := os.Getenv("PARALLAX_QUOTES_DUMP"); path != "" {
		dumpQuoteErrors(t, path, st)
	}
}

// dumpQuoteErrors writes misses and extra quotations, one a line.
func dumpQuoteErrors(t *testing.T, path string, s eval.QuoteScore) {
	var b strings.Builder
	for _, m := range s.Misses {
		fmt.Fprintf(&b, "MISS\t%s\t%s\t%s\t%s\t%s [%s]\t%q\n", m.ID, m.SpeakerKind, m.Speaker, m.Reason, m.Got, m.GotDescription, m.Text)
	}
	for _, x := range s.Extra {
		fmt.Fprintf(&b, "EXTRA\t%s\t%s\t%s\t%q\n", x.ID, x.Speaker, x.Verb, x.Text)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
