package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// Speakers found outside the quotation's own sentence: an introduction in
// the paragraph before ("Cruz continued:"), or the person the text was
// just about.

// introducedBefore gives a quotation that opens its paragraph the speaker
// that the paragraph before introduces with a closing colon ("Cruz
// continued:", "Stated Stone:", "as Ana Pell observed, …:").
func (d *doc) introducedBefore(rq rawQuote, q *model.Quote) bool {
	if rq.pi < 2 || rq.first.open != 0 {
		return false
	}
	intro := d.paras[rq.pi-1]
	if intro.heading || !strings.HasSuffix(strings.TrimSpace(intro.text), ":") {
		return false
	}
	end := len(intro.text)
	a := d.attributeBefore(rq.pi-1, qspan{open: end, tstart: end, tend: end, close: end, closed: true})
	if !a.found && d.introducesText(intro) { // "Read the full statement below:"
		if e := d.introducedDocumentIssuer(rq.pi - 1); e >= 0 {
			a = attribution{found: true, ent: e}
		} else {
			a = d.recentSpeaker(rq.pi - 1)
		}
	}
	if !a.found {
		return false
	}
	d.setSpeaker(q, a)
	q.Verb, q.Attribution = a.verb, model.AttributedPrevious
	return true
}

// precedingSentence is the paragraph and sentence before a quotation's
// opening: the sentence before it in its paragraph, or, for a quotation
// that opens its paragraph, the last sentence of the paragraph before.
func (d *doc) precedingSentence(rq rawQuote) (int, int, bool) {
	p := d.paras[rq.pi]
	k := p.tokIndex(rq.first.tstart)
	if k >= len(p.toks) {
		return 0, 0, false
	}
	if k > 0 {
		if p.toks[k-1].sent == p.toks[k].sent {
			return 0, 0, false // the quotation stands inside a sentence
		}
		return rq.pi, p.toks[k-1].sent, true
	}
	if rq.pi < 2 || d.paras[rq.pi-1].heading || len(d.paras[rq.pi-1].toks) == 0 {
		return 0, 0, false
	}
	prev := d.paras[rq.pi-1]
	return rq.pi - 1, prev.toks[len(prev.toks)-1].sent, true
}

// previousSubject finds the speaker of a quotation that stands as its own
// sentence with no attribution ("Trump questioned Kiev's commitment. "I'm
// starting to doubt…""): the subject of the sentence before it, in its
// paragraph or ending the paragraph before — a person, or an organisation
// that opens it — else the first person it names.
func (d *doc) previousSubject(rq rawQuote) int {
	pi, sent, ok := d.precedingSentence(rq)
	if !ok {
		return -1
	}
	p := d.paras[pi]
	other := -1
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || p.toks[m.tok0].sent != sent || m.afterPrep || m.inQuote || !d.canSpeak(m, -1) && m.kind != nameMention {
			continue // "they" stands for no one person
		}
		e := m.ent
		if m.kind == pronounMention {
			e = d.resolvePronoun(i)
		}
		if e < 0 || d.ents[e].typ == model.Place {
			continue
		}
		subject := !d.objectLike(m) && !d.inOpeningClause(m)
		if subject && (d.ents[e].typ == model.Person || m.kind == nameMention && d.firstInSentence(i)) {
			return e // a person, or an organisation that opens the sentence ("The council issued a statement")
		}
		if other < 0 && d.ents[e].typ == model.Person {
			other = e
		}
	}
	return other
}

// subjectSpeaks gives a quotation inside a sentence with no speech verb to
// the sentence's subject when a verb follows it ("Rubio also bemoaned the
// climate in which people "literally hate each other"", "Sanders credited
// the win to "a closed primary …""): the words are the subject's, whatever
// the verb.
func (d *doc) subjectSpeaks(rq rawQuote, q *model.Quote) bool {
	p := d.paras[rq.pi]
	e := p.tokIndex(rq.first.open)
	if e == 0 || e >= len(p.toks) || p.toks[e-1].sent != p.toks[e].sent {
		return false
	}
	sentStart := e
	for sentStart > 0 && p.toks[sentStart-1].sent == p.toks[e].sent {
		sentStart--
	}
	if at, v := d.clauseUnnamedSubject(rq.pi, sentStart, sentStart, e); at.found {
		d.setSpeaker(q, at)
		q.Verb = p.toks[v].text
		return true
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != rq.pi || m.tok1 > e || p.toks[m.tok0].sent != p.toks[e].sent || d.inOpeningClause(m) && !p.inOpeningClause(e) || d.premodifiesNext(i) {
			continue
		}
		if m.afterPrep || m.inQuote || p.toks[m.tok1-1].poss || d.objectLike(m) || !d.canSpeak(m, -1) {
			return false // the sentence opens with someone else
		}
		v := skipAuxiliaries(p, pastAppositive(p, m))
		if v >= e || p.toks[v].sent != p.toks[e].sent || !verbShaped(p.toks[v]) && !(v > m.tok1 && afterAuxiliary(p.toks[v-1], p.toks[v])) {
			return false
		}
		at := d.fromMention(i)
		if !at.found {
			return false
		}
		d.setSpeaker(q, at)
		q.Verb = p.toks[v].text
		return true
	}
	return false
}

