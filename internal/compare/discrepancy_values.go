package compare

import (
	"slices"
	"sort"
	"strings"

	"parallax/internal/model"
)

// valueSim is the similarity two sentences need to be about one subject
// when they give it different dates.
const valueSim = 0.3

// sentPair is two sentences of different outlets that may give one subject
// different values.
type sentPair struct {
	a, b *sent
	sim  float64
}

// valueSide is one value of a finding with the sentences that give it.
type valueSide struct {
	canon string   // the comparable values, sorted: "12", "2026-03-10"
	shown []string // as written, first use first
	sents []*sent
}

// valueFinding is a value discrepancy under construction.
type valueFinding struct {
	kind, subject string
	sides         []*valueSide
}

// valueConflicts finds subjects given different numbers or dates, by two
// routes. Similar sentences of different outlets that give values of one
// key with none in common, neither article giving the other's value
// anywhere; and counts that need no similar sentence, for their unit or
// outcome names the subject: each article's toll of dead, or its only
// count of women near the other's. Findings about one subject merge;
// counts of people that change with publication time are labelled as
// possible updates.
func valueConflicts(docs []*doc, ss []*sent, pairs []pair) []model.Discrepancy {
	vals := valuesOf(docs)
	docVals := valuesByDoc(docs, vals)
	var found []*valueFinding
	add := func(a, b *sent, va, vb []valued) {
		found = mergeFinding(found, &valueFinding{kind: va[0].kind, subject: valueSubject(a, b, va[0]),
			sides: []*valueSide{sideOf(a, va), sideOf(b, vb)}})
	}
	for _, p := range valuePairs(vals, ss, pairs) {
		a, b := p.a, p.b
		for _, k := range sharedKeys(vals[a], vals[b]) {
			va, vb := ofKey(vals[a], k), ofKey(vals[b], k)
			if va[0].kind == "date" {
				if p.sim >= valueSim && conflicts(va, vb) && conflicts(va, docVals[b.doc][k]) && conflicts(vb, docVals[a.doc][k]) {
					add(a, b, va, vb)
				}
				continue
			}
			if x, y, ok := closeFigures(p.sim, va, vb, docVals[a.doc][k], docVals[b.doc][k]); ok {
				add(a, b, []valued{x}, []valued{y})
			}
		}
	}
	for i, da := range docs {
		for _, db := range docs[i+1:] {
			if da.outlet == db.outlet {
				continue
			}
			for _, k := range sortedKeys(docVals[da]) {
				if x, y, ok := soleCounts(docVals[da][k], docVals[db][k]); ok {
					add(x.s, y.s, []valued{x}, []valued{y})
				}
			}
		}
	}
	out := make([]model.Discrepancy, 0, len(found))
	for _, f := range found {
		out = append(out, f.discrepancy())
	}
	return out
}

// valuesByDoc lists each article's values by key, in text order.
func valuesByDoc(docs []*doc, vals map[*sent][]valued) map[*doc]map[string][]valued {
	out := make(map[*doc]map[string][]valued, len(docs))
	for _, d := range docs {
		out[d] = make(map[string][]valued)
		for _, s := range d.sents {
			for _, v := range vals[s] {
				out[d][v.key()] = append(out[d][v.key()], v)
			}
		}
	}
	return out
}

const (
	// figureSim and figureContext are the sentence and context similarity
	// two figures of a unit of measure need to be about one subject.
	figureSim     = 0.2
	figureContext = 0.15
)

// closeFigures picks from two similar sentences a figure each that
// disagree about one subject: incompatible, less than maxFactor apart,
// next to words alike and no different names, neither article giving
// the other's value anywhere. Counts of people with an outcome are left
// to soleCounts.
func closeFigures(sim float64, va, vb, allA, allB []valued) (valued, valued, bool) {
	if sim < figureSim || va[0].outcome != "" {
		return valued{}, valued{}, false
	}
	for _, x := range va {
		for _, y := range vb {
			if compatible(x, y) || !withinFactor(x.num, y.num) || namesDiffer(x, y) ||
				contextCosine(x.ctx, y.ctx) < figureContext {
				continue
			}
			if conflicts([]valued{x}, allB) && conflicts([]valued{y}, allA) {
				return x, y, true
			}
		}
	}
	return valued{}, valued{}, false
}

