package enrich

import (
	"strings"

	"parallax/internal/model"
)

// attribution is who a quotation is given to and how.
type attribution struct {
	found bool
	ent   int    // entity index, -1 for an unnamed speaker
	np    string // the speaker's words when no entity ("Turkish officials")
	desc  string // how the text describes the speaker there (see describe)
	verb  string
	// headPi and head locate the head noun of an unnamed speaker's words
	// (np), so that a document can be traced to who issued it.
	headPi, head int
	post         bool // given after the quotation ("…," Putin said)
	colon        bool // introduced by a colon (Trump wrote: "…")
	intro        bool // introduced right before the mark (he said, "…")
}

// statement reports whether a short quotation is said by someone rather
// than held at a distance: introduced by a colon or right after a speech
// verb, attributed after it and ending with punctuation inside the marks,
// or given by a speech verb before it in its sentence ("he said Karvik had
// given them "a bitter year."", "described the plan as "cruel and
// careless"") when it is more than one word or ends with punctuation, as
// quoted words do and a lone term in mid-sentence does not ("what he
// called "ultimatums""). Title-case words ("Meet the Nation") name a show
// or a slogan.
func (a attribution) statement(rq rawQuote) bool {
	return a.found && (a.colon || a.intro || (a.post && rq.endPunct) ||
		((rq.endPunct || rq.words > 1) && a.verb != "" && !titleCase(rq.text)))
}

// titleCase reports words that all start with a capital but for function
// words ("Meet the Nation", "Today").
func titleCase(s string) bool {
	ts := tokenize(s)
	for i, t := range ts {
		if !t.cap && (i == 0 || !functionWords[t.lower]) {
			return false
		}
	}
	return len(ts) > 0
}

// attribute finds the speaker of a quotation: after it (", Putin said",
// ", said Mr. Steele"), else before it in the same sentence ("Trump wrote:",
// "Peskov told TASS that").
//
// A quotation inside reported speech ("Reynolds says that Santilli “broke
// the story” of the standoff, others argue …", "Sims says he was “on the
// fence” until Haley said …") belongs to the reporting verb's subject: a
// speech verb further on starts a clause of its own unless the
// attribution stands right after the closing mark (""…," Pell said"), and
// even then when the quotation lies in a clause that opens the sentence
// ("When Pell said it was “…,” Brandt laughed").
func (d *doc) attribute(rq rawQuote) attribution {
	at := d.innerAttribution(rq)
	if o := d.outerSource(rq, at); o.found {
		o.post, o.colon, o.intro = at.post, at.colon, at.intro
		return o
	}
	return at
}

// innerAttribution is attribute without an outer source (see outerSource).
func (d *doc) innerAttribution(rq rawQuote) attribution {
	after := d.attributeAfter(rq.lastPi, rq.last, rq.ends)
	if !after.found {
		return d.attributeBefore(rq.pi, rq.first)
	}
	p := d.paras[rq.pi]
	if rq.pi == rq.lastPi && (!d.attributesAtClose(rq.pi, rq.last) || p.inOpeningClause(p.tokIndex(rq.first.tstart))) {
		if before := d.attributeBefore(rq.pi, rq.first); before.found && reportedSpeech(before) {
			return before
		}
	}
	return after
}

// tokIndex returns the index of the first token starting at or after off.
func (p *para) tokIndex(off int) int {
	for k, t := range p.toks {
		if t.start >= off {
			return k
		}
	}
	return len(p.toks)
}

// nextOpen returns where the next quotation after s opens, or len(p.text).
// A name, a title or a term in quotation marks inside the attribution
// ("Ana Pell, wearing “Pell for Mayor” pins, said", "aside from knowing
// each other “casually,” said Pell") does not end it.
func (p *para) nextOpen(s qspan) int {
	for _, o := range p.quotes {
		if o.open >= s.close && !(o.closed && quotedTerm(p.text[o.tstart:o.tend])) {
			return o.open
		}
	}
	return len(p.text)
}

// quotedTerm reports up to three words with no sentence punctuation but a
// closing comma: a name, a title or a term in quotation marks.
func quotedTerm(s string) bool {
	n := len(tokenize(s))
	return n > 0 && n <= 3 && !strings.ContainsAny(strings.TrimSuffix(s, ","), ".,!?;:…")
}

