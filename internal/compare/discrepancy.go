package compare

import (
	"sort"
	"strconv"
	"strings"

	"parallax/internal/model"
	"parallax/internal/text"
)

// valueSim is the similarity two sentences need to be about one subject
// when they give it different values.
const valueSim = 0.3

// valued is one value (a figure or a date) a sentence gives.
type valued struct {
	s     *sent
	kind  string // "number" or "date"
	unit  string // what a number counts; "" for dates
	value string // comparable form: the number, or the date
	shown string // as written
	num   float64
	hedge bool // "more than", "about": the number is a bound or a round guess
}

// valuesOf lists the figures and dates of every article by sentence.
func valuesOf(docs []*doc) map[*sent][]valued {
	out := make(map[*sent][]valued)
	for _, d := range docs {
		for _, f := range d.enr.Figures {
			if s := sentenceFor(d, f.Paragraph, f.Sentence, f.Text); s != nil && f.Unit != "" {
				v := strconv.FormatFloat(f.Value, 'g', -1, 64)
				out[s] = append(out[s], valued{s, "number", f.Unit, v, f.Text, f.Value, hedged(s.text, f.Text)})
			}
		}
		for _, m := range d.enr.Dates {
			if s := sentenceFor(d, m.Paragraph, m.Sentence, m.Text); s != nil && m.Date != "" {
				out[s] = append(out[s], valued{s: s, kind: "date", value: m.Date, shown: m.Text})
			}
		}
	}
	return out
}

// conflicts reports whether two sets of values of one kind and unit
// disagree: no value in common (a month agrees with a day inside it).
func conflicts(a, b []valued) bool {
	for _, x := range a {
		for _, y := range b {
			if compatible(x, y) {
				return false
			}
		}
	}
	return true
}

// compatible: equal values, a month and a day inside it, or numbers within
// a quarter of each other when either is hedged.
func compatible(x, y valued) bool {
	if x.value == y.value || strings.HasPrefix(x.value, y.value+"-") || strings.HasPrefix(y.value, x.value+"-") {
		return true
	}
	if x.kind == "number" && (x.hedge || y.hedge) {
		hi, lo := max(x.num, y.num), min(x.num, y.num)
		return hi > 0 && lo >= 0.75*hi
	}
	return false
}

// hedges are words before a number that make it a bound or an estimate.
var hedges = []string{"more than", "less than", "fewer than", "at least", "up to", "nearly", "almost",
	"about", "around", "roughly", "approximately", "some", "over", "under", "estimated"}

// hedged reports whether the words just before a figure in its sentence
// hedge it, or the figure's own text does.
func hedged(sentence, figure string) bool {
	lower := strings.ToLower(sentence)
	i := strings.Index(lower, strings.ToLower(figure))
	before := strings.ToLower(figure)
	if i >= 0 {
		before = lower[max(0, i-16) : i+len(figure)]
	}
	for _, h := range hedges {
		if strings.Contains(before, h+" ") {
			return true
		}
	}
	return false
}

// valueConflicts finds subjects given different numbers or dates: two
// similar sentences of different articles that give values of one kind
// and unit with none in common, neither article giving the other's value
// anywhere.
func valueConflicts(docs []*doc, ss []*sent, pairs []pair) []model.Discrepancy {
	vals := valuesOf(docs)
	docVals := make(map[*doc]map[string][]valued)
	for s, vs := range vals {
		if docVals[s.doc] == nil {
			docVals[s.doc] = make(map[string][]valued)
		}
		for _, v := range vs {
			docVals[s.doc][v.kind+"/"+v.unit] = append(docVals[s.doc][v.kind+"/"+v.unit], v)
		}
	}
	var found []model.Discrepancy
	seen := make(map[string]bool)
	for _, p := range pairs {
		if p.sim < valueSim {
			continue
		}
		a, b := ss[p.a], ss[p.b]
		for _, k := range sharedKinds(vals[a], vals[b]) {
			va, vb := ofKind(vals[a], k), ofKind(vals[b], k)
			if !conflicts(va, vb) || !conflicts(va, docVals[b.doc][k]) || !conflicts(vb, docVals[a.doc][k]) {
				continue
			}
			d := valueDiscrepancy(a, b, va, vb)
			if key := d.Kind + d.Subject + d.Values[0].Value + d.Values[1].Value; !seen[key] {
				seen[key] = true
				found = append(found, d)
			}
		}
	}
	return mergeDiscrepancies(found)
}

