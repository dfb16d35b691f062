package enrich

import (
	"strings"

	"parallax/internal/model"
)

// Subjects over objects: who speaks in reported speech is the subject of
// the main speech verb ("Clinton says rival Sanders accepted … and
// “…”"), not a name that a verb acts on ("sit Putin down and tell him
// “…”") nor one in a clause that opens the sentence ("When Maddow pointed
// out …, Clinton seized on it").

// clauseOpeners open a clause: a name right after one is its subject.
var clauseOpeners = toSet([]string{`and or but that while whereas as when because although though since if after
before until unless so yet then who which where whether`})

// objectLike reports a mention that a verb acts on: walking back over its
// descriptive words ("rival", "the Republican"), the word before it is a
// lower-case word that opens no clause, with no punctuation between.
func (d *doc) objectLike(m *mention) bool {
	p := d.paras[m.para]
	k := m.tok0
	for k > 0 && !opensClause(p.toks[k].sep) && strings.TrimSpace(p.toks[k].sep) == "" {
		t := p.toks[k-1]
		switch {
		case t.cap || t.poss || descriptorWord(t.lower) || roleModifiers[t.lower] || partyWords[t.lower] ||
			t.lower == "the" || t.lower == "a" || t.lower == "an":
			k--
			continue
		case clauseOpeners[t.lower] || functionWords[t.lower] && !prepositions[t.lower]:
			return false
		}
		return true
	}
	return false
}

// subjectBefore finds the subject of the speech verb at token v among the
// mentions of tokens [from, v) of paragraph pi: the nearest one that can
// speak and is neither an object, a possessive nor the object of a
// preposition, people before organisations; -1 when there is none.
func (d *doc) subjectBefore(pi, from, v int) int {
	best, bestRank := -1, 0
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok0 < from || m.tok1 > v || m.afterPrep || m.inQuote || d.paras[pi].toks[m.tok1-1].poss ||
			!d.canSpeak(m, v) || d.objectLike(m) {
			continue
		}
		rank := 2
		if m.kind == nameMention && m.typ != model.Person {
			rank = 1
		}
		if best < 0 || rank > bestRank || rank == bestRank && m.tok0 > d.mentions[best].tok0 {
			best, bestRank = i, rank
		}
	}
	return best
}

// mainSpeaker reads reported speech before a quotation opening at token
// e: the subject of the first speech verb that has one, among the verbs
// after any earlier quotation of the sentence (from c), then among those
// before it (from sentStart). It returns the attribution and the verb.
//
// A verb in a clause that opens the sentence reports nothing past its
// comma ("After Brandt argued that …, Pell said only that “…”"); a verb
// in a subordinate clause after the main one reports what follows it
// ("Marrow wrote after Pell argued that “…”").
func (d *doc) mainSpeaker(pi, sentStart, c, e int) (attribution, int) {
	p := d.paras[pi]
	quoteInOpening := p.inOpeningClause(e)
	for _, r := range [][2]int{{c, e}, {sentStart, c}} {
		for v := r[0]; v < r[1]; v++ {
			if !d.reportingVerb(p, v) {
				continue
			}
			i := d.subjectBefore(pi, r[0], v)
			if i < 0 || d.inOpeningClause(&d.mentions[i]) && !quoteInOpening {
				continue
			}
			if j, v2 := d.subordinateSpeaker(pi, v, e); j >= 0 {
				i, v = j, v2
			}
			if at := d.fromMention(i); at.found {
				return at, v
			}
		}
	}
	return attribution{ent: -1}, -1
}

// reportingVerb reports a speech verb at token v that can report a
// quotation: not "according", not passive, not quoted.
func (d *doc) reportingVerb(p *para, v int) bool {
	w := p.toks[v].lower
	return (speechVerbs[w] || putsIt(p, v)) && w != "according" && !passive(p, v) && !inQuotation(p, p.toks[v].start)
}

// subordinateSpeaker finds, after the main speech verb v and before the
// quotation at token e, a speech verb whose subject opens a subordinate
// clause ("after Pell argued"): the subject mention and the verb, or -1.
func (d *doc) subordinateSpeaker(pi, v, e int) (int, int) {
	p := d.paras[pi]
	for v2 := e - 1; v2 > v; v2-- {
		if !d.reportingVerb(p, v2) {
			continue
		}
		if participle(p.toks[v2]) {
			return -1, -1 // "…, remarking": the main clause's subject
		}
		j := d.subjectBefore(pi, v+1, v2)
		if j < 0 {
			return -1, -1
		}
		if k := d.mentions[j].tok0; k > 0 && subordinators[p.toks[k-1].lower] && p.toks[k].sep == " " {
			return j, v2
		}
		return -1, -1
	}
	return -1, -1
}

// putsIt reports "put it" at token v ("As Pell put it, "…"", "Brandt puts
// it bluntly: "…""): words given as someone's own phrasing.
func putsIt(p *para, v int) bool {
	switch p.toks[v].lower {
	case "put", "puts", "putting":
		return v+1 < len(p.toks) && p.toks[v+1].lower == "it" && p.toks[v+1].sep == " "
	}
	return false
}
