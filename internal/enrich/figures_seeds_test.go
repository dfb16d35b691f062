package enrich

import (
	"slices"
	"testing"
)

// TestFiguresSeeds checks figures the seeds state plainly: the 30-day
// ceasefire and the nine people killed on the bus.
func TestFiguresSeeds(t *testing.T) {
	want := map[string]string{
		"000": "30 day", "001": "30 day", "004": "30 day", "002": "9 person",
	}
	for _, prefix := range []string{"000", "001", "002", "003", "004"} {
		a := seedArticle(t, prefix)
		var got []string
		for _, f := range Figures(a) {
			t.Logf("%s p%d %-32q %g %q", prefix, f.Paragraph, f.Text, f.Value, f.Unit)
			got = append(got, fmtFigure(f.Value, f.Unit))
		}
		if w, ok := want[prefix]; ok && !slices.Contains(got, w) {
			t.Errorf("seed %s: no figure %q in %q", prefix, w, got)
		}
	}
}
