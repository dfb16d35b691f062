package compare

import (
	"strconv"
	"strings"

	"parallax/internal/text"

	"parallax/internal/model"
)

// Before a report says an outlet leaves a claim out, it looks for the
// claim in that outlet's own words: a sentence that names the same people
// and places (a head of state standing for the country the article says
// he leads) and carries most of the claim's weight, numbers and the words
// of what happened included. Matching is by content, so the verdict has
// three answers: the outlet states it, it comes close without surely
// stating it ("not found"), or nothing in it comes close ("left out").

// verdict is whether an article states a claim.
type verdict int

const (
	absent   verdict = iota // nothing in the article comes close
	unsure                  // a partial paraphrase: neither stated nor left out
	supports                // a sentence states it
)

const (
	// A sentence states a claim when it carries this share of the
	// claim's weight (names and words), of the weight of its words of
	// what happened, and of its names.
	supportAll, supportPred, supportNames = 0.5, 0.4, 0.6
	// Two neighbouring sentences come close at these shares.
	closeAll, closePred = 0.3, 0.2
	// A sentence that names everyone the claim names comes close at
	// this share.
	namedAll = 0.25
	// An article whose whole text carries this share of the claim's
	// weight may say it in a way no sentence match sees.
	articleAll = 0.45
)

// coverer judges whether articles state claims.
type coverer struct {
	// affil maps a person's key to the places their descriptions tie them
	// to ("Ukrainian President" → ukraine).
	affil map[string][]string
	// df counts the story's sentences each lower-case word stands in.
	df map[string]int
	// sets caches the term sets of sentences, windows and articles.
	sets map[[2]*sent]map[string]bool
	docs map[*doc]map[string]bool
}

// sentTerms is one sentence's term set, or two neighbours' together.
func (c coverer) sentTerms(a, b *sent) map[string]bool {
	k := [2]*sent{a, b}
	if t, ok := c.sets[k]; ok {
		return t
	}
	var t map[string]bool
	if b == nil {
		t = c.termSet(a)
	} else {
		t = c.termSet(a, b)
	}
	c.sets[k] = t
	return t
}

// docTerms is one article's term set.
func (c coverer) docTerms(d *doc) map[string]bool {
	if t, ok := c.docs[d]; ok {
		return t
	}
	t := c.termSet(d.sents...)
	c.docs[d] = t
	return t
}

func newCoverer(docs []*doc) coverer {
	places := make(map[string]bool)
	for _, d := range docs {
		for _, e := range d.enr.Entities {
			if e.Type == model.Place && e.Key != "" {
				places[e.Key] = true
			}
		}
	}
	c := coverer{affil: make(map[string][]string), df: make(map[string]int),
		sets: make(map[[2]*sent]map[string]bool), docs: make(map[*doc]map[string]bool)}
	for _, d := range docs {
		for _, s := range d.sents {
			seen := make(map[string]bool)
			for _, w := range text.Words(s.text) {
				if !seen[w] {
					seen[w] = true
					c.df[w]++
				}
			}
		}
	}
	for _, d := range docs {
		for _, e := range d.enr.Entities {
			if e.Type != model.Person || e.Key == "" {
				continue
			}
			for _, desc := range e.Descriptions {
				for _, w := range lexWords(desc) {
					for p := range places {
						if sharedPrefix(w, p) >= 5 && !containsStr(c.affil[e.Key], p) {
							c.affil[e.Key] = append(c.affil[e.Key], p)
						}
					}
				}
			}
		}
	}
	return c
}

func sharedPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// termSet lists the terms of sentences, with the places their people
// stand for.
func (c coverer) termSet(ss ...*sent) map[string]bool {
	out := make(map[string]bool)
	for _, s := range ss {
		for _, t := range s.terms {
			out[t] = true
			if c := classOf[t]; c != "" {
				out[c] = true
			}
			if k, ok := strings.CutPrefix(t, "@"); ok {
				for _, w := range strings.Fields(k) {
					out["@@"+w] = true // a word of a longer name
				}
			}
		}
		for k := range s.keys {
			for _, p := range c.affil[k] {
				out["@"+p] = true
			}
		}
	}
	return out
}

