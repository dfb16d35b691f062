package enrich

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/testshared"
)

func TestUnattr(t *testing.T) {
	dir := testshared.Dir(t, "datasets", "polnear-train")
	arts := loadRecords(t, filepath.Join(dir, "articles.jsonl"))
	type item struct{ text, para string }
	var items []item
	total := 0
	for _, a := range arts {
		if polnearHeldOut[a.Outlet] {
			continue
		}
		e := Article(a)
		ps := a.Paragraphs()
		for _, q := range e.Quotes {
			total++
			if q.Speaker == "" && len(strings.Fields(q.Text)) >= 4 && q.Paragraph >= 0 {
				items = append(items, item{q.Text, ps[q.Paragraph]})
			}
		}
	}
	t.Logf("unattributed %d of %d", len(items), total)
	r := rand.New(rand.NewSource(3))
	for _, i := range r.Perm(len(items))[:40] {
		p := items[i].para
		if len(p) > 300 {
			p = p[:300]
		}
		t.Logf("Q: %.60s\n   P: %s", items[i].text, p)
	}
}
