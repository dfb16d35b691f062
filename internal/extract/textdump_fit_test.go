package extract

import (
	"math"
	"strings"

	"parallax/internal/text"
)

// sample is one line for training: features, label, and a weight that
// grows with the line's length, as the body score does.
type sample struct {
	f      []float64
	label  float64
	weight float64
}

func newSample(f []float64, label bool, words int) sample {
	return sample{f: append([]float64(nil), f...), label: b2f(label), weight: 1 + math.Min(float64(words), 50)/10}
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
