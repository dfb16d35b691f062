package enrich

import (
	"strings"

	"parallax/internal/model"
)

// role is what a person is called in an article: "Ukrainian President"
// gives head "president" and mods ["ukraine"].
type role struct {
	head string   // a roleHeads group
	mods []string // folded places, organisations and modifiers
}

// ignoredMods do not tell roles apart.
var ignoredMods = map[string]bool{"former": true, "then": true, "current": true, "new": true, "top": true,
	"senior": true, "longtime": true, "embattled": true, "veteran": true, "acting": true, "outgoing": true, "incoming": true,
	"presumptive": true, "likely": true, "leading": true, "prospective": true, "eventual": true, "probable": true,
	"would-be": true, "two-term": true, "one-term": true, "first-term": true, "retiring": true, "outspoken": true}

// roleFrom reads a role from title words ("Ukrainian Foreign Minister",
// "Kremlin spokesperson"); the zero role when they hold no role noun.
func roleFrom(ts []token) role {
	var r role
	hi := -1
	for i, t := range ts {
		if h, ok := roleHeads[t.lower]; ok && h != "prime minister" {
			r.head, hi = h, i
		}
	}
	if hi < 0 {
		return role{}
	}
	if ts[hi].lower == "minister" && hi > 0 && ts[hi-1].lower == "prime" {
		r.head = "prime minister"
	}
	for i, t := range ts {
		if i == hi || t.lower == "prime" && r.head == "prime minister" {
			continue
		}
		if m := modKey(t); m != "" {
			r.mods = append(r.mods, m)
		}
	}
	return r
}

// modKey folds one word of a role: a nationality becomes its country.
func modKey(t token) string {
	switch {
	case demonyms[t.lower] != "":
		return Key(demonyms[t.lower])
	case t.lower == "of" || t.lower == "for" || t.lower == "the" || ignoredMods[t.lower]:
		return ""
	case roleModifiers[t.lower] && !t.cap:
		return t.lower
	case t.cap:
		return Key(t.text)
	}
	if _, ok := personTitles[t.lower]; ok {
		return ""
	}
	return t.lower
}

// roleWord reports whether a token can be part of a role phrase.
func roleWord(t token) bool {
	if _, ok := roleHeads[t.lower]; ok {
		return true
	}
	if _, ok := personTitles[t.lower]; ok && t.cap {
		return true
	}
	return roleModifiers[t.lower] || ignoredMods[t.lower] || partyWords[t.lower] || demonyms[t.lower] != "" ||
		t.cap || t.lower == "of" || t.lower == "for"
}

// roleBefore returns the role words just before token k joined by single
// spaces ("Kremlin spokesperson Dmitry Peskov"), or nil when they hold no
// role noun.
func (d *doc) roleBefore(p *para, k int) []token {
	i := k
	for i > 0 && k-i < 5 && (p.toks[i].sep == " " || p.toks[i].sep == ". ") && roleWord(p.toks[i-1]) && !p.toks[i-1].poss {
		if p.toks[i-1].sentStart && functionWords[p.toks[i-1].lower] && !isTitle(p.toks[i-1].lower) {
			break
		}
		i--
	}
	ts := p.toks[i:k]
	for len(ts) > 0 && (ts[0].lower == "of" || ts[0].lower == "for") {
		ts = ts[1:]
	}
	if roleFrom(ts).head == "" && !hasTitle(ts) {
		return nil
	}
	return ts
}

// appositiveRole reads "Name, the Ukrainian president," after a name ending
// at token e.
func (d *doc) appositiveRole(p *para, e int) role {
	if e >= len(p.toks) || !strings.HasPrefix(p.toks[e].sep, ",") {
		return role{}
	}
	if l := p.toks[e].lower; l != "the" && l != "a" && l != "an" {
		return role{}
	}
	end := e + 1
	for end < len(p.toks) && end-e < 8 && p.toks[end].sep == " " && roleWord(p.toks[end]) {
		end++
	}
	return roleFrom(p.toks[e+1 : end])
}