// soleCounts finds two articles' counts of one thing that disagree where
// the unit or outcome alone says what is counted. Counts of people with
// an outcome compare each article's largest (a toll; partial counts are
// smaller), leaving out sentences about an earlier year and giving way to
// a bare number beside the count ("six arrests Wednesday, compared to 47
// the previous night"). Other count nouns compare the one count of each
// article near the other's ("1.5 million women" against "1.6 million
// women"); units of measure never do.
func soleCounts(as, bs []valued) (valued, valued, bool) {
	if len(as) == 0 || len(bs) == 0 || as[0].kind != "number" {
		return valued{}, valued{}, false
	}
	if as[0].outcome != "" {
		x, okA := largest(as)
		y, okB := largest(bs)
		if !okA || !okB || compatible(x, y) || !withinFactor(x.num, y.num) || namesDiffer(x, y) ||
			barelyGives(x, y) || barelyGives(y, x) {
			return valued{}, valued{}, false
		}
		return x, y, true
	}
	if measureUnits[as[0].unit] || as[0].unit == "person" {
		return valued{}, valued{}, false
	}
	for _, x := range as {
		for _, y := range bs {
			if !compatible(x, y) && withinFactor(x.num, y.num) && !namesDiffer(x, y) &&
				onlyNear(as, x, y) && onlyNear(bs, y, x) && conflicts([]valued{x}, bs) && conflicts([]valued{y}, as) {
				return x, y, true
			}
		}
	}
	return valued{}, valued{}, false
}

// largest is an article's largest count outside sentences about an
// earlier year.
func largest(vs []valued) (valued, bool) {
	var best valued
	ok := false
	for _, v := range vs {
		if !v.past && (!ok || v.num > best.num) {
			best, ok = v, true
		}
	}
	return best, ok
}

// barelyGives reports x's sentence giving y's number without a unit.
func barelyGives(x, y valued) bool {
	for _, n := range x.bare {
		if compatibleNumbers(valued{num: n, grain: 1}, y) {
			return true
		}
	}
	return false
}

// onlyNear: x is the one value of vs within maxFactor of other, values
// compatible with x aside.
func onlyNear(vs []valued, x, other valued) bool {
	for _, v := range vs {
		if withinFactor(v.num, other.num) && !compatible(v, x) {
			return false
		}
	}
	return true
}

// mergeFinding adds f to the findings, joining one of the same kind and
// subject or sharing a sentence with it, so that three articles against
// one make one finding.
func mergeFinding(found []*valueFinding, f *valueFinding) []*valueFinding {
	for _, g := range found {
		if g.kind == f.kind && (g.subject == f.subject || sharesSent(g, f)) {
			for _, s := range f.sides {
				g.sides = mergeSide(g.sides, s)
			}
			return found
		}
	}
	return append(found, f)
}

func sharesSent(g, f *valueFinding) bool {
	in := make(map[*sent]bool)
	for _, s := range g.sides {
		for _, x := range s.sents {
			in[x] = true
		}
	}
	for _, s := range f.sides {
		for _, x := range s.sents {
			if in[x] {
				return true
			}
		}
	}
	return false
}

// mergeSide joins a side into the side of the same value, else adds it.
func mergeSide(sides []*valueSide, s *valueSide) []*valueSide {
	for _, t := range sides {
		if t.canon != s.canon {
			continue
		}
		for _, w := range s.shown {
			if !slices.Contains(t.shown, w) {
				t.shown = append(t.shown, w)
			}
		}
		for _, x := range s.sents {
			if !slices.Contains(t.sents, x) {
				t.sents = append(t.sents, x)
			}
		}
		return sides
	}
	return append(sides, s)
}

// sideOf is the side one sentence takes: its values of one key.
func sideOf(s *sent, vs []valued) *valueSide {
	side := &valueSide{sents: []*sent{s}}
	canon := make(map[string]bool)
	for _, v := range vs {
		canon[v.value] = true
		t := v.shown
		switch {
		case v.kind == "date":
			t = v.value + " (" + v.shown + ")"
		case v.hedgeWords != "":
			t = v.hedgeWords + " " + v.shown
		}
		if !slices.Contains(side.shown, t) {
			side.shown = append(side.shown, t)
		}
	}
	side.canon = strings.Join(sortedStrings(canon), "; ")
	return side
}

