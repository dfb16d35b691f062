package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"parallax/internal/model"
)

const (
	briefLen = 5
	// briefOverlap is the similarity above which a candidate repeats a
	// sentence already in the brief.
	briefOverlap = 0.3
)

// briefCand is a claim with the wording the brief would use for it.
type briefCand struct {
	r     rankedClaim
	s     *sent  // the member sentence that reads alone
	text  string // its text without a dateline
	quote bool   // a whole quotation with its named speaker
}

// briefable keeps sentences that read well alone: a whole statement of
// moderate length, mostly in the outlet's voice, not leaning on context
// and not a piece of a longer quotation.
func briefable(s *sent) (string, bool) {
	t, fault := briefFault(s)
	return t, fault == ""
}

// briefFault is the sentence's text without a dateline and the first
// reason it cannot stand in the brief, "" when it can.
func briefFault(s *sent) (string, string) {
	t := stripDateline(s.text)
	n := len(strings.Fields(t))
	switch {
	case n < 8 || n > 45:
		return t, "length"
	case strings.HasSuffix(strings.TrimRight(t, `"'”’`), "?"):
		return t, "question"
	}
	if r, _ := utf8.DecodeRuneInString(t); quoteMarks[r] != 0 || r == '”' || r == '\'' || r == '‘' {
		return t, "quotation" // a quotation reads as one voice, not as the story
	}
	if !balancedQuotes(t) || len(strings.Fields(stripQuoted(t))) < n/2 {
		return t, "quotation"
	}
	if f := aloneFault(t, withOpeningName(t, s.doc)); f != "" {
		return t, f
	}
	switch {
	case insideQuotation(s):
		return t, "inside-quotation"
	case continuesSpeech(s):
		return t, "continues-speech"
	case refersBack(s):
		return t, "refers-back"
	}
	return t, ""
}

// balancedQuotes rejects a piece of a quotation cut off by the sentence
// splitter: an odd number of straight double quotes, or curly ones that do
// not pair.
func balancedQuotes(t string) bool {
	return strings.Count(t, `"`)%2 == 0 && strings.Count(t, "“") == strings.Count(t, "”")
}

// insideQuotation: the sentence is one sentence of a longer quotation
// whose marks stand in the sentences around it.
func insideQuotation(s *sent) bool {
	core := strings.TrimSpace(strings.Trim(s.text, `"“”'‘’ `))
	if len(strings.Fields(core)) < 4 {
		return false
	}
	for _, q := range s.doc.enr.Quotes {
		if len(q.Text) > len(core) && strings.Contains(q.Text, core) {
			return true
		}
	}
	return false
}

// continuesSpeech: the sentence before, in the same paragraph, ends on a
// speaker named only by a pronoun ("Both parties are to blame, he said."),
// so this one most likely goes on reporting what that speaker said.
func continuesSpeech(s *sent) bool {
	if s.pos == 0 {
		return false
	}
	prev := s.doc.sents[s.pos-1]
	if prev.para != s.para {
		return false
	}
	ws := lexWords(prev.text)
	if len(ws) < 2 {
		return false
	}
	a, b := ws[len(ws)-2], ws[len(ws)-1]
	return thirdPerson[a] && pronounSpeechVerbs[b] || pronounSpeechVerbs[a] && thirdPerson[b]
}

// refersBack: the sentence speaks of "the law" or "the ad" that one of
// the two sentences before it introduced, so it is only clear after them.
// "The X of…", "the X that…" say which X themselves, and an X the
// article's title or lead names is the story's own subject.
func refersBack(s *sent) bool {
	if s.pos < 2 {
		return false
	}
	ws := rawWords(stripQuoted(s.text))
	for i := 0; i+1 < len(ws); i++ {
		if !strings.EqualFold(ws[i], "the") || isCapital(ws[i+1]) || len(ws[i+1]) < 3 {
			continue
		}
		if i+2 < len(ws) && restrictiveNext[strings.ToLower(ws[i+2])] {
			continue
		}
		w := strings.ToLower(ws[i+1])
		if stopwords[w] {
			continue
		}
		st := stem(w)
		if hasStem(s.doc.sents[s.pos-2:s.pos], st) && !hasStem(s.doc.sents[:1], st) && !hasStem(nil, st, s.doc.art.Title) {
			return true
		}
	}
	return false
}

