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
func (d *doc) mainSpeaker(pi, sentStart, c, e int) (attribution, int) {
	p := d.paras[pi]
	for _, r := range [][2]int{{c, e}, {sentStart, c}} {
		for v := r[0]; v < r[1]; v++ {
			w := p.toks[v].lower
			if !speechVerbs[w] || w == "according" || passive(p, v) || inQuotation(p, p.toks[v].start) {
				continue
			}
			if i := d.subjectBefore(pi, r[0], v); i >= 0 {
				if at := d.fromMention(i); at.found {
					return at, v
				}
			}
		}
	}
	return attribution{ent: -1}, -1
}
