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

var (
	textdumpDocs    = flag.Bool("textdump.docs", false, "print the body score of every extraction-dev text dump")
	textdumpExplain = flag.String("textdump.explain", "", "print the line-by-line verdicts on the extraction-dev dumps whose ID starts with this")
	explainHeldOut  = flag.Bool("textdump.heldout", false, "with -textdump.explain, judge each page with a model trained without its site")
)

// devDumpers are extraction-dev's renderings of the same pages: w3m's
// (text/) and lynx's (text-lynx/). The remover is trained and judged on
// both, so that it learns the page and not one renderer's habits.
var devDumpers = []string{"text", "text-lynx"}

type devDoc struct {
	id, dump, gold string
	site           string // host of the page's URL
	dumper         string // the directory the dump came from
}

// loadDevDocs reads the extraction-dev dumps of the given dumpers (all of
// them when none is named), page by page.
func loadDevDocs(t testing.TB, dumpers ...string) []devDoc {
	t.Helper()
	if len(dumpers) == 0 {
		dumpers = devDumpers
	}
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
	var docs []devDoc
	for _, dumper := range dumpers {
		for _, id := range ids {
			dump, err := os.ReadFile(filepath.Join(dir, dumper, id+".txt"))
			if err != nil {
				continue
			}
			site := gold[id].URL
			if u, err := url.Parse(site); err == nil {
				site = strings.TrimPrefix(u.Host, "www.")
			}
			docs = append(docs, devDoc{id, string(dump), gold[id].ArticleBody, site, dumper})
		}
	}
	return docs
}

// TestTextDumpDevSet scores FromText on the extraction-dev text dumps of
// each dumper with the benchmark's body metric, and holds each to mean F1
// >= 0.92 with no page left empty.
//
//	go test ./internal/extract -run TestTextDumpDevSet -v [-textdump.docs]
func TestTextDumpDevSet(t *testing.T) {
	for _, dumper := range devDumpers {
		docs := loadDevDocs(t, dumper)
		scores := make([]eval.BodyScore, 0, len(docs))
		for i, d := range docs {
			a, err := FromText(d.id, d.dump)
			if err != nil {
				t.Fatalf("%s: %v", d.id, err)
			}
			if a.Body == "" {
				t.Errorf("%s/%s: no body", dumper, d.id)
			}
			s := eval.Body(a.Body, d.gold)
			scores = append(scores, s)
			if *textdumpDocs {
				mark := ""
				if s.F1 < 0.8 {
					mark = " <<"
				}
				t.Logf("%s %2d %s P %.3f R %.3f F1 %.3f%s", dumper, i, d.id[:8], s.Precision, s.Recall, s.F1, mark)
			}
		}
		m := eval.Mean(scores)
		t.Logf("extraction-dev %s: %d docs  P %.3f  R %.3f  F1 %.3f", dumper, len(docs), m.Precision, m.Recall, m.F1)
		if m.F1 < 0.92 {
			t.Errorf("%s: mean F1 %.3f < 0.92", dumper, m.F1)
		}
	}
}

// TestTextDumpExplain prints, for the dumps named by -textdump.explain,
// each line with its gold label, class, model probability and whether the
// body kept it: the view to read when a page scores badly.
//
//	go test ./internal/extract -run TestTextDumpExplain -textdump.explain 042bb7 -v   # or -textdump.explain all
func TestTextDumpExplain(t *testing.T) {
	if *textdumpExplain == "" {
		t.Skip("runs with -textdump.explain ID")
	}
	docs := loadDevDocs(t)
	model := func(devDoc) *featureVec { return &textdumpWeights }
	if *explainHeldOut {
		tdocs := prepareDocs(docs)
		var folds [cvFolds]featureVec
		for k := range folds {
			folds[k] = trainModel(foldOut(tdocs, cvFolds, k))
		}
		model = func(d devDoc) *featureVec { return &folds[siteFold(d.site, cvFolds)] }
	}
	for _, d := range docs {
		if *textdumpExplain != "all" && !strings.HasPrefix(d.id, *textdumpExplain) {
			continue
		}
		w := model(d)
		p := newPage(d.dump, w)
		_, body := p.findMeta(p.bodyLines())
		kept := make(map[int]bool, len(body))
		for _, i := range body {
			kept[i] = true
		}
		labels := goldLabels(p, d.gold)
		s := eval.Body(fromText(d.id, d.dump, w).Body, d.gold)
		t.Logf("== %s %s (%s) region %d-%d  P %.3f R %.3f F1 %.3f", d.dumper, d.id, d.site, p.from, p.to, s.Precision, s.Recall, s.F1)
		for i, l := range p.lines {
			if l.empty() {
				continue
			}
			mark := "  "
			switch {
			case labels[i] && kept[i]:
				mark = "ok"
			case labels[i]:
				mark = "--" // missed
			case kept[i]:
				mark = "++" // extra
			}
			txt := l.text
			if len(txt) > 110 {
				txt = txt[:110]
			}
			t.Logf("%s %4d %2d %.2f i%-2d %s", mark, l.n, p.classes[i], p.prob[i], l.indent, txt)
		}
	}
}
