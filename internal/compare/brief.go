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
	// sentence already in the brief; repeatShare the share of its weight
	// another brief sentence carries at which it is a paraphrase of it.
	briefOverlap = 0.3
	repeatShare  = 0.35
)

// briefCand is a claim with the wording the brief would use for it.
type briefCand struct {
	r     rankedClaim
	s     *sent  // the member sentence that reads alone
	text  string // its text without a dateline
	quote bool   // a whole quotation with its named speaker
	// shown is the text as the brief shows it when it differs: a role
	// or pronoun replaced by the name, in brackets (resolvedOpening).
	shown string
}

// briefable keeps sentences that read well alone: a whole statement of
// moderate length, mostly in the outlet's voice, not leaning on context
// and not a piece of a longer quotation.
func briefable(s *sent) (string, bool) {
	t, fault := briefFault(s)
	return t, fault == ""
}

// briefFault is the sentence's text without a dateline and the first
// reason it cannot stand in the brief, "" when it can. The brief asks it
// of a sentence many times, so the answer is kept on the sentence.
func briefFault(s *sent) (string, string) {
	if s.fault == nil {
		t, f := findBriefFault(s)
		s.fault = &[2]string{t, f}
	}
	return s.fault[0], s.fault[1]
}

func findBriefFault(s *sent) (string, string) {
	t := stripDateline(s.text)
	n := len(strings.Fields(t))
	switch {
	case titleEcho(s):
		return t, "headline"
	case n < 8 || n > 45:
		return t, "length"
	case strings.HasSuffix(strings.TrimRight(t, `"'”’`), "?"):
		return t, "question"
	case strings.HasSuffix(strings.TrimSpace(t), ":"):
		return t, "introduces" // what it announces follows it
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
	case continuesSpeech(s) || quoteTail(s) || goesOn(t):
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

// quoteTail: the sentence splitter cut a quotation from its speaker
// ("“Have you gone today?” | Bachmann asked her followers…"): the sentence
// before, in the same paragraph, ends on a closing quotation mark, and
// this one opens on a name and a verb of speech.
func quoteTail(s *sent) bool {
	if s.pos == 0 {
		return false
	}
	prev := s.doc.sents[s.pos-1]
	end := strings.TrimSpace(prev.text)
	if prev.para != s.para || !strings.HasSuffix(end, `"`) && !strings.HasSuffix(end, "”") {
		return false
	}
	ws := lexWords(s.text)
	for i := 1; i < len(ws) && i <= 3; i++ {
		if pronounSpeechVerbs[ws[i]] {
			return true
		}
	}
	return false
}

// goesOn: the sentence only says its speaker went on ("Obama continued,
// calling out…", "Smith added"): what was said is in the sentence before.
func goesOn(t string) bool {
	ws := lexWords(t)
	for i := 1; i < len(ws) && i <= 3; i++ {
		switch ws[i] {
		case "continued", "added", "continues", "adds":
			next := ""
			if i+1 < len(ws) {
				next = ws[i+1]
			}
			return next != "that" && next != "to"
		}
	}
	return false
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
func briefWording(r rankedClaim, ss []*sent, usable func(*sent) bool) (briefCand, bool) {
	var order []*sent
	if usable(r.rep) {
		order = append(order, r.rep)
	}
	for _, m := range r.members {
		if ss[m] != r.rep && usable(ss[m]) {
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
		if c, ok := resolvedWording(r, s); ok {
			return c, true
		}
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

// cited is a brief candidate with the articles that state it.
type cited struct {
	c       briefCand
	ids     []int64
	outlets []string
	notes   []model.DisputedValue
	score   float64
	old     bool // background: every date it gives is years before the story
}

// brief writes at most five sentences. The first says what happened: the
// lead sentence most outlets agree with (leadLine). The others are the
// claims that read alone and that two outlets or more state (maxSingles);
// claims more outlets and articles share and those near the top of
// articles come first, skipping repeats and lines that leave a pronoun or
// a description unresolved (sharedFault). They then read
// as a reader needs them: what happened first, then what people said of
// it, each part in the order the articles tell it, background last. Each
// sentence cites the articles that state it, checked by content.
func brief(claims []rankedClaim, ss []*sent, bc briefContext) []model.SummarySentence {
	cands := briefCandidates(claims, ss, bc)
	var picked []cited
	if lead, ok := leadLine(bc); ok {
		picked = append(picked, lead)
	}
	quoted, singles := false, 0
	for _, c := range cands {
		if len(picked) == briefLen {
			break
		}
		single := len(c.outlets) < 2
		if c.c.quote && quoted || single && (singles == maxSingles || c.c.r.pos > singleDepth || c.c.s.pos < 2) ||
			quotedPronoun(c.c.text) || single && bc.singleFault(c.c.text, c.c.s) != "" || !single && len(picked) > 0 && bc.sharedFault(c.c.text, c.c.s) != "" ||
			bc.repeats(c.c, picked) {
			continue
		}
		picked = append(picked, c)
		quoted = quoted || c.c.quote
		if single {
			singles++
		}
	}
	picked = dropBackground(picked)
	rest := picked[min(1, len(picked)):]
	sort.SliceStable(rest, func(i, j int) bool {
		if rest[i].old != rest[j].old {
			return rest[j].old
		}
		ri, rj := isReaction(rest[i].c.text), isReaction(rest[j].c.text)
		if ri != rj {
			return rj
		}
		return rest[i].c.r.pos < rest[j].c.r.pos
	})
	adoptCitations(claims, ss, picked, bc)
	out := make([]model.SummarySentence, 0, len(picked))
	for _, c := range picked {
		text := c.c.text
		if c.c.shown != "" {
			text = c.c.shown
		}
		out = append(out, model.SummarySentence{Text: text, ArticleIDs: c.ids, Outlets: c.outlets, Disputed: c.notes})
	}
	return out
}

// A sentence only one outlet states could join the brief only from the top
// of its article (singleDepth of the way down at most, where the news is,
// not the colour and background below), but not its first two sentences,
// which retell the news the first line gives, and only past the stricter
// checks of singleFault; at most maxSingles of them. Judged samples of
// held-out stories found such lines leaning on sentences the brief does
// not show too often for the brief to vouch for (about one in five, each
// new draw finding new kinds), against one in ten for lines two outlets
// state, so the brief takes none: the first line and what other outlets
// confirm.
const (
	singleDepth = 0.35
	maxSingles  = 0
)

// adoptCitations adds to the claim behind each brief sentence the
// articles the brief cites for it, so that the coverage and its counts say
// what the brief says.
func adoptCitations(claims []rankedClaim, ss []*sent, picked []cited, bc briefContext) {
	owner := make(map[*sent]int)
	for i, r := range claims {
		for _, m := range r.members {
			owner[ss[m]] = i
		}
	}
	for _, c := range picked {
		i, ok := owner[c.c.s]
		if !ok {
			continue
		}
		have := make(map[int64]bool)
		for _, s := range claims[i].c.Sentences {
			have[s.ArticleID] = true
		}
		for _, s := range bc.citations(c.c.s) {
			if !have[s.ArticleID] && s.Text != "" {
				claims[i].c.Sentences = append(claims[i].c.Sentences, s)
				have[s.ArticleID] = true
			}
		}
		r := &claims[i].c
		r.ArticleIDs, r.Outlets = citeSentences(r.Sentences)
		var still []string
		for _, o := range r.NotFound {
			if !containsStr(r.Outlets, o) {
				still = append(still, o)
			}
		}
		r.NotFound = still
	}
}

// briefMin is the fewest lines a brief keeps before background fills it.
const briefMin = 3

// dropBackground leaves out background sentences (years-old facts) when
// the brief has enough news without them.
func dropBackground(picked []cited) []cited {
	news := 0
	for _, c := range picked {
		if !c.old {
			news++
		}
	}
	out := picked[:0]
	for _, c := range picked {
		if !c.old || news < briefMin {
			out = append(out, c)
			if c.old {
				news++
			}
		}
	}
	return out
}

// briefCandidates words every claim for the brief, cites it by content and
// ranks it: sentences two outlets or more state first.
func briefCandidates(claims []rankedClaim, ss []*sent, bc briefContext) []cited {
	var cands []cited
	for _, r := range claims {
		c, ok := briefWording(r, ss, bc.usable)
		if !ok {
			continue
		}
		ids, outlets := bc.cite(c.s)
		if c.quote && len(outlets) < 2 {
			continue
		}
		_, notes := bc.disputes.check(c.s)
		score := 2*float64(len(outlets)) + 0.5*float64(len(ids)) + (1 - r.pos)
		cands = append(cands, cited{c, ids, outlets, notes, score, bc.oldNews(c.s)})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		si, sj := len(cands[i].outlets) >= 2, len(cands[j].outlets) >= 2
		if si != sj {
			return si
		}
		return cands[i].score > cands[j].score
	})
	return cands
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
	if stopwords[low] || contextWords[low] || calendarWords[low] || groupNouns[low] || !capitalisedInside(d, ws[0]) {
		return d.surface
	}
	return append(slices.Clip(d.surface), nameForm{form: ws[0], typ: model.Person})
}

// groupNouns are capitalised plurals that name groups, not persons: a
// pronoun after them still needs its person.
var groupNouns = setOf(`republicans democrats americans conservatives liberals progressives independents
catholics christians muslims jews evangelicals`)

// capitalisedInside: the article writes w, capitalised, inside a sentence.
// The words found after the first of each sentence are gathered once per
// article (d.inside): the brief asks this of many sentences' first words.
func capitalisedInside(d *doc, w string) bool {
	if d.inside == nil {
		d.inside = map[string]bool{}
		for _, s := range d.sents {
			ws := rawWords(s.text)
			for _, x := range ws[min(1, len(ws)):] {
				d.inside[x] = true
			}
		}
	}
	return d.inside[w]
}

// repeats: a candidate says again what a picked sentence says, in the
// same words or as a paraphrase (most of its weight in the other).
func (bc briefContext) repeats(c briefCand, picked []cited) bool {
	for _, p := range picked {
		if c.s == p.c.s || cosine(c.s, p.c.s) >= briefOverlap ||
			bc.cv.sharesIn(c.s, bc.cv.sentTerms(p.c.s, nil)).all >= repeatShare ||
			bc.cv.sharesIn(p.c.s, bc.cv.sentTerms(c.s, nil)).all >= repeatShare {
			return true
		}
	}
	return false
}
