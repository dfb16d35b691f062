package enrich

import (
	"strings"
	"unicode"

	"parallax/internal/model"
)

// Context that types names no lexicon knows: "in Serenport", "the village
// of Carrow", "Kastrova, the Marovian city", "the state operator
// Valdhydro", and a country named beside its own adjective ("Valdora" with
// "Valdoran farmers").

// locativeAt reports a name in a place position: after "in", "near",
// "from" and the like, after "the town of", or later in a list that
// starts there ("in Dunmere, Carrow and Little Asel").
func (d *doc) locativeAt(p *para, k int) bool {
	if e := runEnd(p, k); e+1 < len(p.toks) && locative(p, e+1) {
		return locative(p, k) || placeOf(p, k) // "Odile Fenn in Serenport" is no list item
	}
	for steps := 0; steps < 6 && k >= 0; steps++ {
		if locative(p, k) || placeOf(p, k) {
			return true
		}
		k = listPrev(p, k)
	}
	return false
}

// placeOf reports "the village of X", "the island of X", "the mayor of
// X".
func placeOf(p *para, k int) bool {
	if k < 2 || p.toks[k].sep != " " || p.toks[k-1].lower != "of" || p.toks[k-1].sep != " " {
		return false
	}
	t := p.toks[k-2]
	return !t.cap && (placeNouns[t.lower] || placeRoles[t.lower])
}

// placeRoles are offices held over a place ("the mayor of X").
var placeRoles = toSet([]string{`mayor mayors governor governors premier`})

// listPrev returns where the previous item of a list of names starts when
// the name at k is a later item ("Carrow and Little Asel", "Dunmere,
// Carrow and …"), or -1.
func listPrev(p *para, k int) int {
	if k < 2 {
		return -1
	}
	end := -1
	switch {
	case p.toks[k-1].lower == "and" && p.toks[k].sep == " " && (p.toks[k-1].sep == " " || p.toks[k-1].sep == ", "):
		end = k - 1
	case p.toks[k].sep == ", " && listGoesOn(p, k):
		end = k
	default:
		return -1
	}
	s := end - 1
	if s < 0 || !p.toks[s].cap {
		return -1
	}
	for s > 0 && p.toks[s].sep == " " && p.toks[s-1].cap {
		s--
	}
	return s
}

// listGoesOn reports that the run of capitals starting at k is followed by
// "and" or by a comma and another capital, as a middle item of a list is
// (not "of Hoboken, Dawn Zimmer, said").
func listGoesOn(p *para, k int) bool {
	e := runEnd(p, k)
	return e < len(p.toks) && (p.toks[e].lower == "and" && p.toks[e].sep == " " || p.toks[e].sep == ", " && p.toks[e].cap)
}

// runEnd returns the end of the run of capitalised words starting at k.
func runEnd(p *para, k int) int {
	e := k + 1
	for e < len(p.toks) && p.toks[e].sep == " " && p.toks[e].cap {
		e++
	}
	return e
}

// clauseGoesOn reports that what follows token e-1 does not continue a
// noun phrase: punctuation, the end, or a function word, preposition or
// verb of saying ("in Serenport on Friday", "in Kastrova was").
func clauseGoesOn(p *para, e int) bool {
	if e >= len(p.toks) || strings.TrimSpace(p.toks[e].sep) != "" {
		return true
	}
	t := p.toks[e]
	return !t.cap && (functionWords[t.lower] || prepositions[t.lower] || speechVerbs[t.lower])
}

// contextHint guesses what an untitled name is from the words around it:
// model.Place, model.Organisation or "". feature is set for a name before a
// lower-case feature noun ("the Tessel reservoir"), which may be the short
// form of a longer name ("Corvane Dam").
func (d *doc) contextHint(p *para, m mention) (hint string, feature bool) {
	k, e := m.tok0, m.tok1
	afterAt := k > 0 && p.toks[k-1].lower == "at" // "at Valdhydro" is as often a company
	if e-k == 1 && !afterAt && d.locativeAt(p, k) && clauseGoesOn(p, e) {
		return model.Place, false
	}
	if e < len(p.toks) && p.toks[e].sep == " " && !p.toks[e].cap && featureNouns[p.toks[e].lower] && !p.toks[e-1].poss {
		return model.Place, true
	}
	if h := appositiveKind(p, e); h != "" {
		return h, false
	}
	if orgNounBefore(p, k) || e-k == 1 && headsOfOrgs(p, e) {
		return model.Organisation, false
	}
	return "", false
}