// maxAttributionTokens bounds the words read after a closing mark: a verb
// within reach and the described name after it ("…," said the bureau's
// director, Ivo Brandt).
const maxAttributionTokens = 24

// attributeAfter reads "NP verb" or "verb NP" right after the closing mark.
// After a quotation that ends a sentence the clause must be short ("…?"
// Obama said.) so that the next sentence is not taken for an attribution.
func (d *doc) attributeAfter(pi int, s qspan, terminal bool) attribution {
	p := d.paras[pi]
	if !s.closed {
		return attribution{ent: -1}
	}
	a := p.tokIndex(s.close)
	limit := p.nextOpen(s)
	b := a
	for b < len(p.toks) && p.toks[b].start < limit && p.toks[b].sent == p.toks[a].sent && b-a < maxAttributionTokens {
		if b > a && strings.Contains(p.toks[b].sep, ";") {
			break
		}
		b++
	}
	if a >= b || strings.ContainsAny(p.text[s.close:p.toks[a].start], ".!?;") {
		return attribution{ent: -1}
	}
	if at := d.signature(pi, s, a); at.found {
		return at
	}
	if p.toks[a].lower == "according" && a+1 < b && p.toks[a+1].lower == "to" {
		at := d.accordingTo(pi, a, b)
		at.post = at.found
		return at
	}
	v := -1
	reach := 8 // "…," Rep. Ana Pell's chief of staff, Ivo Brandt, told Lumen: a longer reach
	if !terminal {
		reach = 14
	}
	for k := a; k < b && k-a <= reach; k++ {
		if speechVerbs[p.toks[k].lower] && p.toks[k].lower != "according" {
			v = k
			break
		}
	}
	if v < 0 {
		if at := d.unlistedVerbSpeaker(pi, a, terminal); at.found {
			return at
		}
		if pastShaped(p.toks[a]) { // ""…," exhorted the actress Ilsa Marrow": any verb before its speaker
			if at := d.speakerAfterVerb(pi, a, b, false); at.found {
				at.post, at.verb = true, p.toks[a].text
				return at
			}
		}
		return d.appositiveSpeaker(pi, a, limit, terminal)
	}
	if terminal && v-a > 4 {
		if at := d.describedName(pi, a, v); at.found && !d.goesOn(pi, v, limit) { // ""…?" former harbour master Ivo Brandt asked"
			at.post, at.verb = true, verbPhrase(p, v, b)
			return at
		}
		return d.appositiveSpeaker(pi, a, limit, true) // ""…!" Ana Pell, the head of the board, wrote"
	}
	if terminal && !d.tightAttribution(pi, a, v) && d.goesOn(pi, v, limit) {
		return attribution{ent: -1}
	}
	var at attribution
	if v == a {
		at = d.speakerAfterVerb(pi, v, b, false)
		if !at.found && !strings.HasSuffix(p.toks[v].lower, "ing") { // "…," citing the budget: no speaker
			at = d.phraseAfter(pi, v+1, b)
		}
	} else {
		at, _ = d.unnamedSubject(pi, a, v+1)
		if !at.found {
			at = d.speakerIn(pi, a, v, v)
		}
		if !at.found && strings.Contains(p.toks[v].sep, ",") { // "…" in the primary, said Ana Pell
			at = d.speakerAfterVerb(pi, v, b, false)
		}
		if !at.found && (!terminal || v-a <= 2) { // ""…?" the crowd shouted."
			at = d.nounPhrase(pi, a, v)
		}
	}
	at.post = true
	if at.found {
		at.verb = verbPhrase(p, v, b)
	}
	return at
}

// attributeBefore reads the clause before the opening mark: the last
// speech verb and its subject, or a name and a colon.
func (d *doc) attributeBefore(pi int, s qspan) attribution {
	p := d.paras[pi]
	e := p.tokIndex(s.open)
	c := e
	sent := -1
	if e < len(p.toks) {
		sent = p.toks[e].sent
	} else if e > 0 {
		sent = p.toks[e-1].sent
	}
	prevClose := 0
	for _, o := range p.quotes {
		if o.close <= s.open && o.close > prevClose {
			prevClose = o.close
		}
	}
	for c > 0 && p.toks[c-1].sent == sent && p.toks[c-1].start >= prevClose {
		c--
	}
	sentStart := c // the subject may stand before an earlier quotation
	for sentStart > 0 && p.toks[sentStart-1].sent == sent {
		sentStart--
	}
	if sentStart == e {
		return attribution{ent: -1}
	}
	colon := strings.Contains(p.text[p.toks[e-1].end:s.open], ":")
	v := -1
	for k := e - 1; k >= c; k-- {
		if (speechVerbs[p.toks[k].lower] || putsIt(p, k)) && !passive(p, k) {
			v = k
			break
		}
	}
	at := d.speakerBefore(pi, sentStart, c, e, v, colon)
	at.colon = colon && at.found
	at.intro = at.found && v >= e-3 && strings.ContainsAny(p.text[p.toks[e-1].end:s.open], ",:")
	return at
}