// discrepancy renders a finding: each side's first wording, its articles
// and sentences in article order, the best supported side first, or the
// sides in time order when they may be successive updates.
func (f *valueFinding) discrepancy() model.Discrepancy {
	d := model.Discrepancy{Kind: f.kind, Subject: f.subject}
	for _, s := range f.sides {
		sort.SliceStable(s.sents, func(i, j int) bool { return sentBefore(s.sents[i], s.sents[j]) })
		ids := make(map[int64]bool)
		v := model.DiscrepancyValue{Value: s.shown[0]}
		for _, x := range s.sents {
			ids[x.doc.art.ID] = true
			v.Sentences = append(v.Sentences, sentenceOf(x))
		}
		v.ArticleIDs = sortedIDs(ids)
		d.Values = append(d.Values, v)
	}
	if f.kind == "number" && strings.HasPrefix(f.subject, "people ") && labelUpdate(&d, f.sides) {
		return d
	}
	sortBySupport(d.Values)
	return d
}

// valueSubject names what two sentences give values of: what a number
// measures, then the words both sentences share ("people dead" alone: a
// story's toll is one subject however it is worded).
func valueSubject(a, b *sent, v valued) string {
	what := measureOf(v)
	if v.kind == "number" && v.outcome != "" {
		return what
	}
	shared := sharedWords(a, b, 5)
	if what == "" || strings.Contains(shared, what) {
		return shared // "trade worth crowns", not "crown: trade worth crowns"
	}
	return what + ": " + shared
}

// maxKeySentences bounds the sentences of one key compared pairwise; a
// key given in more is compared through the similar pairs only.
const maxKeySentences = 300

// valuePairs lists the sentence pairs of different outlets worth
// comparing, each once, in a fixed order: the similar pairs of statements
// that give dates, and every two sentences that give numbers of one key,
// short lines included ("The satellite cost 290m crowns.").
func valuePairs(vals map[*sent][]valued, ss []*sent, pairs []pair) []sentPair {
	var out []sentPair
	done := make(map[[2]*sent]bool)
	add := func(a, b *sent, sim float64) {
		if a.doc.outlet == b.doc.outlet || done[[2]*sent{a, b}] {
			return
		}
		done[[2]*sent{a, b}], done[[2]*sent{b, a}] = true, true
		out = append(out, sentPair{a, b, sim})
	}
	byKey := make(map[string][]*sent)
	for s, vs := range vals {
		seen := make(map[string]bool)
		for _, v := range vs {
			if v.kind == "number" && !seen[v.key()] {
				seen[v.key()] = true
				byKey[v.key()] = append(byKey[v.key()], s)
			}
		}
	}
	for _, p := range pairs {
		a, b := ss[p.a], ss[p.b]
		if p.sim >= min(valueSim, figureSim) && len(vals[a]) > 0 && len(vals[b]) > 0 {
			add(a, b, p.sim)
		}
	}
	for _, k := range sortedKeys(byKey) {
		group := byKey[k]
		if len(group) > maxKeySentences {
			continue
		}
		sort.Slice(group, func(i, j int) bool { return sentBefore(group[i], group[j]) })
		for i, a := range group {
			for _, b := range group[i+1:] {
				add(a, b, cosine(a, b))
			}
		}
	}
	return out
}

// sentBefore orders sentences by article, then position.
func sentBefore(a, b *sent) bool {
	if a.doc.idx != b.doc.idx {
		return a.doc.idx < b.doc.idx
	}
	return a.pos < b.pos
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sharedKeys lists the keys both sentences give values of, sorted.
func sharedKeys(a, b []valued) []string {
	in := make(map[string]bool)
	for _, v := range a {
		in[v.key()] = true
	}
	both := make(map[string]bool)
	for _, v := range b {
		if in[v.key()] {
			both[v.key()] = true
		}
	}
	return sortedStrings(both)
}

func ofKey(vs []valued, k string) []valued {
	var out []valued
	for _, v := range vs {
		if v.key() == k {
			out = append(out, v)
		}
	}
	return out
}

// measureOf names what a number measures: "people dead", "crown".
func measureOf(v valued) string {
	switch {
	case v.kind != "number":
		return ""
	case v.unit == "person" && v.outcome != "":
		return "people " + v.outcome
	case v.unit == "person":
		return "people"
	}
	return v.unit
}
