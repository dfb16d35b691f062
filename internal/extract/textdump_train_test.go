package extract

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"os"
	"strings"
	"testing"

	"parallax/internal/eval"
)

var (
	trainFlag = flag.Bool("textdump.train", false, "retrain the text-dump model on extraction-dev and rewrite textdump_weights.go")
	cvFlag    = flag.Bool("textdump.cv", false, "cross-validate the text-dump model on extraction-dev")
)

// TestTrainTextDump cross-validates the model on extraction-dev, both
// dumpers together (five folds by site: train on four, score the fifth
// with the full extractor; both renderings of a page sit in the same
// fold) and, with -textdump.train, refits it on every document and
// rewrites textdump_weights.go:
//
//	go test ./internal/extract -run TestTrainTextDump -textdump.cv -v
//	go test ./internal/extract -run TestTrainTextDump -textdump.train -v
func TestTrainTextDump(t *testing.T) {
	docs := loadDevDocs(t)
	if !*trainFlag && !*cvFlag {
		t.Skip("runs with -textdump.cv or -textdump.train")
	}
	tdocs := prepareDocs(docs)
	cv, each := crossValidate(tdocs, false)
	if *textdumpDocs {
		for i, d := range tdocs {
			t.Logf("%s %s P %.3f R %.3f F1 %.3f", d.dumper, d.id[:8], each[i].Precision, each[i].Recall, each[i].F1)
		}
	}
	across, _ := crossValidate(tdocs, true)
	for _, dumper := range devDumpers {
		s, a := cv[dumper], across[dumper]
		t.Logf("held-out %s (%d folds by site): P %.3f R %.3f F1 %.3f", dumper, cvFolds, s.Precision, s.Recall, s.F1)
		t.Logf("held-out %s by site, trained on the other dumper only: P %.3f R %.3f F1 %.3f", dumper, a.Precision, a.Recall, a.F1)
	}
	if !*trainFlag {
		return
	}
	m := trainModel(tdocs)
	if err := writeWeights("textdump_weights.go", &m, cv); err != nil {
		t.Fatal(err)
	}
}

const cvFolds = 5

// crossValidate scores every document with a model trained on the folds
// that do not hold its site, and returns the mean score per dumper and
// each document's score. With otherDumper, the model is trained on the
// other dumpers' renderings only: the page's site and its renderer are
// both new to it.
func crossValidate(docs []trainDoc, otherDumper bool) (map[string]eval.BodyScore, []eval.BodyScore) {
	scores := make([]eval.BodyScore, len(docs))
	for k := 0; k < cvFolds; k++ {
		train := foldOut(docs, cvFolds, k)
		models := make(map[string]*featureVec) // by the dumper left out, "" for none
		for i, d := range docs {
			if siteFold(d.site, cvFolds) != k {
				continue
			}
			out := ""
			if otherDumper {
				out = d.dumper
			}
			if models[out] == nil {
				m := trainModel(withoutDumper(train, out))
				models[out] = &m
			}
			scores[i] = eval.Body(fromText(d.id, d.dump, models[out]).Body, d.gold)
		}
	}
	byDumper := make(map[string][]eval.BodyScore)
	for i, d := range docs {
		byDumper[d.dumper] = append(byDumper[d.dumper], scores[i])
	}
	out := make(map[string]eval.BodyScore)
	for dumper, ss := range byDumper {
		out[dumper] = eval.Mean(ss)
	}
	return out, scores
}

func withoutDumper(docs []trainDoc, dumper string) []trainDoc {
	var out []trainDoc
	for _, d := range docs {
		if d.dumper != dumper {
			out = append(out, d)
		}
	}
	return out
}

// foldOut returns the documents whose site is not in fold k of n.
func foldOut(docs []trainDoc, n, k int) []trainDoc {
	var out []trainDoc
	for _, d := range docs {
		if siteFold(d.site, n) != k {
			out = append(out, d)
		}
	}
	return out
}

// siteFold puts every page of a site in the same fold, so the held-out
// score is for sites the model has not seen.
func siteFold(site string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(site))
	return int(h.Sum32() % uint32(folds))
}

// trainDoc is a document ready for training: its page as parsed, and the
// same page cut off after its article.
type trainDoc struct {
	devDoc
	views []trainView
}

// trainView is one parsed page with its labels and line features.
type trainView struct {
	p      *page
	labels []bool
	feats  map[int]featureVec // by line index, non-empty lines only
	weight float64
}

// prepareDocs parses every document once.
//
// Each page is also seen cut off after its last line of article text: dumps
// of pages without a footer, or of a copied article alone, must not lose
// their last paragraphs for sitting at the bottom.
func prepareDocs(docs []devDoc) []trainDoc {
	out := make([]trainDoc, 0, len(docs))
	for _, d := range docs {
		td := trainDoc{devDoc: d}
		full := newView(d.dump, d.gold, 1)
		td.views = append(td.views, full)
		if last := lastGoldLine(full); last > 0 {
			lines := strings.SplitAfter(d.dump, "\n")
			cut := full.p.lines[last].n // 1-based number of the line's first physical line
			td.views = append(td.views, newView(strings.Join(lines[:min(cut, len(lines))], ""), d.gold, augWeight))
		}
		out = append(out, td)
	}
	return out
}

// augWeight scales the cut-off copies of the pages: enough to teach that
// the bottom of a dump can be text, little enough not to teach that the
// bottom of a page usually is.
const augWeight = 0.1

func newView(dump, gold string, weight float64) trainView {
	p := newPage(dump, nil)
	v := trainView{p: p, labels: goldLabels(p, gold), feats: make(map[int]featureVec), weight: weight}
	for i, l := range p.lines {
		if !l.empty() {
			v.feats[i] = p.lineFeatures(i)
		}
	}
	return v
}

// lastGoldLine is the index of the page's last line of article text, -1
// when there is none.
func lastGoldLine(v trainView) int {
	for i := len(v.labels) - 1; i >= 0; i-- {
		if v.labels[i] && v.p.lines[i].words >= 4 {
			return i
		}
	}
	return -1
}

// trainModel fits the line model on the documents' lines.
func trainModel(docs []trainDoc) featureVec {
	var samples []sample
	for _, d := range docs {
		for _, v := range d.views {
			for i, f := range v.feats {
				s := newSample(f[:], v.labels[i], v.p.lines[i].words)
				s.weight *= v.weight
				samples = append(samples, s)
			}
		}
	}
	var w featureVec
	copy(w[:], fitLogistic(samples, nFeatures))
	return w
}

func writeWeights(path string, w *featureVec, cv map[string]eval.BodyScore) error {
	var b bytes.Buffer
	b.WriteString("// Code generated by \"go test ./internal/extract -run TestTrainTextDump -textdump.train\"; DO NOT EDIT.\n\n")
	b.WriteString("package extract\n\n")
	b.WriteString("// textdumpWeights are the line model's logistic-regression weights, fitted\n")
	b.WriteString("// on the extraction-dev text dumps of every dumper with labels from their\n")
	b.WriteString("// gold bodies. Held-out body score (5 folds by site):\n")
	for _, dumper := range devDumpers {
		s := cv[dumper]
		fmt.Fprintf(&b, "//   - %s: P %.3f R %.3f F1 %.3f\n", dumper, s.Precision, s.Recall, s.F1)
	}
	b.WriteString("var textdumpWeights = featureVec{\n")
	for i, n := range featureNames {
		fmt.Fprintf(&b, "\t%.4f, // %s\n", w[i], n)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("format weights: %w", err)
	}
	return os.WriteFile(path, src, 0o644)
}