// headsOfOrgs reports "Valdhydro chief Marten Voss": a lower-case word for
// the head or voice of an organisation between a word and a name.
func headsOfOrgs(p *para, e int) bool {
	if e+1 >= len(p.toks) || p.toks[e].sep != " " || p.toks[e+1].sep != " " || p.toks[e-1].poss {
		return false
	}
	return orgRoles[p.toks[e].lower] && p.toks[e+1].cap
}

// orgRoles are roles held in an organisation rather than over a place.
var orgRoles = toSet([]string{`chief spokesman spokeswoman spokesperson director executive boss founder chairman
chairwoman ceo`})

// appositiveKind reads ", the Marovian city" or ", the state-owned company"
// after a name: the kind of place or organisation it is, or "".
func appositiveKind(p *para, e int) string {
	if e+1 >= len(p.toks) || !strings.HasPrefix(p.toks[e].sep, ",") {
		return ""
	}
	switch p.toks[e].lower {
	case "the", "a", "an":
	default:
		return ""
	}
	for k := e + 1; k < len(p.toks) && k <= e+4 && p.toks[k].sep == " "; k++ {
		t := p.toks[k]
		if t.poss {
			return ""
		}
		if !t.cap && (placeNouns[t.lower] || orgNouns[t.lower]) {
			if k+1 < len(p.toks) && p.toks[k+1].sep == " " && descriptorWord(p.toks[k+1].lower) {
				return "" // ", the party leader"
			}
			if placeNouns[t.lower] {
				return model.Place
			}
			return model.Organisation
		}
		if !adjectiveLike(t) {
			return ""
		}
	}
	return ""
}

// adjectiveLike reports a word that can stand between a determiner and
// its noun: a role modifier, a nationality, a compound ("state-owned") or
// a word shaped like an adjective.
func adjectiveLike(t token) bool {
	if roleModifiers[t.lower] || demonyms[t.lower] != "" || strings.Contains(t.lower, "-") {
		return true
	}
	for _, suf := range []string{"ed", "al", "ian", "an", "ic", "ern", "ish", "ese", "ive"} {
		if strings.HasSuffix(t.lower, suf) {
			return true
		}
	}
	return false
}

// orgNounBefore reports "the state-run operator Valdhydro", "the company
// Valdhydro": a lower-case organisation noun right before the name, in a
// phrase opened by an article.
func orgNounBefore(p *para, k int) bool {
	if k == 0 || p.toks[k].sep != " " {
		return false
	}
	n := p.toks[k-1]
	if n.cap || !orgNouns[n.lower] {
		return false
	}
	for i := k - 2; i >= 0 && i >= k-4; i-- {
		switch p.toks[i].lower {
		case "the", "a", "an":
			return true
		}
		if p.toks[i+1].sep != " " {
			return false
		}
	}
	return false
}

// adjectiveOf reports whether the text uses a word derived from name as an
// adjective ("Valdoran farmers" for Valdora, "Marovian steel", "Italian
// wine" for Italy), which makes name a country or a region.
func (d *doc) adjectiveOf(name string) bool {
	w := strings.ToLower(name)
	if len([]rune(w)) < 4 || strings.ContainsAny(w, " -") {
		return false
	}
	rs := []rune(w)
	stem := string(rs[:len(rs)-1]) // "Italy" → "ital" + "ian"
	for _, form := range []string{w + "n", w + "an", w + "ian", w + "ese", stem + "an", stem + "ian"} {
		if d.adjSeen[form] {
			return true
		}
	}
	return false
}

// noteAdjectives records capitalised words used before another word
// ("Valdoran farmers", "Marovian President") or in a compound
// ("Valdoran-made"), for adjectiveOf.
func (d *doc) noteAdjectives(p *para) {
	for k := range p.toks {
		t := p.toks[k]
		if first, _, ok := strings.Cut(t.lower, "-"); ok && t.cap {
			d.adjSeen[first] = true
		}
		if k+1 == len(p.toks) {
			break
		}
		next := p.toks[k+1]
		if t.cap && !t.poss && next.sep == " " && unicode.IsLetter(rune(next.lower[0])) {
			d.adjSeen[t.lower] = true
		}
	}
}
