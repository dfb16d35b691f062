package enrich

import (
	"strings"

	"parallax/internal/model"
)

type mentionKind int

const (
	nameMention    mentionKind = iota
	roleMention                // "the Ukrainian president"
	pronounMention             // "he", "she", "they"
)

// mention is one reference to a person, place or organisation.
type mention struct {
	para       int // index into doc.paras
	tok0, tok1 int // token range [tok0, tok1) of the reference
	start, end int // byte range in the paragraph
	surface    string
	kind       mentionKind
	typ        string // model.Person, model.Place, model.Organisation
	role       role   // the role the text gives this person here
	gender     byte
	titled     bool   // a person title precedes it ("Mr.", "President")
	ent        int    // index into doc.ents, -1 when unresolved
	afterPrep  bool   // the object of a preposition, or a modifier ("the Obama administration")
	inQuote    bool   // inside quotation marks: named by a speaker, not speaking
	desc       string // how the text describes a person here (see describe)
	// hint is what the words around an untitled name say it is
	// (model.Place after "in", model.Organisation after "the company"), or
	// ""; hintFeature marks a place hint from a following feature noun
	// ("the Corvane reservoir"), which may shorten a longer name.
	hint        string
	hintFeature bool
	// fixed marks a name that modifies another ("Green Alliance" in
	// "Green Alliance MP Rasmus Ekker") or stands in a dateline or credit
	// line: never a speaker.
	fixed bool
}

// nameish reports whether token k can be part of a name.
func (d *doc) nameish(p *para, k int) bool {
	t := p.toks[k]
	if !t.cap || t.shout || functionWords[t.lower] || notNames[t.lower] {
		return false
	}
	if t.sentStart && (d.lowerSeen[t.lower] && !titleBeforeName(p, k) || sentenceOpeners[t.lower] || invertedSpeech(t)) {
		return false
	}
	if genericWord(t) || roleWordPlural(t) && !continuesName(p, k) {
		return false // "Nobody", "Officials", "Rural Party MPs"
	}
	if compoundAdjective(t) {
		return false // "Republican-led", "Kyiv-based"
	}
	if leadingParticiple(t) && k+1 < len(p.toks) && p.toks[k+1].cap {
		return false // "Visiting Dunmere, the minister …"
	}
	return true
}

// invertedSpeech reports a speech verb in the past opening a sentence
// before its speaker ("Continued Stone:", "Added Pell, …").
func invertedSpeech(t token) bool {
	return speechVerbs[t.lower] && (strings.HasSuffix(t.lower, "ed") || irregularPasts[t.lower] || t.lower == "said" || t.lower == "wrote")
}

// titleBeforeName reports a title opening a sentence before a name or its
// complement ("Secretary of State Ana Pell"), which a title the text also
// writes in lower case ("the secretary") still is.
func titleBeforeName(p *para, k int) bool {
	if !isTitle(p.toks[k].lower) || k+1 >= len(p.toks) || p.toks[k+1].sep != " " {
		return false
	}
	next := p.toks[k+1]
	return next.cap || next.lower == "of" && k+2 < len(p.toks) && p.toks[k+2].cap
}

// continuesName reports a word inside a longer name: after "of" ("House
// of Representatives") or before another capital ("Republican Governors
// Association").
func continuesName(p *para, k int) bool {
	return k > 0 && p.toks[k-1].lower == "of" ||
		k+1 < len(p.toks) && p.toks[k+1].cap && p.toks[k+1].sep == " "
}

// compoundAdjective reports a hyphenated word whose last part is lower
// case: an adjective made from a name, not the name.
func compoundAdjective(t token) bool {
	i := strings.LastIndexByte(t.text, '-')
	return i > 0 && i+1 < len(t.text) && t.text[i+1] >= 'a' && t.text[i+1] <= 'z'
}

