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
	spans := c.quoted.spansOf(a)
	if len(spans) == 0 {
		return absent, nil
	}
	mostlyQuote := c.quoted.mostlyQuote(a)
	best := absent
	for _, q := range spans {
		switch v, s := c.spanIn(q, d, mostlyQuote); v {
		case supports:
			return supports, s
		case unsure:
			best = unsure
		}
	}
	return best, nil
}

// quotedCache keeps what judging quotations against articles reuses:
// many claims quote the same words, and each is judged against every
// article.
type quotedCache struct {
	spans  map[*sent][]string
	mostly map[*sent]bool
	keys   map[string][]string
	bodies map[*doc]*quotedBody
	memo   map[spanKey]verdictResult
}

type spanKey struct {
	q      string
	d      *doc
	mostly bool
}

func newQuotedCache() *quotedCache {
	return &quotedCache{spans: map[*sent][]string{}, mostly: map[*sent]bool{}, keys: map[string][]string{},
		bodies: map[*doc]*quotedBody{}, memo: map[spanKey]verdictResult{}}
}

// mostlyQuote: the claim sentence is mostly its quotation (eight words or
// fewer outside it).
func (qc *quotedCache) mostlyQuote(s *sent) bool {
	m, ok := qc.mostly[s]
	if !ok {
		m = len(strings.Fields(stripQuoted(s.text))) <= 8
		qc.mostly[s] = m
	}
	return m
}

// keysOf is a quoted passage's word keys.
func (qc *quotedCache) keysOf(q string) []string {
	k, ok := qc.keys[q]
	if !ok {
		k = keys(tokenize(q))
		qc.keys[q] = k
	}
	return k
}

// spansOf is a sentence's quoted passages.
func (qc *quotedCache) spansOf(s *sent) []string {
	if sp, ok := qc.spans[s]; ok {
		return sp
	}
	sp := quotedSpans(s.text)
	qc.spans[s] = sp
	return sp
}

// quotedBody is an article's quotation keys in order, where each sentence
// starts among them, where each key stands, and the telling words the
// article sets in quotation marks (see quotesAWord).
type quotedBody struct {
	keys    []string
	starts  []int // starts[i]: the first key of sentence i; one more at the end
	pos     map[string][]int
	telling []string
}

func (c coverer) body(d *doc) *quotedBody {
	if b, ok := c.quoted.bodies[d]; ok {
		return b
	}
	b := &quotedBody{pos: map[string][]int{}}
	seen := map[string]bool{}
	for _, s := range d.sents {
		b.starts = append(b.starts, len(b.keys))
		for _, k := range keys(tokenize(s.text)) {
			b.pos[k] = append(b.pos[k], len(b.keys))
			b.keys = append(b.keys, k)
		}
		for _, span := range c.quoted.spansOf(s) {
			for _, w := range text.Words(span) {
				if len(w) >= 5 && !stopwords[w] && c.df[w] <= 3 && !seen[w] {
					seen[w] = true
					b.telling = append(b.telling, w)
				}
			}
		}
	}
	b.starts = append(b.starts, len(b.keys))
	c.quoted.bodies[d] = b
	return b
}

// spanIn judges one quoted passage q of a claim against article d: see
// quotedIn. mostly says the claim is mostly the quotation.
func (c coverer) spanIn(q string, d *doc, mostly bool) (verdict, *sent) {
	k := spanKey{q, d, mostly}
	if r, ok := c.quoted.memo[k]; ok {
		return r.v, r.s
	}
	v, s := c.judgeSpan(q, d, mostly)
	c.quoted.memo[k] = verdictResult{v, s}
	return v, s
}

func (c coverer) judgeSpan(q string, d *doc, mostly bool) (verdict, *sent) {
	qk := c.quoted.keysOf(q)
	if len(qk) < 3 {
		return absent, nil
	}
	b := c.body(d)
	if !mostlyIn(qk, b.pos) {
		return c.quotesAWord(q, b), nil
	}
	ids, quota := b.matchIDs(qk)
	if w := bestWindowIDs(qk, b.keys, ids, quota, min(4, atLeast(0.8, len(qk)))); !(w.run >= 4 || carried(w, len(qk))) {
		return c.quotesAWord(q, b), nil
	}
	if !mostly {
		return unsure, nil
	}
	need := max(3, atLeast(0.8, len(qk)))
	for i, s := range d.sents {
		from, to := b.starts[i], b.starts[i+1]
		if carried(bestWindowIDs(qk, b.keys[from:to], ids[from:to], quota, need), len(qk)) {
			return supports, s
		}
	}
	return unsure, nil
}

// matchIDs is matchIDs(qk, b.keys) through the body's index of its words.
func (b *quotedBody) matchIDs(qk []string) (ids, quota []int32) {
	ids = make([]int32, len(b.keys))
	for i := range ids {
		ids[i] = -1
	}
	num := make(map[string]int32, len(qk))
	for _, k := range qk {
		n, ok := num[k]
		if !ok {
			n = int32(len(quota))
			num[k] = n
			quota = append(quota, 0)
			for _, p := range b.pos[k] {
				ids[p] = n
			}
		}
		quota[n]++
	}
	return ids, quota
}

// quotesAWord: the article sets in quotation marks a telling word of the
// quotation (“malarkey”: a word few sentences of the story use): it
// reports the quotation, if not in full.
func (c coverer) quotesAWord(q string, b *quotedBody) verdict {
	low := strings.ToLower(q)
	for _, w := range b.telling {
		if indexWord(low, w) >= 0 {
			return unsure
		}
	}
	return absent
}

// mostlyIn: at least 60% of a quotation's words stand in the article at
// all; else no window of it can carry the quotation.
func mostlyIn(qk []string, pos map[string][]int) bool {
	n := 0
	for _, k := range qk {
		if len(pos[k]) > 0 {
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
