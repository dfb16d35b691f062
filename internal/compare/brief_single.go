package compare

import (
	"strings"
)

// A line only one outlet states has nobody to confirm it, and judged
// samples showed such lines lean on their article far more often than
// shared ones (24/29 against 9/10 standing alone). So on top of the
// stand-alone rules it must open on a named subject, report an event or a
// statement rather than the outlet's own assessment, quote nobody's "he"
// or "they", and speak of no "the hearing" the story's headlines and leads
// never mention. The brief now takes no such line (maxSingles is 0); the
// rules of reference among these also hold every line past the first
// (sharedFault) and the first line itself.

// singleFault names the first stricter rule a single-outlet line breaks,
// "" when it passes. t is the line's text, s the sentence it comes from.
func (bc briefContext) singleFault(t string, s *sent) string {
	return bc.lineFault(t, s, true)
}

// sharedFault names the first rule a line two outlets or more state
// breaks: the rules of reference a single-outlet line keeps (no pronoun or
// "the hearing" it leaves unresolved, no "An interim report" that names
// nothing), not those of judgement, since several outlets vouch for what
// it says, and a subject may be a description ("The regional council")
// when the line names something.
func (bc briefContext) sharedFault(t string, s *sent) string {
	return bc.lineFault(t, s, false)
}

func (bc briefContext) lineFault(t string, s *sent, single bool) string {
	bare := stripQuoted(t)
	toks := strings.Fields(bare)
	switch {
	case single && !namedSubject(toks, s.doc):
		return "subject"
	case !single && unnamedIndefinite(toks, s.doc):
		return "subject"
	case single && assessment(toks):
		return "assessment"
	case single && judging(bare):
		return "judging"
	case quotedPronoun(t):
		return "quoted-pronoun"
	case quotedDemonstrative(t):
		return "quoted-demonstrative"
	case thingPronoun(bare, s.doc.surface):
		return "pronoun"
	case bc.unknownDefinite(toks):
		return "unknown-definite"
	}
	return ""
}

// openingPhrase is how many tokens an opening adverbial takes ("On
// Tuesday,", "As president,", "Before the reading began,"): a preposition
// or subordinator, up to the first comma within a dozen words. 0 when the
// sentence opens on its subject.
func openingPhrase(toks []string) int {
	if len(toks) == 0 || !phraseOpeners[trimToken(toks[0])] {
		return 0
	}
	for i, tk := range toks[:min(12, len(toks))] {
		if strings.HasSuffix(tk, ",") {
			return i + 1
		}
	}
	return 0
}

var phraseOpeners = setOf(`on in at after before during as since only for while when although though
despite following with without amid under until by from once upon within throughout last earlier`)

// namedSubject: after any opening phrase the subject is a name, perhaps
// with a title or a description before it ("Real estate tycoon Donald
// Trump", "Grimm's lawyer, William McGinley,"), within its first six
// words; it does not open on an indefinite ("A sitting congressman", "Two
// heartland states", "Some sheriffs") nor on a determiner before the name
// ("The Arizona group", "the House" in "members of the House"), except
// "The" and a name that is itself the subject ("The NAACP adopted…").
func namedSubject(toks []string, d *doc) bool {
	k := openingPhrase(toks)
	if k >= len(toks) || subjectIndefinites[trimToken(toks[k])] {
		return false
	}
	for i := k; i < min(k+6, len(toks)); i++ {
		if !nameToken(toks, i, d) {
			if subjectDeterminers[trimToken(toks[i])] && !(i == k && strings.EqualFold(toks[i], "the")) {
				return false
			}
			continue
		}
		if i > k && strings.EqualFold(toks[k], "the") && i == k+1 {
			return theNameHeads(toks, i, d)
		}
		return true
	}
	return false
}

// unnamedIndefinite: the subject opens on an indefinite ("An interim
// report", "Some residents") and nothing in the line is a name, so what it
// speaks of is in the article.
func unnamedIndefinite(toks []string, d *doc) bool {
	k := openingPhrase(toks)
	if k >= len(toks) || !subjectIndefinites[trimToken(toks[k])] {
		return false
	}
	for i := range toks {
		if nameToken(toks, i, d) {
			return false
		}
	}
	return true
}