// findRuns appends the name mentions of one body paragraph.
func (d *doc) findRuns(pi int) {
	p := d.paras[pi]
	for k := 0; k < len(p.toks); {
		if !d.nameish(p, k) {
			k++
			continue
		}
		e := k + 1
		for e < len(p.toks) && e-k < 9 && d.joins(p, e) {
			e++
		}
		for e > k+1 && !p.toks[e-1].cap { // no trailing "of" or particle
			e--
		}
		d.addRun(pi, k, e)
		k = e
	}
}

// joins reports whether token e continues the run that ends at e-1.
func (d *doc) joins(p *para, e int) bool {
	prev, t := p.toks[e-1], p.toks[e]
	if prev.poss && !possessiveOrg(p, e) {
		return false
	}
	switch t.sep {
	case " ", "\u00a0":
	case "' ", "’ ": // "Harbour Pilots' Association"
		if !strings.HasSuffix(prev.lower, "s") || !possessiveOrg(p, e) {
			return false
		}
	case ". ":
		if !(isTitle(prev.lower) || len([]rune(prev.text)) == 1 || prev.lower == "st" || prev.lower == "mt" || prev.lower == "ft") {
			return false
		}
	default:
		return false
	}
	if d.nameish(p, e) {
		return true
	}
	if e+1 >= len(p.toks) || !p.toks[e+1].cap || p.toks[e+1].sep != " " {
		return false
	}
	if nameParticles[t.lower] {
		return true
	}
	return (t.lower == "of" || t.lower == "for") && (isOrgHead(prev.lower) || isTitle(prev.lower) || prev.lower == "republic") ||
		t.lower == "of" && placeOfHeads[prev.lower] // "Gulf of Sarn"
}

// possessiveOrg reports an organisation head ending a name after a
// possessive ("West Coast Fishermen's Association", "Children's
// Hospital"), unless the possessor is a place ("Norvala's Parliament").
func possessiveOrg(p *para, e int) bool {
	t := p.toks[e]
	if !t.cap || !isOrgHead(t.lower) || strings.TrimLeft(t.sep, "'’") != " " || isPlace(foldName(p.toks[e-1].text)) {
		return false
	}
	if e >= 2 && givenNames[p.toks[e-2].lower] != 0 {
		return false // "Linda McMahon's Senate campaign"
	}
	return clauseGoesOn(p, e+1) // and not a modifier ("…'s Senate campaign")
}

// addRun splits a run of capitalised words into its title prefix and the
// name, types the name and records the mention.
func (d *doc) addRun(pi, k, e int) {
	p := d.paras[pi]
	split := titleSplit(p.toks[k:e])
	core := k + split
	if core >= e {
		if e-k == 1 {
			d.addLoneTitle(pi, k) // "King" may be a family name
		}
		return
	}
	d.addPrefixName(pi, k, core)
	m := mention{para: pi, tok0: core, tok1: e, start: p.toks[core].start, end: p.toks[e-1].end, ent: -1}
	m.surface = p.text[m.start:m.end]
	prefix := p.toks[k:core]
	before := d.roleBefore(p, k)
	if k > 0 && p.toks[k].sep == " " && (p.toks[k-1].lower == "of" || p.toks[k-1].lower == "for") {
		before = nil // "the mayor of Dunmere": the role is someone else's
	}
	m.role = roleFrom(append(before, prefix...))
	m.titled = m.role.head != "" || hasTitle(prefix) || hasTitle(before)
	m.gender = titleGender(append(before, prefix...))
	m.afterPrep = objectOfPreposition(p, k-len(before)) && !clauseSubject(p, k-len(before), e)
	m.typ = d.typeOf(p, m)
	if m.typ == "" {
		return
	}
	if (m.typ == model.Person || m.typ == unknownType) && !m.titled && givenNames[p.toks[core].lower] == 0 {
		m.hint, m.hintFeature = d.contextHint(p, m)
	}
	if m.typ == model.Person || m.typ == unknownType {
		m.desc = d.describe(p, k, core, e)
	}
	if m.typ == model.Person && m.role.head == "" {
		m.role = d.appositiveRole(p, e)
		if m.role.head == "" {
			m.role = d.roleBeforeComma(p, k)
		}
	}
	d.mentions = append(d.mentions, m)
}