// weightIn is the share of a vector's weight whose terms are in have;
// names counts only the names ("@" terms). A vector with no such terms
// gives 1: nothing is missing.
func weightIn(vec map[string]float64, terms []string, have map[string]bool, names bool) float64 {
	var all, in float64
	for _, t := range terms {
		if names && !strings.HasPrefix(t, "@") {
			continue
		}
		all += vec[t]
		if have[t] || classOf[t] != "" && have[classOf[t]] || nameWordsIn(t, have) {
			in += vec[t]
		}
	}
	if all == 0 {
		return 1
	}
	return in / all
}

// shares are how much of a claim sentence another text carries.
type shares struct{ all, pred, names float64 }

func (c coverer) sharesIn(a *sent, have map[string]bool) shares {
	return sharesOf(a.vec, a.terms, a.pvec, a.pterms, have)
}

func sharesOf(vec map[string]float64, terms []string, pvec map[string]float64, pterms []string, have map[string]bool) shares {
	return shares{
		all:   weightIn(vec, terms, have, false),
		pred:  weightIn(pvec, pterms, have, false),
		names: weightIn(vec, terms, have, true),
	}
}

// states: the shares are enough for a sentence to state the claim.
func (sh shares) states() bool {
	return sh.all >= supportAll && sh.pred >= supportPred && sh.names >= supportNames
}

// claimCore is a claim sentence's weight restricted to its main clause,
// nil when the main clause is the whole sentence.
type claimCore struct {
	terms, pterms []string
}

func coreOf(a *sent) *claimCore {
	mc := mainClause(a.text)
	if len(mc) == len(a.text) {
		return nil
	}
	_, rest := findNames(mc, a.doc.surface)
	keys, _ := findNames(mc, a.doc.surface)
	in := make(map[string]bool)
	for _, w := range contentWords(rest) {
		in[w] = true
	}
	for k := range keys {
		in["@"+k] = true
	}
	c := &claimCore{}
	for _, t := range a.terms {
		if in[t] {
			c.terms = append(c.terms, t)
		}
	}
	for _, t := range a.pterms {
		if in[t] {
			c.pterms = append(c.pterms, t)
		}
	}
	return c
}

// verdictOn judges whether article d states sentence a, and gives the
// sentence that does.
func (c coverer) verdictOn(a *sent, d *doc) (verdict, *sent) {
	if writtenBefore(d, a) {
		return absent, nil // it cannot report what happened after it was written
	}
	if v, s := c.quotedIn(a, d); v != absent {
		return v, s
	}
	near := false
	core := coreOf(a)
	for i, s := range d.sents {
		have := c.sentTerms(s, nil)
		states := c.sharesIn(a, have).states()
		if !states && core != nil {
			states = sharesOf(a.vec, core.terms, a.pvec, core.pterms, have).states()
		}
		if states && !numbersDiffer(a, s) {
			return supports, s
		}
		if sh := c.sharesIn(a, have); sh.names >= 1 && sh.all >= namedAll && hasNames(a) {
			near = true // every name of the claim in one sentence
		}
		if !near && i+1 < len(d.sents) {
			w := c.sharesIn(a, c.sentTerms(s, d.sents[i+1]))
			near = w.all >= closeAll && w.pred >= closePred
		}
	}
	if near || c.sharesIn(a, c.docTerms(d)).all >= articleAll {
		return unsure, nil
	}
	return absent, nil
}

// numbersDiffer: both sentences give numbers and share none of them.
func numbersDiffer(a, b *sent) bool {
	na, nb := numbersOf(a), numbersOf(b)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for n := range na {
		if nb[n] {
			return false
		}
	}
	return true
}

func numbersOf(s *sent) map[string]bool {
	out := make(map[string]bool)
	for _, w := range text.Words(s.text) {
		if isDigits(w) {
			out[w] = true
		} else if n, ok := numberWords[w]; ok {
			out[n] = true
		}
	}
	return out
}

