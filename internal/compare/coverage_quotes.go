package compare

import (
	"strings"

	"parallax/internal/text"
)

// quotedIn looks for the words a claim quotes in the article: carried
// whole in a sentence, a claim that is mostly the quotation is stated by
// that sentence; carried in part, or by a claim that says more around
// it, it is not found rather than left out. Quoted words are matched as
// written, since "Who are you!" is all stopwords to the weighing.
func (c coverer) quotedIn(a *sent, d *doc) (verdict, *sent) {
	spans := quotedSpans(a.text)
	if len(spans) == 0 {
		return absent, nil
	}
	body, in := c.body(d)
	mostlyQuote := len(strings.Fields(stripQuoted(a.text))) <= 8
	best := absent
	for _, q := range spans {
		qk := keys(tokenize(q))
		if len(qk) < 3 {
			continue
		}
		if !mostlyIn(qk, in) {
			if c.quotesAWord(q, d) {
				best = unsure
			}
			continue
		}
		if w := bestWindow(qk, body, min(4, atLeast(0.8, len(qk)))); w.run >= 4 || carried(w, len(qk)) {
			best = unsure
		} else {
			if c.quotesAWord(q, d) {
				best = unsure
			}
			continue
		}
		for _, s := range d.sents {
			if mostlyQuote && carried(bestWindow(qk, c.keysOf(s), max(3, atLeast(0.8, len(qk)))), len(qk)) {
				return supports, s
			}
		}
	}
	return best, nil
}

// quotesAWord: the article sets in quotation marks a telling word of the
// quotation (“malarkey”: a word few sentences of the story use): it
// reports the quotation, if not in full.
func (c coverer) quotesAWord(q string, d *doc) bool {
	for _, s := range d.sents {
		for _, span := range quotedSpans(s.text) {
			for _, w := range text.Words(span) {
				if len(w) >= 5 && !stopwords[w] && c.df[w] <= 3 && indexWord(strings.ToLower(q), w) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// body is an article's quotation keys in order, and as a set.
func (c coverer) body(d *doc) ([]string, map[string]bool) {
	if b, ok := c.bodyKeys[d]; ok {
		return b, c.bodySet[d]
	}
	var b []string
	set := make(map[string]bool)
	for _, s := range d.sents {
		for _, k := range c.keysOf(s) {
			b = append(b, k)
			set[k] = true
		}
	}
	c.bodyKeys[d], c.bodySet[d] = b, set
	return b, set
}

func (c coverer) keysOf(s *sent) []string {
	if k, ok := c.sentKeys[s]; ok {
		return k
	}
	k := keys(tokenize(s.text))
	c.sentKeys[s] = k
	return k
}

// mostlyIn: at least 60% of a quotation's words stand in the article at
// all; else no window of it can carry the quotation.
func mostlyIn(qk []string, in map[string]bool) bool {
	n := 0
	for _, k := range qk {
		if in[k] {
			n++
		}
	}
	return float64(n) >= 0.6*float64(len(qk))
}

// carried: a window holds most of a quotation's n words, three in a row.
func carried(w window, n int) bool {
	return float64(w.shared) >= 0.8*float64(n) && w.run >= 3
}

// quotedSpans lists the passages inside double quotation marks.
func quotedSpans(t string) []string {
	var out []string
	var b strings.Builder
	var closing rune
	for _, r := range t {
		switch {
		case closing != 0 && r == closing:
			out = append(out, b.String())
			b.Reset()
			closing = 0
		case closing != 0:
			b.WriteRune(r)
		case quoteMarks[r] != 0:
			closing = quoteMarks[r]
		}
	}
	return out
}