// typeOf decides what a name is, or "" when it is not an entity.
func (d *doc) typeOf(p *para, m mention) string {
	ts := p.toks[m.tok0:m.tok1]
	if eventName(ts) {
		return ""
	}
	f := foldName(m.surface)
	if len(ts) == 1 && genericOrg(ts[0], f) {
		return "" // "Police", "Hospital", "the Post": a common noun
	}
	if len(ts) == 1 {
		if (demonyms[ts[0].lower] != "" || partyWords[ts[0].lower]) && !m.titled {
			return "" // "Norvalian", "Republican": a side, not a name
		}
		if _, ok := givenNames[ts[0].lower]; ok && m.titled {
			return model.Person
		}
	}
	switch {
	case knownOrgs[f] || isOrgHead(ts[len(ts)-1].lower) || (len(ts) > 2 && anyOrgHead(ts) && !m.titled):
		if m.titled && len(ts) > 1 && !isOrgHead(ts[len(ts)-1].lower) {
			return model.Person
		}
		return model.Organisation
	case isPlace(f) || featureName(ts) && !m.titled && givenNames[ts[0].lower] == 0:
		return model.Place
	case m.titled:
		return model.Person
	case len(ts) == 1:
		return d.singleType(p, m)
	case isAcronym(ts[0].text):
		return model.Organisation
	case givenNames[ts[0].lower] == 0 && d.locativeAt(p, m.tok0):
		return model.Place // "in Port Aldane"
	}
	return model.Person
}

// genericOrg reports a lone organisation head that is a common noun
// ("Police", "Army", "Post"), not an institution named by it alone
// ("Congress") nor a known organisation or an acronym.
func genericOrg(t token, folded string) bool {
	return isOrgHead(t.lower) && !standaloneOrgs[t.lower] && !knownOrgs[folded] && !isAcronym(t.text)
}

// featureName reports the name of a geographic feature or street: "Hesk
// Valley", "Mill Street", "River Asel", "Gulf of Sarn".
func featureName(ts []token) bool {
	return len(ts) > 1 && (placeHeads[ts[len(ts)-1].lower] || placeFirsts[ts[0].lower])
}

func anyOrgHead(ts []token) bool {
	for _, t := range ts {
		if isOrgHead(t.lower) {
			return true
		}
	}
	return false
}

// locative reports a name right after "in", "at", "near" or the like.
func locative(p *para, k int) bool {
	if k == 0 || p.toks[k].sep != " " {
		return false
	}
	switch p.toks[k-1].lower {
	case "in", "at", "near", "across", "outside", "inside", "around", "toward", "towards", "from":
		return true
	}
	return false
}

// singleType types a lone capitalised word with no title: an acronym is an
// organisation; a word followed by a speech verb is a person; anything
// else may be a person's family name, decided later from full names.
func (d *doc) singleType(p *para, m mention) string {
	t := p.toks[m.tok0]
	if isAcronym(t.text) {
		return model.Organisation
	}
	if m.tok1 < len(p.toks) && p.toks[m.tok1].sep == " " && speechVerbs[p.toks[m.tok1].lower] {
		return model.Person
	}
	if next := m.tok1; !t.sentStart && next < len(p.toks) && p.toks[next].sep == " " && pastShaped(p.toks[next]) &&
		givenNames[t.lower] == 0 && !d.lowerSeen[t.lower] && !objectOfPreposition(p, m.tok0) && !strings.ContainsAny(t.text, "0123456789") {
		return model.Person // "…, Pell compared herself to Brandt": a family name acting
	}
	if n := m.tok1; n < len(p.toks) && p.toks[n].lower == "who" && strings.TrimSpace(p.toks[n].sep) == "," && givenNames[t.lower] == 0 &&
		!t.sentStart {
		return model.Person // "Humphrey, who …": "who" stands for a person
	}
	if afterClosingMark(t.sep) && speechVerbAhead(p, m.tok1, 4) {
		return model.Person // ""…," Marrow, 62, said": the attribution after a quotation
	}
	return unknownType
}

