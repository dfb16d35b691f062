package enrich

import (
	"parallax/internal/testshared"
	"path/filepath"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// TestBasilQuotes scores quotation recall on the annotated BASIL fragments:
// each must lie inside an extracted quotation whose speaker shares a name
// word with the annotated one.
func TestBasilQuotes(t *testing.T) {
	dir := testshared.Dir(t, "datasets")
	arts := loadRecords(t, filepath.Join(dir, "basil-2010-2014-articles.jsonl"))
	gold := loadQuoteGold(t, filepath.Join(dir, "basil-2010-2014-quotes.jsonl"))
	quotes := make(map[string][]model.Quote)
	for _, a := range arts {
		quotes[a.SourceID] = Article(a).Quotes
	}
	s := eval.ScoreQuotes(gold, quotes, eval.QuoteOptions{})
	for _, m := range s.Misses {
		if testing.Verbose() {
			t.Logf("miss %s [%s] %s (got %q [%s]): %.90q", m.ID[:8], m.Speaker, m.Reason, m.Got, m.GotDescription, m.Text)
		}
	}
	t.Logf("basil quotes: %d/%d found (%.3f)", s.Found, s.Total, s.Recall)
	if s.Recall < 0.80 {
		t.Errorf("quote recall %.3f < 0.80", s.Recall)
	}
}