// restrictiveNext follow a noun and say which one is meant.
var restrictiveNext = setOf(`of that who which whose for to`)

// hasStem: one of the sentences, or of the texts, has the stem.
func hasStem(ss []*sent, st string, texts ...string) bool {
	for _, e := range ss {
		if slices.Contains(e.words, st) {
			return true
		}
	}
	for _, t := range texts {
		if slices.Contains(contentWords(t), st) {
			return true
		}
	}
	return false
}

// briefWording picks the claim's wording for the brief: of the members
// that read alone, the one that best says itself what it is about (names,
// dates and numbers, few loose "the dam"s); ties go to the
// representative, which states the claim closest to all its versions.
func briefWording(r rankedClaim, ss []*sent) (briefCand, bool) {
	order := []*sent{r.rep}
	for _, m := range r.members {
		if ss[m] != r.rep {
			order = append(order, ss[m])
		}
	}
	var best briefCand
	bestScore, found := 0, false
	for _, s := range order {
		if t, ok := briefable(s); ok {
			if n := aloneScore(t, s.doc.surface); !found || n > bestScore {
				best, bestScore, found = briefCand{r: r, s: s, text: t}, n, true
			}
		}
	}
	if found {
		return best, true
	}
	for _, s := range order {
		if t, ok := attributedQuote(s); ok {
			return briefCand{r: r, s: s, text: t, quote: true}, true
		}
	}
	return best, false
}

// attributedQuote: a whole quotation followed by its speaker, named, and a
// verb of speech ("“…,” Trump wrote on Truth Social.") reads alone. The
// brief takes at most one, and only one that several outlets carry: the
// story's most repeated words, in the speaker's voice and marked as such.
func attributedQuote(s *sent) (string, bool) {
	t := stripDateline(s.text)
	if n := len(strings.Fields(t)); n < 8 || n > 60 {
		return t, false
	}
	r, _ := utf8.DecodeRuneInString(t)
	closing, ok := quoteMarks[r]
	if !ok || !balancedQuotes(t) || insideQuotation(s) || continuesSpeech(s) {
		return t, false
	}
	end := strings.LastIndex(t, string(closing))
	if end <= 0 {
		return t, false
	}
	tail := t[end+len(string(closing)):]
	if strings.ContainsAny(tail, `"“”`) {
		return t, false // more quotation after the attribution
	}
	verb := false
	for _, w := range lexWords(tail) {
		verb = verb || speechVerbs[w]
	}
	return t, verb && namesSomeone(tail, s.doc.surface) && !pronounSpeaker(tail)
}

// aloneScore rates how well a sentence says itself what it is about: the
// entity names, other capitalised words and numbers it writes outside its
// quotations, less two for each "the" and a noun nothing in it identifies.
func aloneScore(t string, names []nameForm) int {
	bare := stripQuoted(t)
	n := len(nameSpans(bare, names))
	for i, w := range rawWords(bare) {
		if i > 0 && isCapital(w) || strings.ContainsAny(w, "0123456789") {
			n++
		}
	}
	return n - 2*looseDefinites(bare)
}

// looseDefinites counts "the" and a lowercase noun that nothing in the
// sentence identifies ("the collapse", "the lower town").
func looseDefinites(bare string) int {
	toks := strings.Fields(bare)
	n := 0
	for i := 0; i+1 < len(toks); i++ {
		w := trimToken(toks[i+1])
		if trimToken(toks[i]) == "the" && !isCapital(toks[i+1]) && !stopwords[w] && !identified(toks, i, i+1) {
			n++
		}
	}
	return n
}

