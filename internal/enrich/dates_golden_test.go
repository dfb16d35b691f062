package enrich

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateDatesGolden = flag.Bool("update-dates", false, "rewrite testdata/dates/*.golden")

func fmtFigure(v float64, unit string) string {
	return fmt.Sprintf("%g %s", v, unit)
}

// TestBenchArticleGolden pins what Dates and Figures find in the fictional
// benchmark article; run with -update-dates after a deliberate change and
// review the diff.
func TestBenchArticleGolden(t *testing.T) {
	a := datesBenchArticle(t)
	var b strings.Builder
	ms, ref, inferred := Dates(a)
	fmt.Fprintf(&b, "ref %s inferred %v\n", ref, inferred)
	for _, m := range ms {
		fmt.Fprintf(&b, "date p%d %q = %s\n", m.Paragraph, m.Text, m.Date)
	}
	for _, f := range Figures(a) {
		fmt.Fprintf(&b, "figure p%d %q = %s\n", f.Paragraph, f.Text, fmtFigure(f.Value, f.Unit))
	}
	path := filepath.Join("testdata", "dates", "bench_article.golden")
	if *updateDatesGolden {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-dates to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("bench article changed; got:\n%s", got)
	}
}
