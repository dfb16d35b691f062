package enrich

import (
	"strings"

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
// starting to doubt…""): the first person named in the sentence before it,
// in its paragraph or ending the paragraph before.
func (d *doc) previousSubject(rq rawQuote) int {
	pi, sent, ok := d.precedingSentence(rq)
	if !ok {
		return -1
	}
	p := d.paras[pi]
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || p.toks[m.tok0].sent != sent || m.afterPrep || m.inQuote || !d.canSpeak(m, -1) && m.kind != nameMention {
			continue // "they" stands for no one person
		}
		e := m.ent
		if m.kind == pronounMention {
			e = d.resolvePronoun(i)
		}
		if e >= 0 && d.ents[e].typ == model.Person {
			return e
		}
	}
	return -1
}