// numberWords are the counts news writes out in words.
var numberWords = func() map[string]string {
	out := make(map[string]string)
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`) {
		out[w] = strconv.Itoa(i)
	}
	return out
}()

// coverClaims completes each claim by content: an outlet whose article
// states it in other words is added with that sentence; one whose article
// comes close is listed as not found. Claims are then ranked again.
func coverClaims(rs []rankedClaim, ss []*sent, docs []*doc, cv coverer) {
	for i := range rs {
		r := &rs[i]
		have := make(map[int64]bool)
		for _, m := range r.members {
			have[ss[m].doc.art.ID] = true
		}
		close := make(map[string]bool)
		for _, d := range docs {
			if have[d.art.ID] || containsStr(r.c.Outlets, d.outlet) {
				continue
			}
			v, s := bestVerdict(r, ss, d, cv)
			switch v {
			case supports:
				r.c.Sentences = append(r.c.Sentences, sentenceOf(s))
			case unsure:
				close[d.outlet] = true
			}
		}
		r.c.ArticleIDs, r.c.Outlets = citeSentences(r.c.Sentences)
		r.c.NotFound = nil
		for _, o := range sortedStrings(close) {
			if !containsStr(r.c.Outlets, o) {
				r.c.NotFound = append(r.c.NotFound, o)
			}
		}
	}
	rankClaims(rs)
}

// bestVerdict is the best verdict any member of the claim gets in d.
func bestVerdict(r *rankedClaim, ss []*sent, d *doc, cv coverer) (verdict, *sent) {
	best, by := absent, (*sent)(nil)
	for _, m := range r.members {
		if v, s := cv.verdictOn(ss[m], d); v > best {
			best, by = v, s
			if v == supports {
				break
			}
		}
	}
	return best, by
}

// nameWordsIn: every word of a name stands in some name of have, so that
// "America Rising" is found in "super PAC America Rising", whose entity
// another article spans differently.
func nameWordsIn(t string, have map[string]bool) bool {
	k, ok := strings.CutPrefix(t, "@")
	if !ok {
		return false
	}
	ws := strings.Fields(k)
	for _, w := range ws {
		if !have["@@"+w] {
			return false
		}
	}
	return len(ws) > 0
}

func hasNames(a *sent) bool { return len(a.keys) > 0 }

// quotedIn looks for the words a claim quotes in the article: carried
// whole in a sentence, a claim that is mostly the quotation is stated by
// that sentence; carried in part, or by a claim that says more around
// it, it is not found rather than left out. Quoted words are matched as
// written, since "Who are you!" is all stopwords to the weighing.
func (c coverer) quotedIn(a *sent, d *doc) (verdict, *sent) {
	var body []string
	for _, s := range d.sents {
		body = append(body, keys(tokenize(s.text))...)
	}
	mostlyQuote := len(strings.Fields(stripQuoted(a.text))) <= 8
	best := absent
	for _, q := range quotedSpans(a.text) {
		qk := keys(tokenize(q))
		if len(qk) < 3 {
			continue
		}
		if w := bestWindow(qk, body); w.run >= 4 || carried(w, len(qk)) {
			best = unsure
		} else {
			if c.quotesAWord(q, d) {
				best = unsure
			}
			continue
		}
		for _, s := range d.sents {
			if carried(bestWindow(qk, keys(tokenize(s.text))), len(qk)) && mostlyQuote {
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

// writtenBefore: the article was written before the day sentence a says
// its event happened (an eve-of-vote piece cannot report the result).
func writtenBefore(d *doc, a *sent) bool {
	written, _ := saidDay(d)
	aSaid, _ := saidDay(a.doc)
	if written == "" {
		return false
	}
	for _, m := range a.doc.enr.Dates {
		if len(m.Date) == 10 && m.Date <= aSaid && m.Date > written && strings.Contains(a.text, m.Text) {
			return true
		}
	}
	return false
}