// speakerBefore finds who speaks in the clause before a quotation opening
// at token e, whose last speech verb is v (-1 when none): "according to"
// and whom, else the subject of the main speech verb, else the speaker
// nearest the verb, a name right after it or the words of an unnamed
// speaker; with no verb, a name before a colon.
func (d *doc) speakerBefore(pi, sentStart, c, e, v int, colon bool) attribution {
	p := d.paras[pi]
	if v >= 0 || colon {
		if at, v0 := d.clauseUnnamedSubject(pi, sentStart, c, e); at.found {
			if v < 0 {
				v = v0
			}
			at.verb = verbPhrase(p, v, e)
			return at
		}
	}
	main, mv := d.mainSpeaker(pi, sentStart, c, e)
	if v >= 0 && p.toks[v].lower == "according" && !(main.found && mv < v) { // "X said that according to its analysis, …": X
		if at := d.accordingTo(pi, v, e); at.found {
			return at
		}
	}
	for k := c; k < e; k++ { // "Per Ana Pell: "…"", as "according to"
		if p.toks[k].lower == "per" && (k == sentStart || strings.Contains(p.toks[k].sep, ",")) {
			if at := d.speakerAfterVerb(pi, k, e, false); at.found {
				at.verb = "per"
				return at
			}
		}
	}
	if main.found {
		main.verb = verbPhrase(p, mv, e)
		return main
	}
	var at attribution
	switch {
	case v >= 0 && p.toks[v].lower != "according":
		at = d.speakerIn(pi, c, v, v)
		if !at.found {
			at = d.speakerIn(pi, sentStart, v, v)
		}
		if !at.found {
			at = d.speakerAfterVerb(pi, v, e, true)
		}
		if !at.found {
			at = d.nounPhrase(pi, c, v)
		}
		if at.found {
			at.verb = verbPhrase(p, v, e)
		}
	case colon:
		// "Karvik took aim at Brandt:" — the subject, not the nearest name.
		i := d.subjectBefore(pi, c, e)
		if i < 0 && c > sentStart { // the subject before a quoted term of the clause
			i = d.subjectBefore(pi, sentStart, e)
		}
		if i >= 0 {
			at = d.fromMention(i)
		} else {
			at = d.speakerIn(pi, c, e, e)
		}
	}
	return at
}

// accordingTo reads "according to" at token v and whom or what: a name,
// else the words of a source ("a court document").
func (d *doc) accordingTo(pi, v, end int) attribution {
	if at := d.issuedBy(pi, v+2, end); at.found {
		at.verb = "according to"
		return at
	}
	at := d.speakerAfterVerb(pi, v, end, false)
	if !at.found && v+2 < end {
		at = d.phraseAfter(pi, v+2, end)
	}
	at.verb = "according to"
	return at
}

// speakerIn picks the speaker among mentions in tokens [from, to): the one
// nearest the verb that is not the object of a preposition nor a
// possessive. A place speaks only right before the verb ("Kyiv said").
func (d *doc) speakerIn(pi, from, to, verb int) attribution {
	return d.speakerPick(pi, from, to, verb, false)
}

// speakerPick is speakerIn choosing, among mentions of the same rank, the
// earliest (the sentence's subject) rather than the one nearest the verb.
func (d *doc) speakerPick(pi, from, to, verb int, earliest bool) attribution {
	best, bestRank := -1, 0
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok0 < from || m.tok1 > to || m.afterPrep || m.inQuote || d.paras[pi].toks[m.tok1-1].poss {
			continue
		}
		if !d.canSpeak(m, verb) {
			continue
		}
		// People (names, roles, pronouns) before organisations and places.
		rank := 2
		if m.kind == nameMention && m.typ != model.Person {
			rank = 1
		}
		if best < 0 || rank > bestRank || (rank == bestRank && !earliest && m.tok0 > d.mentions[best].tok0) {
			best, bestRank = i, rank
		}
	}
	if best < 0 {
		return attribution{ent: -1}
	}
	return d.fromMention(best)
}

