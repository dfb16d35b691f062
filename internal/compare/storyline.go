package compare

import (
	"sort"

	"parallax/internal/model"
)

// What a story of a storyline adds to the one before it, and the
// quotations of many articles from anywhere (one speaker's across a
// collection): the views a storyline page and an entity page need.

// newAt is the share of a sentence's content words that may be found in
// one sentence of the earlier report before the sentence counts as said
// before.
const newAt = 0.5

// maxNew bounds what WhatIsNew returns: a line of a storyline page, not a
// second brief.
const maxNew = 3

// WhatIsNew lists what the report cur states that prev did not: its brief
// lines first, then its claims most outlets carry, each kept when no
// sentence of prev (brief, claims, the claims' evidence) carries half its
// content words or more, and when it repeats nothing already listed. A nil
// prev (the first story) gives nothing.
func WhatIsNew(prev, cur *model.Report) []string {
	if prev == nil || cur == nil {
		return nil
	}
	return NewIn(DigestReport(prev), DigestReport(cur))
}

// ReportDigest is what WhatIsNew reads of one report, its sentences'
// content words found once: a storyline page compares each story with the
// one before and the one after, and finding the words was most of the
// comparison.
type ReportDigest struct {
	lines     []string          // brief lines then claims, most carried first: what may be new
	lineWords [][]string        // their content words
	said      []map[string]bool // every sentence's content words, evidence too: what a later report is compared with
}

// DigestReport reads r's sentences for NewIn; nil for a nil report.
func DigestReport(r *model.Report) *ReportDigest {
	if r == nil {
		return nil
	}
	d := &ReportDigest{}
	words := map[string][]string{} // a sentence said twice is read once
	wordsOf := func(s string) []string {
		w, ok := words[s]
		if !ok {
			w = contentWords(s)
			words[s] = w
		}
		return w
	}
	d.lines = reportSentences(r, false)
	for _, s := range d.lines {
		d.lineWords = append(d.lineWords, wordsOf(s))
	}
	for _, s := range reportSentences(r, true) {
		d.said = append(d.said, wordSet(wordsOf(s)))
	}
	return d
}

// NewIn is WhatIsNew of two digested reports; nil when either is nil.
func NewIn(prev, cur *ReportDigest) []string {
	if prev == nil || cur == nil {
		return nil
	}
	var out []string
	var kept []map[string]bool
	for i, s := range cur.lines {
		w := cur.lineWords[i]
		if len(w) < 3 || saidIn(w, prev.said) || saidIn(w, kept) {
			continue
		}
		out = append(out, s)
		kept = append(kept, wordSet(w))
		if len(out) == maxNew {
			break
		}
	}
	return out
}

// reportSentences are a report's brief lines then its claims, most
// carried first; with evidence, each claim's sentences too.
func reportSentences(r *model.Report, evidence bool) []string {
	var out []string
	for _, s := range r.Summary {
		out = append(out, s.Text)
	}
	claims := append([]model.Claim(nil), r.Claims...)
	sort.SliceStable(claims, func(i, j int) bool { return len(claims[i].Outlets) > len(claims[j].Outlets) })
	for _, c := range claims {
		out = append(out, c.Text)
		if evidence {
			for _, s := range c.Sentences {
				out = append(out, s.Text)
			}
		}
	}
	return out
}

// saidIn reports whether one of sentences carries at least newAt of w.
func saidIn(w []string, sentences []map[string]bool) bool {
	for _, in := range sentences {
		n := 0
		for _, x := range w {
			if in[x] {
				n++
			}
		}
		if float64(n) >= newAt*float64(len(w)) {
			return true
		}
	}
	return false
}

func wordSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Quotations groups the quotations of articles from anywhere as a report
// groups a story's (one statement reported in several wordings is one
// group, its variants diffed against the fullest, the earliest article
// named), keeping those only one article carries too; the most carried
// first.
func Quotations(arts []model.Article) []model.QuoteGroup {
	docs := make([]*doc, 0, len(arts))
	for i, a := range arts {
		d := &doc{art: a, idx: i, outlet: outletOf(a)}
		d.when, d.hasWhen = parsePublished(a.Published)
		if a.Enrichment != nil {
			d.enr = *a.Enrichment
		}
		docs = append(docs, d)
	}
	return quoteGroups(docs, 1)
}