// roleBeforeComma reads "the Ukrainian president, Volodymyr Zelensky" and
// "Trump's Ukraine envoy, Keith Kellogg": a role phrase, a comma, the name.
func (d *doc) roleBeforeComma(p *para, k int) role {
	if k == 0 || strings.TrimSpace(p.toks[k].sep) != "," {
		return role{}
	}
	i := k
	for i > 0 && k-i < 6 && roleWord(p.toks[i-1]) && !p.toks[i-1].poss && (i == k || p.toks[i].sep == " ") {
		i--
	}
	if i == k || i == 0 {
		return role{}
	}
	switch p.toks[i-1].lower {
	case "the", "his", "her", "its", "their":
	default:
		if !p.toks[i-1].poss {
			return role{}
		}
	}
	if _, ok := roleHeads[p.toks[k-1].lower]; !ok {
		return role{}
	}
	return roleFrom(p.toks[i:k])
}

// fits reports whether a role reference ("the Russian leader") can name a
// person with role r ("Russian President").
func (ref role) fits(r role) bool {
	if r.head == "" {
		return false
	}
	if ref.head != r.head && !(ref.head == "leader" && leaderRoles[r.head]) {
		return false
	}
	for _, m := range ref.mods {
		if ignoredMods[m] {
			continue
		}
		found := false
		for _, x := range r.mods {
			if x == m {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// findRoleRefs appends role references of one paragraph: "the Ukrainian
// president", "Ukraine's president", "the Kremlin spokesperson", not
// followed by a name.
func (d *doc) findRoleRefs(pi int) {
	p := d.paras[pi]
	for k := 0; k < len(p.toks); k++ {
		t := p.toks[k]
		det := t.lower == "the"
		if !det && !(t.poss && t.cap) {
			continue
		}
		j := k + 1
		end, head := j, -1
		for end < len(p.toks) && end-j < 4 && (end == j || p.toks[end].sep == " ") && roleWord(p.toks[end]) {
			if _, ok := roleHeads[p.toks[end].lower]; ok {
				head = end
			}
			if p.toks[end].poss {
				break
			}
			end++
		}
		if head < 0 || (head+1 < len(p.toks) && p.toks[head+1].sep == " " && d.nameish(p, head+1)) {
			continue
		}
		r := roleFrom(p.toks[j : head+1])
		if !det {
			r.mods = append(r.mods, Key(t.text))
		}
		start := p.toks[k].start
		m := mention{para: pi, tok0: k, tok1: head + 1, start: start, end: p.toks[head].end,
			kind: roleMention, typ: "person", role: r, ent: -1}
		m.surface = p.text[m.start:m.end]
		if strings.HasPrefix(m.surface, "The ") {
			m.surface = "the" + m.surface[3:]
		}
		m.gender = personTitles[p.toks[head].lower]
		d.mentions = append(d.mentions, m)
		k = head
	}
}

// roleHolderNear resolves a role reference no named role fits ("the
// Florida senator" after "Sen. Marco Rubio …") as readers do, by
// continuity: the person last named as a subject before it, in its
// paragraph or the two before, whose roles do not conflict; a bare role
// ("the senator") only from the sentence before or its own. -1 when none.
func (d *doc) roleHolderNear(i int) int {
	m := &d.mentions[i]
	for j := i - 1; j >= 0; j-- {
		c := &d.mentions[j]
		if m.para-c.para > 2 || len(m.role.mods) == 0 && d.sentOrdinal(*m)-d.sentOrdinal(*c) > 1 {
			return -1
		}
		if c.inQuote || c.afterPrep || c.kind != nameMention || c.ent < 0 || d.paras[c.para].toks[c.tok1-1].poss || d.objectLike(c) {
			continue
		}
		if ent := d.ents[c.ent]; ent.typ == model.Person && !conflictingRole(ent, m.role) {
			return c.ent
		}
	}
	return -1
}

// conflictingRole reports a person who holds a role of the reference's
// kind that the reference cannot name ("Texas senator" for "the Florida
// senator").
func conflictingRole(ent *entity, ref role) bool {
	for _, r := range ent.roles {
		if r.head == ref.head && len(r.mods) > 0 && !ref.fits(r) {
			return true
		}
	}
	return false
}

// servesPerson reports a role named after a person of the article ("the
// senior Karvik adviser", "a Pell aide"): someone working for that person,
// left unnamed, whom neither continuity nor salience can tell.
func (d *doc) servesPerson(r role) bool {
	for _, m := range r.mods {
		for _, ent := range d.ents {
			if ent.typ == model.Person && ent.last == m {
				return true
			}
		}
	}
	return false
}