func (d *doc) canSpeak(m *mention, verb int) bool {
	if m.fixed {
		return false
	}
	switch m.kind {
	case pronounMention:
		return m.gender != 'p'
	case roleMention:
		return true
	}
	switch m.typ {
	case model.Person, model.Organisation:
		return m.ent >= 0
	case model.Place:
		// "Kyiv said", but a dam, a valley or a street never speaks.
		return m.ent >= 0 && m.tok1 == verb && !featureName(d.paras[m.para].toks[m.tok0:m.tok1])
	}
	return false
}

// speakerAfterVerb reads "said Gov. Perry" / "according to Trump" /
// "said Republican strategist Ana Pell" / "said the bureau's director,
// Ivo Brandt": a mention starting after the verb (after "to" for
// "according to") past words that describe it, a person before an
// organisation ("said RNC spokesman Sean Spicer"). When strict, the name
// must be followed by a comma or colon.
func (d *doc) speakerAfterVerb(pi, v, end int, strict bool) attribution {
	p := d.paras[pi]
	k := v + 1
	if p.toks[v].lower == "according" && k < end && p.toks[k].lower == "to" {
		k++
	}
	best := -1
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok0 < k || m.tok1 > end || m.inQuote || !d.canSpeak(m, -1) || p.toks[m.tok1-1].poss {
			continue // "said Pell's aide, Ivo Brandt": the aide speaks
		}
		if m.tok0 > k+maxDescribedReach || m.tok0 > k+2 && !describesBefore(p, k, m.tok0) {
			break
		}
		if strict && (m.tok1 >= len(p.toks) || !strings.ContainsAny(p.toks[m.tok1].sep, ",:")) {
			continue
		}
		if best >= 0 && m.tok1 <= d.mentions[best].tok1 {
			continue // inside the role's words: "said the senior Pell adviser" names the adviser after Pell
		}
		if best < 0 || m.kind != nameMention || m.typ == model.Person {
			best = i
		}
		if m.kind == pronounMention || m.kind == nameMention && m.typ == model.Person {
			break // a role goes on to the name it describes ("Pell's chief of staff, Ivo Brandt")
		}
	}
	if best < 0 {
		return attribution{ent: -1}
	}
	return d.fromMention(best)
}

// maxDescribedReach bounds the words that describe a name after a speech
// verb ("said former Norvala Gov. and Harbour Board Chairman Olek Varn").
const maxDescribedReach = 10

// describesBefore reports tokens [k, j) that can describe the name at j:
// determiners, possessives, capitals, role and agent words, a comma after
// a role word ("the bureau's director, Ivo Brandt"), and "of" or "and"
// inside a title ("former secretary of state Ana Pell", "Gov. and Board
// Chairman Olek Varn").
func describesBefore(p *para, k, j int) bool {
	for i := k; i < j; i++ {
		t := p.toks[i]
		if sep := strings.TrimSpace(t.sep); i > k && sep != "" && !(sep == "." && p.toks[i-1].dot && isAbbrev(p.toks[i-1])) &&
			!(sep == "," && descriptorWord(p.toks[i-1].lower)) {
			return false // "said retired Lt. Gen. Ana Pell", "said Pell's introducer, actress Ilsa Marrow"
		}
		ok := t.cap || t.poss || t.lower == "the" || t.lower == "a" || t.lower == "an" || descriptorWord(t.lower) ||
			roleModifiers[t.lower] || partyWords[t.lower] || compoundAdjective(t) || titleJoint(p, k, i, j) ||
			!functionWords[t.lower] && !prepositions[t.lower] && !speechVerbs[t.lower] && len(t.lower) > 2 // "undecided"
		if !ok {
			return false
		}
	}
	return true
}

