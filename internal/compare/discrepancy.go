package compare

import (
	"sort"
	"strconv"
	"strings"

	"parallax/internal/model"
	"parallax/internal/text"
)

// valued is one value (a figure or a date) a sentence gives.
type valued struct {
	s       *sent
	kind    string // "number" or "date"
	unit    string // what a number counts, people folded to "person"; "" for dates
	outcome string // what happened to the people counted: "dead", "missing"; "" when unsaid
	value   string // comparable form: the number, or the date
	shown   string // as written
	num     float64
	hedge   bool // "more than", "about": the number is a bound or a round guess
	// hedgeWords are the hedge written before the figure ("at least"),
	// shown with it.
	hedgeWords string
	grain      float64 // the place value of the number's last significant digit
	// ctx weighs the words next to a number: what it is a number of.
	ctx map[string]float64
	// names are the entity keys named next to a number ("two senators,
	// Flake and McCain"): figures next to different names differ in subject.
	names map[string]bool
	past  bool      // the sentence names an earlier year
	bare  []float64 // numbers of the sentence outside its figures
}

// key names what a value measures: values compare only within one key.
func (v valued) key() string { return v.kind + "/" + v.unit + "/" + v.outcome }

// valuesOf lists the figures and dates of every article by sentence. Dates
// resolved against a guessed reference date are left out: the guess, not
// the outlet, would disagree.
func valuesOf(docs []*doc) map[*sent][]valued {
	out := make(map[*sent][]valued)
	for _, d := range docs {
		past := make(map[*sent]bool)
		for _, m := range d.enr.Dates {
			s := sentenceFor(d, m.Paragraph, m.Sentence, m.Text)
			if s == nil || m.Date == "" {
				continue
			}
			past[s] = past[s] || earlierYear(m.Date, d)
			if !m.Inferred {
				out[s] = append(out[s], valued{s: s, kind: "date", value: m.Date, shown: m.Text})
			}
		}
		texts := make(map[*sent][]string)
		var figs []valued
		for _, f := range d.enr.Figures {
			s := sentenceFor(d, f.Paragraph, f.Sentence, f.Text)
			if s == nil {
				continue
			}
			texts[s] = append(texts[s], f.Text)
			if v, ok := figureOf(s, f); ok {
				v.past = past[s]
				figs = append(figs, v)
			}
		}
		for _, v := range figs {
			v.bare = bareNumbers(v.s.text, texts[v.s])
			out[v.s] = append(out[v.s], v)
		}
	}
	return out
}

// earlierYear reports a date in a year before the article's: a sentence
// that carries one may be about another event ("the 1979 breach, which
// killed 31 people").
func earlierYear(date string, d *doc) bool {
	if !d.hasWhen || len(date) < 4 {
		return false
	}
	y, err := strconv.Atoi(date[:4])
	return err == nil && y < d.when.Year()
}

// conflicts reports whether two sets of values of one key disagree: no
// value in common (a month agrees with a day inside it).
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

// compatible: equal values, a month and a day inside it, or numbers one of
// which rounds or hedges the other.
func compatible(x, y valued) bool {
	if x.value == y.value || strings.HasPrefix(x.value, y.value+"-") || strings.HasPrefix(y.value, x.value+"-") {
		return true
	}
	return x.kind == "number" && compatibleNumbers(x, y)
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

// discrepancies gathers every kind of disagreement, in a stable order:
// values (numbers, dates), places, titles, attributions.
func discrepancies(docs []*doc, ss []*sent, pairs []pair, quotes []model.QuoteGroup) []model.Discrepancy {
	out := []model.Discrepancy{}
	out = append(out, valueConflicts(docs, ss, pairs)...)
	var others []model.Discrepancy
	others = append(others, titleConflicts(docs)...)
	others = append(others, attributionConflicts(docs, quotes)...)
	for i := range others {
		sortBySupport(others[i].Values)
	}
	return append(out, others...)
}

// sortBySupport puts the side most articles take first.
func sortBySupport(vs []model.DiscrepancyValue) {
	sort.SliceStable(vs, func(a, b int) bool {
		if len(vs[a].ArticleIDs) != len(vs[b].ArticleIDs) {
			return len(vs[a].ArticleIDs) > len(vs[b].ArticleIDs)
		}
		return vs[a].Value < vs[b].Value
	})
}
