package enrich

import (
	"strings"

	"parallax/internal/model"
)

// Pronouns and role references resolved to the person they stand for.

// resolvePronoun finds the person "he" or "she" (mention i) refers to: the
// first fitting person of the nearest sentence before it that names one,
// looking back at most three paragraphs.
func (d *doc) resolvePronoun(i int) int {
	if e, ok := d.pronouns[i]; ok {
		return e
	}
	d.pronouns[i] = -1 // guards against cycles
	e := d.antecedent(i, true)
	if e < 0 {
		e = d.antecedent(i, false)
	}
	d.pronouns[i] = e
	if g := d.mentions[i].gender; e >= 0 && d.ents[e].gender == 0 && (g == 'm' || g == 'f') {
		d.ents[e].gender = g // learnt: later pronouns can rely on it
	}
	return e
}

// antecedent is resolvePronoun without the memo. A pronoun of the same
// gender earlier in that sentence stands for whoever it refers to. When
// known is set, only people whose gender is known to fit count, within the
// pronoun's sentence and the two before it. Within the nearest sentence
// that names a fitting person, a subject beats an object or a name in a
// clause that opens the sentence ("When Maddow asked, Clinton said …").
func (d *doc) antecedent(i int, known bool) int {
	m := d.mentions[i]
	curPara, curSent, subject, other := -1, -1, -1, -1
	for j := i - 1; j >= 0; j-- {
		c := d.mentions[j]
		if m.para-c.para > 3 || c.para == 0 && m.para != 0 {
			break
		}
		if known && d.sentOrdinal(m)-d.sentOrdinal(c) > 2 {
			break // count sentences, not only those that name someone
		}
		cs := d.paras[c.para].toks[c.tok0].sent
		if (c.para != curPara || cs != curSent) && (subject >= 0 || other >= 0) {
			break
		}
		curPara, curSent = c.para, cs
		if e := d.fittingPerson(j, m, known); e >= 0 {
			if d.objectLike(&d.mentions[j]) || d.inOpeningClause(&d.mentions[j]) {
				other = e
			} else {
				subject = e
			}
		}
	}
	if subject >= 0 {
		return subject
	}
	return other
}

// fittingPerson is the person mention j names, when it can stand for the
// pronoun m: not the object of a preposition nor quoted, of a fitting
// gender (known to fit when known is set); -1 otherwise.
func (d *doc) fittingPerson(j int, m mention, known bool) int {
	c := d.mentions[j]
	if c.afterPrep || c.inQuote {
		return -1
	}
	e := c.ent
	if c.kind == pronounMention {
		if c.gender != m.gender {
			return -1
		}
		e = d.resolvePronoun(j)
	}
	if e < 0 {
		return -1
	}
	ent := d.ents[e]
	if ent.typ != model.Person || (ent.gender != 0 && m.gender != 0 && ent.gender != m.gender) {
		return -1
	}
	if known && (ent.gender == 0 || m.gender == 0) {
		return -1
	}
	return e
}

// subordinators open a clause that can stand before the main one.
var subordinators = toSet([]string{`when after as while if because although though since before until once
whereas unless`})

// inOpeningClause reports a mention inside a subordinate clause that opens
// its sentence, before the comma that ends it.
func (d *doc) inOpeningClause(m *mention) bool {
	return d.paras[m.para].inOpeningClause(m.tok0)
}

// leadConnectives may stand before the subordinator of an opening clause
// ("But even as …", "And when …").
var leadConnectives = toSet([]string{`but and so yet even then`})

// inOpeningClause reports token k inside a subordinate clause that opens
// its sentence ("When Pell said …, Brandt …", "But even as …"), before the
// comma that ends it.
func (p *para) inOpeningClause(k int) bool {
	if k >= len(p.toks) {
		return false
	}
	s := k
	for s > 0 && p.toks[s-1].sent == p.toks[k].sent {
		s--
	}
	for s < k && leadConnectives[p.toks[s].lower] && !subordinators[p.toks[s].lower] {
		s++
	}
	if s >= k || !subordinators[p.toks[s].lower] {
		return false
	}
	for j := s + 1; j <= k; j++ {
		if strings.Contains(p.toks[j].sep, ",") {
			return false
		}
	}
	return true
}

// sentOrdinal numbers the sentence of a mention across the article.
func (d *doc) sentOrdinal(m mention) int {
	if d.sentBase == nil {
		d.sentBase = make([]int, len(d.paras))
		for i := 1; i < len(d.paras); i++ {
			d.sentBase[i] = d.sentBase[i-1] + max(len(d.paras[i-1].sents), 1)
		}
	}
	return d.sentBase[m.para] + d.paras[m.para].toks[m.tok0].sent
}

// salientPerson stands in for a role reference the article never ties to a
// name ("the Texas governor"): the most mentioned person (the earliest on a
// tie) who holds no other role of that kind.
func (d *doc) salientPerson(ref role) int {
	best := -1
	for e, ent := range d.ents {
		if ent.typ != model.Person || ent.mentions < 2 || hasRoleHead(ent, ref.head) {
			continue
		}
		if best < 0 || ent.mentions > d.ents[best].mentions ||
			(ent.mentions == d.ents[best].mentions && d.firstMention(e) < d.firstMention(best)) {
			best = e
		}
	}
	return best
}

func hasRoleHead(ent *entity, head string) bool {
	for _, r := range ent.roles {
		if r.head == head {
			return true
		}
	}
	return false
}

func (d *doc) firstMention(e int) int {
	for i, m := range d.mentions {
		if m.ent == e {
			return i
		}
	}
	return len(d.mentions)
}