// afterClosingMark reports a separator that closes a quotation.
func afterClosingMark(sep string) bool {
	return strings.ContainsAny(sep, "”\"") && strings.ContainsAny(sep, ",?!")
}

// speechVerbAhead reports a speech verb within n tokens from k, in the
// sentence of token k-1.
func speechVerbAhead(p *para, k, n int) bool {
	for j := k; j < len(p.toks) && j < k+n && k > 0 && p.toks[j].sent == p.toks[k-1].sent; j++ {
		if speechVerbs[p.toks[j].lower] {
			return true
		}
	}
	return false
}

// unknownType marks a lone word that is an entity only if it names one
// found elsewhere in the article.
const unknownType = "?"

var eventWords = toSet([]string{`war crisis summit games olympics cup act bill law amendment plan treaty agreement
accord deal program programme initiative award prize day week month year eve christmas easter ramadan
doctrine strategy protocol memorandum resolution report index era revolution principles guidelines
medicare medicaid obamacare`})

// eventName reports names of events, laws and the like, which are not
// people, places or organisations.
func eventName(ts []token) bool {
	for i, t := range ts {
		if i == 0 && len(ts) > 1 && givenNames[t.lower] != 0 {
			continue // "Bill Okafor" is a person
		}
		if eventWords[t.lower] {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	n := 0
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// isPlace reports whether a folded name is a known place.
func isPlace(f string) bool {
	if to, ok := exonyms[f]; ok {
		f = to
	}
	return placeNames[f] || placeNames[strings.TrimPrefix(f, "the ")]
}

// objectOfPreposition reports whether the words from token k follow a
// preposition, past any determiner ("with a New York Post reporter"), or
// directly follow "the" or "a", which makes a name a modifier ("the Obama
// administration") rather than a subject.
func objectOfPreposition(p *para, k int) bool {
	start := k
	for k > 0 && !opensClause(p.toks[k].sep) && strings.TrimSpace(p.toks[k].sep) == "" {
		switch w := p.toks[k-1].lower; {
		case prepositions[w]:
			return true
		case (w == "the" || w == "a") && k == start && !p.toks[k-1].cap:
			return true
		case w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "its" || w == "their":
			k--
		default:
			return false
		}
	}
	return false
}

// clauseSubject reports a name after a word that is a conjunction here,
// not a preposition: "after Karvik publicly chided the mayor", "before
// Pell said": a verb follows the name.
func clauseSubject(p *para, k, e int) bool {
	if k == 0 || e >= len(p.toks) || p.toks[e].sep != " " {
		return false
	}
	switch p.toks[k-1].lower {
	case "after", "before", "since", "until", "as", "while", "when":
	default:
		return false
	}
	v := p.toks[e]
	if strings.HasSuffix(v.lower, "ly") && e+1 < len(p.toks) && p.toks[e+1].sep == " " {
		v = p.toks[e+1]
	}
	return !v.cap && (speechVerbs[v.lower] || strings.HasSuffix(v.lower, "ed") || irregularPasts[v.lower] || putsIt(p, e))
}

// sentenceOpeners open sentences before a name without being part of it
// ("Unlike Karvik, …", "Says Pell: …"), even in an article that never
// writes them in lower case.
var sentenceOpeners = toSet([]string{`unlike whereas besides like says said asks asked adds added notes noted
longtime meanwhile nonetheless nevertheless regardless including excluding amid unless`})

// notNames are capitalised abbreviations that name no entity.
var notNames = toSet([]string{`edt est gmt utc bst cet cest pst pdt cst cdt mst mdt msk ist jst aest am pm ad bc
ok tv ceo covid`})