// brief picks at most five claims. A sentence citing two outlets or more
// always goes before one citing a single outlet, which only fills a brief
// the shared claims cannot; within a tier, claims more outlets and
// articles share and those near the top of articles come first, skipping
// repeats. The picked sentences then read as a reader needs them: what
// happened first, then what people said of it, each part in the order the
// articles tell it; each sentence cites every article that states it.
func brief(claims []rankedClaim, ss []*sent, pairs []pair) []model.SummarySentence {
	type cited struct {
		c       briefCand
		ids     []int64
		outlets []string
		score   float64
	}
	var cands []cited
	for _, r := range claims {
		if c, ok := briefWording(r, ss); ok {
			ids, outlets := supporters(c, ss, pairs)
			if c.quote && len(outlets) < 2 {
				continue
			}
			score := 2*float64(len(outlets)) + 0.5*float64(len(ids)) + (1 - r.pos)
			cands = append(cands, cited{c, ids, outlets, score})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		si, sj := len(cands[i].outlets) >= 2, len(cands[j].outlets) >= 2
		if si != sj {
			return si
		}
		return cands[i].score > cands[j].score
	})
	var picked []cited
	var pickedC []briefCand
	quoted := false
	for _, c := range cands {
		if len(picked) == briefLen {
			break
		}
		if c.c.quote && quoted {
			continue
		}
		if !repeats(c.c, pickedC) {
			picked, pickedC = append(picked, c), append(pickedC, c.c)
			quoted = quoted || c.c.quote
		}
	}
	sort.SliceStable(picked, func(i, j int) bool {
		ri, rj := isReaction(picked[i].c.text), isReaction(picked[j].c.text)
		if ri != rj {
			return rj
		}
		return picked[i].c.r.pos < picked[j].c.r.pos
	})
	out := make([]model.SummarySentence, 0, len(picked))
	for _, c := range picked {
		out = append(out, model.SummarySentence{Text: c.c.text, ArticleIDs: c.ids, Outlets: c.outlets})
	}
	return out
}

// isReaction: the sentence reports what someone said of the news (a
// quotation, a verb of speech or judgement, "according to") rather than
// the news itself. A closing attribution ("…, officials said.") only
// sources the news.
func isReaction(t string) bool {
	if strings.ContainsAny(t, `"“”`) {
		return true
	}
	if i := strings.LastIndex(t, ","); i > 0 {
		if tail := lexWords(t[i:]); len(tail) <= 4 && len(tail) > 0 && pronounSpeechVerbs[tail[len(tail)-1]] {
			t = t[:i]
		}
	}
	for _, w := range lexWords(t) {
		if pronounSpeechVerbs[w] || reactionVerbs[w] || w == "according" {
			return true
		}
	}
	return false
}

// reactionVerbs judge or answer the news.
var reactionVerbs = setOf(`criticized criticised condemned praised welcomed responded denied dismissed
slammed blasted accused defended urged blamed blames say tell add argue warn claim`)

// withOpeningName adds to the article's name forms the sentence's first
// word when the enrichment did not know it yet the article writes it with a
// capital inside sentences, as names are ("Holder told the students he…"):
// later pronouns may then point at it.
func withOpeningName(t string, d *doc) []nameForm {
	ws := rawWords(t)
	if len(ws) == 0 || !isCapital(ws[0]) || len(nameSpans(ws[0], d.surface)) > 0 {
		return d.surface
	}
	low := strings.ToLower(ws[0])
	if stopwords[low] || contextWords[low] || calendarWords[low] || !capitalisedInside(d, ws[0]) {
		return d.surface
	}
	return append(slices.Clip(d.surface), nameForm{form: ws[0], typ: "Person"})
}

// capitalisedInside: the article writes w, capitalised, inside a sentence.
func capitalisedInside(d *doc, w string) bool {
	for _, s := range d.sents {
		ws := rawWords(s.text)
		if len(ws) > 1 && slices.Contains(ws[1:], w) {
			return true
		}
	}
	return false
}

// supporters are the claim's articles and outlets, with any other article
// whose sentence states the brief's wording as closely as a claim's
// members do: grouping keeps one sentence per article and so can leave a
// supporting article out of the claim.
func supporters(c briefCand, ss []*sent, pairs []pair) ([]int64, []string) {
	sents := append([]model.Sentence(nil), c.r.c.Sentences...)
	for _, p := range pairs {
		if p.sim < claimSim {
			break // pairs are sorted by similarity, highest first
		}
		a, b := ss[p.a], ss[p.b]
		if b == c.s {
			a, b = b, a
		}
		if a == c.s && predicateCosine(a, b) >= predSim {
			sents = append(sents, sentenceOf(b))
		}
	}
	return citeSentences(sents)
}

func repeats(c briefCand, picked []briefCand) bool {
	for _, p := range picked {
		if cosine(c.s, p.s) >= briefOverlap {
			return true
		}
	}
	return false
}