// theNameHeads: after "The" and a name, the name is the subject's head
// (a verb, a comma or the end follows) or it modifies a noun that one name
// owns ("The Obama administration"), not a description ("The Arizona
// group").
func theNameHeads(toks []string, i int, d *doc) bool {
	j := i
	for j+1 < len(toks) && nameToken(toks, j+1, d) && !strings.HasSuffix(toks[j], ",") {
		j++
	}
	if strings.HasSuffix(toks[j], ",") || j+1 >= len(toks) {
		return true
	}
	next := trimToken(toks[j+1])
	return ownedHeads[next] || verbLike(next)
}

// ownedHeads are nouns a name identifies by itself: there is one Obama
// administration, but many Arizona groups.
var ownedHeads = setOf(`administration government campaign family`)

// subjectIndefinites open a subject the article has not named.
var subjectIndefinites = setOf(`a an some one many several two three four five six seven eight nine ten
few most all no other others another each every any more dozens hundreds thousands`)

// subjectDeterminers before a name mean the name only modifies the subject.
var subjectDeterminers = setOf(`the this that these those his her its their our my your a an`)

// nameToken: the token at i is (part of) a name: a form of one of the
// article's entities, an acronym, or a word written with a capital inside
// the sentence; the sentence's first word counts when the article
// writes it with a capital inside sentences too.
func nameToken(toks []string, i int, d *doc) bool {
	w := strings.TrimLeft(toks[i], `("“‘'`)
	if !isCapital(w) {
		return false
	}
	core := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), ",.;:")
	low := strings.ToLower(core)
	if stopwords[low] || contextWords[low] || calendarWords[low] {
		return false
	}
	if i > 0 {
		return true
	}
	return isAcronym(core) || len(nameSpans(core, d.surface)) > 0 || capitalisedInside(d, core)
}

// verbLike: a word that can be the verb after a subject.
func verbLike(w string) bool {
	return auxiliaries[w] || negatedAux[w] || pastVerbs[w] || pronounSpeechVerbs[w] || speechVerbs[w] ||
		strings.HasSuffix(w, "ed") && len(w) > 3 || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3
}

// assessment: the sentence's verb is a copula or a modal with no event
// in it ("Mr. Ryan was no Dan Quayle", "Etheridge appears irritated",
// "Labrador would represent several firsts") and nobody is given as saying
// so: the outlet's own judgement, which one outlet alone cannot vouch for.
// A passive ("was sentenced") and "will" report events.
func assessment(toks []string) bool {
	for i := openingPhrase(toks); i < min(len(toks), 16); i++ {
		w := trimToken(toks[i])
		if judgingModals[w] {
			return !saysWho(toks)
		}
		if !copulas[w] {
			if verbLike(w) && i > 0 && !isCapital(toks[i]) && !strings.HasSuffix(w, "s") {
				return false // a past tense: the sentence reports an event
			}
			continue
		}
		if i+1 < len(toks) && participle(trimToken(toks[i+1])) {
			return false
		}
		return !saysWho(toks)
	}
	return false
}

var copulas = setOf(`is was are were be been appears appeared seems seemed remains remained becomes became`)

var judgingModals = setOf(`would could might may should must`)

// participle: a past participle after a copula makes a passive.
func participle(w string) bool {
	return isParticiple(w) || strings.HasSuffix(w, "en") || moreParticiples[w]
}

// moreParticiples are irregular participles isParticiple does not list.
var moreParticiples = setOf(`told shot hit put caught sworn lost left kept fought met`)

// saysWho: the sentence says who holds what it states ("…, he said",
// "according to").
func saysWho(toks []string) bool {
	for _, tk := range toks {
		w := trimToken(tk)
		if pronounSpeechVerbs[w] || speechVerbs[w] || reactionVerbs[w] {
			return true
		}
	}
	return false
}

// judging: the outlet's own words load or hedge what it reports ("blasted",
// "embattled", "clearly delighted", "reportedly"): a stance one outlet
// alone takes.
func judging(bare string) bool {
	for _, w := range ownWords(bare) {
		if _, ok := loadedIndex[w]; ok || stanceWords[w] {
			return true
		}
	}
	return false
}