// premodifiesNext reports a name that describes the person named next
// ("Lumen columnist Ilsa Marrow"): the next mention follows it with at
// most two role or agent words between.
func (d *doc) premodifiesNext(i int) bool {
	if i+1 >= len(d.mentions) {
		return false
	}
	m, n := &d.mentions[i], &d.mentions[i+1]
	if n.para != m.para || n.kind != nameMention || n.tok0 <= m.tok1 || n.tok0-m.tok1 > 2 {
		return false
	}
	p := d.paras[m.para]
	for k := m.tok1; k < n.tok0; k++ {
		if p.toks[k].sep != " " || p.toks[k].cap || !descriptorWord(p.toks[k].lower) {
			return false
		}
	}
	return p.toks[n.tok0].sep == " "
}

// pastAppositive returns the token after a mention and the appositive
// that describes it between commas ("Ilsa Marrow, a former aide to the
// mayor, calls …"), or the token right after the mention.
func pastAppositive(p *para, m *mention) int {
	rest := p.text[m.end:]
	_, n := appositive(rest)
	if n == 0 || n >= len(rest) || rest[n] != ',' {
		return m.tok1
	}
	return p.tokIndex(m.end + n)
}

// auxiliaries stand between a subject and its verb ("has argued", "also
// bemoaned", "later credited", "is questioning", "would not comment").
var auxiliaries = toSet([]string{`has have had also then later again would will could once still even
repeatedly often never is are was were been not`})

// afterAuxiliary reports the verb t after the auxiliary aux: a word in
// -ing after a form of "be" ("is questioning", not "is popular"), a bare
// verb after a modal or a negation ("would not comment").
func afterAuxiliary(aux, t token) bool {
	if t.cap || functionWords[t.lower] || len(t.lower) < 3 {
		return false
	}
	switch aux.lower {
	case "is", "are", "was", "were", "been":
		return strings.HasSuffix(t.lower, "ing")
	case "not", "would", "will", "could":
		return !strings.HasSuffix(t.lower, "ly")
	}
	return false
}

// skipAuxiliaries steps over auxiliaries and adverbs from token k.
func skipAuxiliaries(p *para, k int) int {
	for n := 0; k < len(p.toks) && n < 3 && p.toks[k].sep == " " &&
		(auxiliaries[p.toks[k].lower] || strings.HasSuffix(p.toks[k].lower, "ly") && !p.toks[k].cap); n++ {
		k++
	}
	return k
}

// firstInSentence reports mention i as the first mention of its sentence.
func (d *doc) firstInSentence(i int) bool {
	if i == 0 {
		return true
	}
	m, prev := d.mentions[i], d.mentions[i-1]
	return prev.para != m.para || d.paras[m.para].toks[prev.tok0].sent != d.paras[m.para].toks[m.tok0].sent
}

// introducedDocumentIssuer is who issued the document the last sentence
// of paragraph pi names ("Read the full statement below:"), or -1.
func (d *doc) introducedDocumentIssuer(pi int) int {
	p := d.paras[pi]
	if len(p.toks) == 0 {
		return -1
	}
	last := p.toks[len(p.toks)-1].sent
	for k := len(p.toks) - 1; k >= 0 && p.toks[k].sent == last; k-- {
		if documentNouns[p.toks[k].lower] {
			return d.issuer(pi, k)
		}
	}
	return -1
}

// headlineSpeaker gives a quotation of a headline to the name that opens
// the headline before a colon ("Karvik: Port deal 'a bitter year'"), the
// way headlines attribute.
func (d *doc) headlineSpeaker(rq rawQuote, q *model.Quote) bool {
	p := d.paras[rq.pi]
	colon := strings.IndexByte(p.text, ':')
	if rq.pi != 0 || colon < 0 || colon > rq.first.open {
		return false
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != 0 || m.end > colon || m.inQuote || m.ent < 0 || d.ents[m.ent].typ == model.Place {
			continue
		}
		if strings.TrimSpace(p.text[m.end:colon]) != "" {
			continue // the name must stand right before the colon
		}
		d.setSpeaker(q, attribution{found: true, ent: m.ent})
		return true
	}
	return false
}

// maxSignatureTokens bounds a signature line: a name, a handle and a date.
const maxSignatureTokens = 12

// signedBelow gives a quotation that ends its paragraph to the name that
// signs the next paragraph after a dash ("— Ana Pell." or "— Ana Pell
// (@anapell) March 3"), the way fact checks and embedded posts set a
// quotation apart from its author.
func (d *doc) signedBelow(rq rawQuote, q *model.Quote) bool {
	pi := rq.lastPi + 1
	if !rq.last.closed || pi >= len(d.paras) || !onlyPunct(d.paras[rq.lastPi].text[rq.last.close:]) {
		return false
	}
	next := d.paras[pi]
	if len(next.toks) == 0 || len(next.toks) > maxSignatureTokens || !startsWithDash(next.text) {
		return false
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.para == pi && m.tok0 == 0 && m.kind == nameMention && d.canSpeak(m, -1) {
			at := d.fromMention(i)
			if !at.found {
				return false
			}
			d.setSpeaker(q, at)
			return true
		}
	}
	return false
}

// onlyPunct reports text with no letter or digit.
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// startsWithDash reports a line opening with a dash ("-", "–", "—", "--").
func startsWithDash(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return r == '-' || r == '–' || r == '—'
}
