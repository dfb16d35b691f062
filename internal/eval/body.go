// Package eval scores Parallax's output against labelled data.
package eval

import "parallax/internal/text"

// ShingleSize is the benchmark's shingle length in words.
const ShingleSize = 4

// BodyScore is the shingle overlap of an extracted body with its gold body.
type BodyScore struct {
	Precision, Recall, F1 float64
}

// Body scores got against gold with multiset 4-word shingles. An empty
// extraction of a non-empty gold scores zero on both sides; two empty
// texts agree fully.
func Body(got, gold string) BodyScore {
	g := text.Shingles(got, ShingleSize)
	w := text.Shingles(gold, ShingleSize)
	var ng, nw, tp int
	for _, c := range g {
		ng += c
	}
	for k, c := range w {
		nw += c
		tp += min(c, g[k])
	}
	switch {
	case ng == 0 && nw == 0:
		return BodyScore{1, 1, 1}
	case ng == 0 || nw == 0:
		return BodyScore{}
	}
	p := float64(tp) / float64(ng)
	r := float64(tp) / float64(nw)
	return BodyScore{p, r, f1(p, r)}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Mean averages precision and recall over documents and takes F1 from the
// two averages, as the benchmark does.
func Mean(scores []BodyScore) BodyScore {
	if len(scores) == 0 {
		return BodyScore{}
	}
	var p, r float64
	for _, s := range scores {
		p += s.Precision
		r += s.Recall
	}
	p /= float64(len(scores))
	r /= float64(len(scores))
	return BodyScore{p, r, f1(p, r)}
}