// stanceWords are adverbs by which a writer judges or hedges.
var stanceWords = setOf(`clearly obviously apparently reportedly seemingly visibly arguably surely undoubtedly
predictably remarkably ironically notably curiously strangely oddly unsurprisingly allegedly supposedly
evidently presumably presumed perhaps probably apparent alleged`)

// thingPronoun: "it" or "they" stands for something the line does not
// name ("Trump said it was a mistake"): before the pronoun there is no
// organisation or place, and for "it" no common noun, for "they" no
// plural, it could stand for. An "it" that stands for nothing ("it is
// likely") is no reference.
func thingPronoun(bare string, names []nameForm) bool {
	spans := nameSpans(bare, names)
	ws := rawWords(bare)
	off, thing, noun, plural := 0, false, false, false
	for i, w := range ws {
		at := strings.Index(bare[off:], w) + off
		off = at + len(w)
		low := strings.ToLower(w)
		if inName, person := nameAt(spans, at); inName {
			thing = thing || !person
			continue
		}
		switch {
		case (low == "it" || low == "its") && !thing && !noun:
			if low == "its" || i+1 >= len(ws) || !expletiveNext[strings.ToLower(ws[i+1])] {
				return true
			}
		case (low == "they" || low == "them" || low == "their") && !thing && !plural:
			return true
		}
		if !isCapital(w) && !stopwords[low] && !verbLike(low) && !thirdPerson[low] {
			noun = true
		}
		plural = plural || strings.HasSuffix(low, "s") && !stopwords[low] && !pronounSpeechVerbs[low] && !speechVerbs[low]
	}
	return false
}

// quotedPronoun: a quotation in the line speaks of "he" or "they" and
// names nobody before it, so whom it means is in the article ("Not a
// single thing he said is accurate").
func quotedPronoun(t string) bool {
	for _, q := range quotedSpans(t) {
		for _, w := range rawWords(q) {
			low := strings.ToLower(w)
			if thirdPerson[low] {
				return true
			}
			if isCapital(w) && !stopwords[low] && !contextWords[low] {
				break // a name the pronoun may stand for
			}
		}
	}
	return false
}

// quotedDemonstrative: a quotation in the line says "that was" or "this
// is" of something it does not name ("I remember how humiliating that
// was", "That's why we left"): the demonstrative heads a clause (at the
// quotation's start, after a comma, a conjunction, a verb of thought or
// an adjective in -ing) rather than following the noun it would qualify
// ("the decision that was made").
func quotedDemonstrative(t string) bool {
	for _, q := range quotedSpans(t) {
		toks := strings.Fields(q)
		for i, tk := range toks {
			w := strings.ReplaceAll(trimToken(tk), "’", "'")
			contracted := w == "that's" || w == "this's"
			if !contracted && (w != "that" && w != "this" || i+1 >= len(toks) || !auxiliaries[trimToken(toks[i+1])] || strings.HasSuffix(tk, ",")) {
				continue
			}
			if i == 0 || strings.HasSuffix(toks[i-1], ",") || clauseHeads[trimToken(toks[i-1])] || strings.HasSuffix(trimToken(toks[i-1]), "ing") {
				return true
			}
		}
	}
	return false
}

// clauseHeads may stand before a demonstrative that opens a clause.
var clauseHeads = setOf(`and but so because how why what when if think know remember believe said says`)

// unknownDefinite: outside quotations the line speaks of "the" and a noun
// nothing in it identifies and that no headline or lead of the story
// mentions ("during the hearing", "the call"): the article introduced it.
func (bc briefContext) unknownDefinite(toks []string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if trimToken(toks[i]) != "the" || isCapital(toks[i+1]) {
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(trimToken(toks[i+1]), "'s"), "’s")
		if stopwords[w] || timeNouns[w] || identified(toks, i, i+1) {
			continue
		}
		if !bc.known[stem(w)] {
			return true
		}
	}
	return false
}

// storyKnown lists the content stems of every headline and lead of the
// story: what a reader of the brief has met.
func storyKnown(docs []*doc) map[string]bool {
	out := make(map[string]bool)
	for _, d := range docs {
		for t := range leadTerms(d) {
			out[t] = true
		}
	}
	return out
}
