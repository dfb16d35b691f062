package cluster

import (
	"cmp"
	"math"
	"slices"
)

// tw is one weighted term.
type tw struct {
	t uint32
	w float32
}

// vec is a sparse vector sorted by term ID, without repeats. Sums run in
// term order, so a result never depends on map iteration: the same input
// order gives bit-identical scores and therefore identical decisions.
type vec []tw

// vecFromMap builds a sorted vector from term weights.
func vecFromMap(m map[uint32]float32) vec {
	x := make(vec, 0, len(m))
	for t, w := range m {
		x = append(x, tw{t, w})
	}
	slices.SortFunc(x, func(a, b tw) int { return cmp.Compare(a.t, b.t) })
	return x
}

// normIDF is the length of x with IDF weights applied.
func (x vec) normIDF(v *vocab) float64 {
	var s float64
	for _, e := range x {
		w := float64(e.w * v.idf(e.t))
		s += w * w
	}
	return math.Sqrt(s)
}

// scattered is one vector spread over a dense array indexed by term, so
// comparing it with many profiles costs one pass over each profile and no
// merging. Weights are stored with IDF² applied (both sides' IDF).
type scattered struct {
	dense []float32
	terms []uint32 // set entries, for clearing
	norm  float64  // the vector's length under IDF
}

// scatter loads x (previous contents cleared).
func (d *scattered) scatter(x vec, v *vocab) {
	for _, t := range d.terms {
		d.dense[t] = 0
	}
	d.terms = d.terms[:0]
	for len(d.dense) < len(v.df) {
		d.dense = append(d.dense, 0)
	}
	var n float64
	for _, e := range x {
		idf := v.idf(e.t)
		d.dense[e.t] = e.w * idf * idf
		d.terms = append(d.terms, e.t)
		w := float64(e.w * idf)
		n += w * w
	}
	d.norm = math.Sqrt(n)
}

// cos is the cosine under IDF of the loaded vector and profile p. Sums run
// in p's term order, so results are reproducible.
func (d *scattered) cos(p vec, v *vocab) float64 {
	if d.norm == 0 {
		return 0
	}
	var dot, n float64
	for _, e := range p {
		dot += float64(e.w * d.dense[e.t])
		w := float64(e.w * v.idf(e.t))
		n += w * w
	}
	if n == 0 {
		return 0
	}
	return dot / (d.norm * math.Sqrt(n))
}

// addScaled returns x + s·y as a new vector.
func addScaled(x, y vec, s float32) vec {
	out := make(vec, 0, len(x)+len(y))
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i].t < y[j].t:
			out = append(out, x[i])
			i++
		case x[i].t > y[j].t:
			out = append(out, tw{y[j].t, s * y[j].w})
			j++
		default:
			out = append(out, tw{x[i].t, x[i].w + s*y[j].w})
			i++
			j++
		}
	}
	out = append(out, x[i:]...)
	for ; j < len(y); j++ {
		out = append(out, tw{y[j].t, s * y[j].w})
	}
	return out
}

// topIDF keeps the k terms of x with the largest IDF-weighted weight (ties
// to the lower term ID, so the set is the same whatever the algorithm), still
// sorted by term. It selects rather than sorts: profiles hold hundreds of
// terms and only a few are wanted.
func (x vec) topIDF(k int, v *vocab) vec {
	if len(x) <= k {
		return x
	}
	ws := make([]ranked, len(x))
	for i, e := range x {
		ws[i] = ranked{e.w * v.idf(e.t), e.t, int32(i)}
	}
	selectTop(ws, k)
	out := make(vec, k)
	for i, r := range ws[:k] {
		out[i] = x[r.i]
	}
	slices.SortFunc(out, func(a, b tw) int { return cmp.Compare(a.t, b.t) })
	return out
}

// ranked is a term with its weight, for selection.
type ranked struct {
	w float32
	t uint32
	i int32
}

// before orders by weight, heavier first, then by term.
func (a ranked) before(b ranked) bool {
	return a.w > b.w || a.w == b.w && a.t < b.t
}

// selectTop moves the k first elements under before to the front (in no
// particular order): Hoare's quickselect with a middle pivot.
func selectTop(ws []ranked, k int) {
	lo, hi := 0, len(ws)-1
	for lo < hi {
		p := ws[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for ws[i].before(p) {
				i++
			}
			for p.before(ws[j]) {
				j--
			}
			if i <= j {
				ws[i], ws[j] = ws[j], ws[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// weight returns x's weight of term t (0 when absent).
func (x vec) weight(t uint32) float32 {
	i, ok := slices.BinarySearchFunc(x, t, func(e tw, t uint32) int { return cmp.Compare(e.t, t) })
	if !ok {
		return 0
	}
	return x[i].w
}