// titleJoint reports "of" or "and" at token i, between a title or role
// word and more words of the description before the name at j.
func titleJoint(p *para, k, i, j int) bool {
	if w := p.toks[i].lower; w != "of" && w != "and" || i == k || i+1 >= j {
		return false
	}
	prev, next := p.toks[i-1], p.toks[i+1]
	if functionWords[next.lower] || prepositions[next.lower] || prev.poss {
		return false
	}
	return isTitle(prev.lower) || descriptorWord(prev.lower) || prev.cap && p.toks[i].lower == "and" ||
		p.toks[i].lower == "of" && plainWord(prev.lower) // "chief of staff"
}

// phraseAfter keeps the words of an unnamed speaker or source starting at
// token k ("said one longtime adviser to the mayor", "according to a
// court document"): a determiner or a capital and the words up to a
// comma, a clause or a verb, at most eight.
func (d *doc) phraseAfter(pi, k, end int) attribution {
	p := d.paras[pi]
	if k >= end || k >= len(p.toks) || !(p.toks[k].cap || descriptionOpeners[p.toks[k].lower]) || inQuotation(p, p.toks[k].start) {
		return attribution{ent: -1}
	}
	j := k + 1
	for j < end && j-k < 8 && p.toks[j].sep == " " && !clauseOpeners[p.toks[j].lower] && !verbShaped(p.toks[j]) &&
		!speechVerbs[p.toks[j].lower] {
		j++
	}
	for j > k+1 && (functionWords[p.toks[j-1].lower] || prepositions[p.toks[j-1].lower]) {
		j--
	}
	if j == k+1 && descriptionOpeners[p.toks[k].lower] {
		return attribution{ent: -1}
	}
	return attribution{found: true, ent: -1, np: p.text[p.toks[k].start:p.toks[j-1].end], desc: d.thingDescription(pi, j-1),
		headPi: pi, head: j - 1}
}

// descriptionOpeners begin the words of an unnamed speaker.
var descriptionOpeners = toSet([]string{`a an the one another some two three several many his her their its`})

// fromMention makes an attribution from a mention, resolving pronouns and
// keeping an unresolved role reference's words.
func (d *doc) fromMention(i int) attribution {
	m := d.mentions[i]
	e := m.ent
	if m.kind == pronounMention {
		e = d.resolvePronoun(i)
		if e < 0 {
			return attribution{ent: -1}
		}
	}
	if e < 0 && m.kind == roleMention && !d.servesPerson(m.role) {
		e = d.roleHolderNear(i)
		if e < 0 && len(m.role.mods) > 0 {
			e = d.salientPerson(m.role)
		}
	}
	desc := m.desc
	if m.kind == roleMention {
		// An unnamed role is described by its introduction ("a
		// spokesperson for Lumen"); a named one by its own words.
		if e < 0 {
			desc = d.thingDescription(m.para, m.tok1-1)
		}
		if desc == "" {
			desc = strings.TrimPrefix(m.surface, "the ")
		}
	}
	if e < 0 {
		return attribution{found: true, ent: -1, np: m.surface, desc: desc, headPi: m.para, head: m.tok1 - 1}
	}
	return attribution{found: true, ent: e, desc: desc}
}

var verbObjects = toSet([]string{`statement interview post tweet letter email e-mail video speech ad advertisement
op-ed message press conference release broadcast podcast address`})

// verbPhrase is how something was said: the verb, with whom it was told
// ("told TASS") or where it was posted ("wrote on Truth Social", "said in a
// statement").
func verbPhrase(p *para, v, end int) string {
	ts := p.toks
	out := []string{ts[v].text}
	k := v + 1
	join := func() bool { return k < end && k < len(ts) && ts[k].sep == " " }
	switch {
	case ts[v].lower == "told" || ts[v].lower == "tells" || ts[v].lower == "telling":
		for join() && len(out) < 6 && ts[k].lower != "that" && !speechVerbs[ts[k].lower] && !prepositions[ts[k].lower] {
			out = append(out, ts[k].text)
			k++
		}
	case join() && ts[k].lower == "on" && k+1 < end && ts[k+1].cap:
		out = append(out, "on")
		for k++; k < end && (len(out) == 2 || ts[k].sep == " ") && ts[k].cap && len(out) < 5; k++ {
			out = append(out, ts[k].text)
		}
	case join() && ts[k].lower == "in" && k+2 < end && (ts[k+1].lower == "a" || ts[k+1].lower == "an") && verbObjects[ts[k+2].lower]:
		out = append(out, "in", ts[k+1].text, ts[k+2].text)
	}
	return strings.Join(out, " ")
}