func sharedKinds(a, b []valued) []string {
	in := make(map[string]bool)
	for _, v := range a {
		in[v.kind+"/"+v.unit] = true
	}
	var out []string
	done := make(map[string]bool)
	for _, v := range b {
		k := v.kind + "/" + v.unit
		if in[k] && !done[k] {
			done[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func ofKind(vs []valued, k string) []valued {
	var out []valued
	for _, v := range vs {
		if v.kind+"/"+v.unit == k {
			out = append(out, v)
		}
	}
	return out
}

// valueDiscrepancy describes one conflicting pair; the subject is the
// unit and the words the two sentences share.
func valueDiscrepancy(a, b *sent, va, vb []valued) model.Discrepancy {
	subject := sharedWords(a, b, 5)
	if va[0].unit != "" {
		subject = va[0].unit + ": " + subject
	}
	side := func(s *sent, vs []valued) model.DiscrepancyValue {
		shown := make([]string, len(vs))
		for i, v := range vs {
			shown[i] = v.shown
			if v.kind == "date" {
				shown[i] = v.value + " (" + v.shown + ")"
			}
		}
		return model.DiscrepancyValue{Value: strings.Join(shown, "; "), ArticleIDs: []int64{s.doc.art.ID},
			Sentences: []model.Sentence{sentenceOf(s)}}
	}
	return model.Discrepancy{Kind: va[0].kind, Subject: subject, Values: []model.DiscrepancyValue{side(a, va), side(b, vb)}}
}

// sharedWords lists, in a's order, up to n content words whose stems b
// shares too: a readable name for what both sentences are about.
func sharedWords(a, b *sent, n int) string {
	var out []string
	seen := make(map[string]bool)
	for _, w := range text.Words(a.text) {
		st := stem(w)
		if stopwords[w] || seen[st] || isDigits(w) || b.vec[st] == 0 {
			continue
		}
		seen[st] = true
		out = append(out, w)
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, " ")
}

// mergeDiscrepancies joins findings of one kind and subject whose sides
// share a value, so that three articles against one make one finding.
func mergeDiscrepancies(ds []model.Discrepancy) []model.Discrepancy {
	var out []model.Discrepancy
	for _, d := range ds {
		merged := false
		for i := range out {
			if out[i].Kind == d.Kind && (out[i].Subject == d.Subject || sharesSentence(out[i], d)) {
				out[i].Values = mergeValues(out[i].Values, d.Values)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, d)
		}
	}
	return out
}

func sharesSentence(a, b model.Discrepancy) bool {
	for _, x := range a.Values {
		for _, y := range b.Values {
			for _, s := range x.Sentences {
				for _, t := range y.Sentences {
					if s == t {
						return true
					}
				}
			}
		}
	}
	return false
}

func mergeValues(into, from []model.DiscrepancyValue) []model.DiscrepancyValue {
	for _, v := range from {
		found := false
		for i := range into {
			if into[i].Value == v.Value {
				into[i].ArticleIDs = unionIDs(into[i].ArticleIDs, v.ArticleIDs)
				into[i].Sentences = unionSentences(into[i].Sentences, v.Sentences)
				found = true
			}
		}
		if !found {
			into = append(into, v)
		}
	}
	return into
}

func unionIDs(a, b []int64) []int64 {
	m := make(map[int64]bool)
	for _, x := range append(append([]int64{}, a...), b...) {
		m[x] = true
	}
	return sortedIDs(m)
}

func unionSentences(a, b []model.Sentence) []model.Sentence {
	out := append([]model.Sentence{}, a...)
	for _, s := range b {
		dup := false
		for _, t := range out {
			if t == s {
				dup = true
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ArticleID < out[j].ArticleID })
	return out
}

// discrepancies gathers every kind of disagreement, in a stable order.
func discrepancies(docs []*doc, ss []*sent, pairs []pair, quotes []model.QuoteGroup) []model.Discrepancy {
	out := []model.Discrepancy{}
	out = append(out, valueConflicts(docs, ss, pairs)...)
	out = append(out, titleConflicts(docs)...)
	out = append(out, attributionConflicts(docs, quotes)...)
	for i := range out {
		sort.SliceStable(out[i].Values, func(a, b int) bool {
			va, vb := out[i].Values[a], out[i].Values[b]
			if len(va.ArticleIDs) != len(vb.ArticleIDs) {
				return len(va.ArticleIDs) > len(vb.ArticleIDs)
			}
			return va.Value < vb.Value
		})
	}
	return out
}
