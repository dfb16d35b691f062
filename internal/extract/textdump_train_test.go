package extract

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"math"
	"os"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/text"
)

var (
	trainFlag = flag.Bool("textdump.train", false, "retrain the text-dump line model on extraction-dev and rewrite textdump_weights.go")
	cvFlag    = flag.Bool("textdump.cv", false, "cross-validate the text-dump line model on extraction-dev")
)

// TestTrainTextDump cross-validates the line model on extraction-dev, both
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
	cv := crossValidate(docs)
	for _, dumper := range devDumpers {
		s := cv[dumper]
		t.Logf("held-out %s (%d folds by site): P %.3f R %.3f F1 %.3f", dumper, cvFolds, s.Precision, s.Recall, s.F1)
	}
	if !*trainFlag {
		return
	}
	m := trainLineModel(docs)
	if err := writeWeights("textdump_weights.go", m, cv); err != nil {
		t.Fatal(err)
	}
}

const cvFolds = 5

// crossValidate scores every document with a model trained on the folds
// that do not hold its site, and returns the mean score per dumper.
func crossValidate(docs []devDoc) map[string]eval.BodyScore {
	scores := make([]eval.BodyScore, len(docs))
	for k := 0; k < cvFolds; k++ {
		var train []devDoc
		for _, d := range docs {
			if siteFold(d.site, cvFolds) != k {
				train = append(train, d)
			}
		}
		m := trainLineModel(train)
		for i, d := range docs {
			if siteFold(d.site, cvFolds) == k {
				scores[i] = eval.Body(fromText(d.id, d.dump, &m).Body, d.gold)
			}
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
	return out
}

// siteFold puts every page of a site in the same fold, so the held-out
// score is for sites the model has not seen.
func siteFold(site string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(site))
	return int(h.Sum32() % uint32(folds))
}

// trainLineModel fits the line model on the documents' lines.
//
// Each page is also seen cut off after its last line of article text: dumps
// of pages without a footer, or of a copied article alone, must not lose
// their last paragraphs for sitting at the bottom.
func trainLineModel(docs []devDoc) featureVec {
	var w featureVec
	var samples []sample
	for _, d := range docs {
		dump, last := d.dump, lastGoldLine(d)
		samples = append(samples, pageSamples(dump, d.gold)...)
		if last > 0 {
			lines := strings.SplitAfter(dump, "\n")
			for _, s := range pageSamples(strings.Join(lines[:last+1], ""), d.gold) {
				s.weight *= augWeight
				samples = append(samples, s)
			}
		}
	}
	copy(w[:], fitLogistic(samples, nFeatures))
	return w
}

// augWeight scales the cut-off copies of the pages: enough to teach that
// the bottom of a dump can be text, little enough not to teach that the
// bottom of a page usually is.
const augWeight = 0.1

func pageSamples(dump, gold string) []sample {
	p := newPage(dump, nil)
	labels := goldLabels(p, gold)
	var out []sample
	for j, l := range p.lines {
		if !l.empty() {
			f := p.lineFeatures(j)
			out = append(out, newSample(f[:], labels[j], l.words))
		}
	}
	return out
}

// lastGoldLine is the index of the page's last line of article text, -1
// when there is none.
func lastGoldLine(d devDoc) int {
	p := newPage(d.dump, nil)
	labels := goldLabels(p, d.gold)
	for i := len(labels) - 1; i >= 0; i-- {
		if labels[i] && p.lines[i].words >= 4 {
			return i
		}
	}
	return -1
}

// sample is one line for training: features, label, and a weight that
// grows with the line's length, as the body score does.
type sample struct {
	f      []float64
	label  float64
	weight float64
}

func newSample(f []float64, label bool, words int) sample {
	return sample{append([]float64(nil), f...), b2f(label), 1 + math.Min(float64(words), 50)/10}
}

func goldLabels(p *page, gold string) []bool {
	sh := text.Shingles(gold, 4)
	joined := " " + strings.Join(text.Words(gold), " ") + " "
	labels := make([]bool, len(p.lines))
	first, last := -1, -1
	for i, l := range p.lines {
		ws := strings.Fields(l.key)
		if len(ws) < 4 {
			continue
		}
		hit := 0
		for j := 0; j+4 <= len(ws); j++ {
			if sh[strings.Join(ws[j:j+4], " ")] > 0 {
				hit++
			}
		}
		if labels[i] = 2*hit >= len(ws)-3; labels[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first; i >= 0 && i <= last; i++ {
		if k := p.lines[i].key; k != "" && len(strings.Fields(k)) < 4 {
			labels[i] = strings.Contains(joined, " "+k+" ")
		}
	}
	return labels
}

// fitLogistic fits weighted logistic regression with a small L2 penalty by
// Newton's method.
func fitLogistic(samples []sample, n int) []float64 {
	const lambda = 1.0
	w := make([]float64, n)
	for iter := 0; iter < 15; iter++ {
		grad := make([]float64, n)
		hess := make([][]float64, n)
		for a := range hess {
			hess[a] = make([]float64, n)
			hess[a][a] = lambda
			grad[a] = lambda * w[a]
		}
		for _, s := range samples {
			pr := logistic(w, s.f)
			g, h := s.weight*(pr-s.label), s.weight*pr*(1-pr)
			for a, fa := range s.f {
				if fa == 0 {
					continue
				}
				grad[a] += g * fa
				for b, fb := range s.f {
					hess[a][b] += h * fa * fb
				}
			}
		}
		for a, d := range solve(hess, grad) {
			w[a] -= d
		}
	}
	return w
}

// solve returns x with h·x = g by Gaussian elimination with partial
// pivoting; it overwrites h and g.
func solve(h [][]float64, g []float64) []float64 {
	n := len(g)
	for c := 0; c < n; c++ {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[piv][c]) {
				piv = r
			}
		}
		h[c], h[piv] = h[piv], h[c]
		g[c], g[piv] = g[piv], g[c]
		for r := c + 1; r < n; r++ {
			k := h[r][c] / h[c][c]
			for cc := c; cc < n; cc++ {
				h[r][cc] -= k * h[c][cc]
			}
			g[r] -= k * g[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for c := r + 1; c < n; c++ {
			s -= h[r][c] * x[c]
		}
		x[r] = s / h[r][r]
	}
	return x
}

func writeWeights(path string, w featureVec, cv map[string]eval.BodyScore) error {
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
