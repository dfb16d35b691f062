package enrich

import (
	"sort"
	"strings"

	"parallax/internal/model"
)

// doc is one article under analysis: its paragraphs (the headline first),
// the mentions found in them and the entities they resolve to.
type doc struct {
	paras     []*para // paras[0] is the headline
	lowerSeen map[string]bool
	adjSeen   map[string]bool // capitalised words used as adjectives (see adjectiveOf)
	mentions  []mention
	ents      []*entity
	pronouns  map[int]int          // resolved pronoun mentions → entity
	sentBase  []int                // sentences before each paragraph (see sentOrdinal)
	parts     map[string]nameSplit // namePartsSuffix by surface: asked again and again
}

// nameSplit is what namePartsSuffix returns.
type nameSplit struct{ first, last, suffix string }

// namePartsSuffix is namePartsSuffix(surface), kept for the document.
func (d *doc) namePartsSuffix(surface string) (first, last, suffix string) {
	if p, ok := d.parts[surface]; ok {
		return p.first, p.last, p.suffix
	}
	first, last, suffix = namePartsSuffix(surface)
	if d.parts == nil {
		d.parts = make(map[string]nameSplit)
	}
	d.parts[surface] = nameSplit{first, last, suffix}
	return first, last, suffix
}

// nameParts is namePartsSuffix without the suffix.
func (d *doc) nameParts(surface string) (first, last string) {
	first, last, _ = d.namePartsSuffix(surface)
	return first, last
}

// entity is one person, place or organisation of the article.
type entity struct {
	typ      string
	names    map[string]int // name forms as written → mentions
	order    []string       // name forms in order of first use
	refs     []string       // role references ("the Ukrainian president")
	first    string         // folded given name (persons)
	firstKey string         // Key of the given name
	last     string         // Key of the family name (persons)
	suffix   string         // generational suffix: "jr", "sr", "iii" (persons)
	roles    []role
	descs    []string // how the text describes it, in order of use
	gender   byte
	mentions int
	key      string
}

func newDoc(a model.Article) *doc {
	d := &doc{adjSeen: make(map[string]bool), pronouns: make(map[int]int)}
	paras := a.Paragraphs()
	d.paras = make([]*para, 0, len(paras)+1)
	d.paras = append(d.paras, newPara(-1, a.Title))
	words := 0
	for i, p := range paras {
		d.paras = append(d.paras, newPara(i, p))
		words += len(d.paras[i+1].toks)
	}
	// Sized once: growing it was a tenth of building the document.
	d.lowerSeen = make(map[string]bool, words/2)
	for _, p := range d.paras[1:] {
		if p.heading {
			continue
		}
		for _, t := range p.toks {
			if !t.cap {
				d.lowerSeen[t.lower] = true
			}
		}
		d.noteAdjectives(p)
	}
	return d
}

// resolve finds and links every mention of the body, then the headline's.
func (d *doc) resolve() {
	dateline := true
	for pi := 1; pi < len(d.paras); pi++ {
		if d.paras[pi].heading {
			continue
		}
		if creditLine(d.paras[pi]) {
			d.findCredits(pi)
			continue
		}
		d.findRuns(pi)
		if dateline {
			d.findDateline(pi)
			dateline = false
		}
		d.findRoleRefs(pi)
		d.findPronouns(pi)
	}
	d.sortMentions()
	d.unifyTypes()
	d.linkFullNames()
	d.linkShortNames()
	d.linkPlacesAndOrgs()
	d.linkRoleRefs()
	d.findHeadings()
	d.sortMentions()
	d.assignKeys()
}

func (d *doc) sortMentions() {
	sort.SliceStable(d.mentions, func(i, j int) bool {
		a, b := d.mentions[i], d.mentions[j]
		if a.para != b.para {
			return a.para < b.para
		}
		return a.start < b.start
	})
}

func (d *doc) findPronouns(pi int) {
	p := d.paras[pi]
	for k, t := range p.toks {
		if g, ok := pronounGender[t.lower]; ok {
			d.mentions = append(d.mentions, mention{para: pi, tok0: k, tok1: k + 1, start: t.start, end: t.end,
				surface: t.text, kind: pronounMention, gender: g, ent: -1})
		}
	}
}

// namePartsSuffix splits a person's name into folded given name and
// family key, with the generational suffix ("jr", "iii") that tells a son
// from his father.
func namePartsSuffix(surface string) (first, last, suffix string) {
	ws := strings.Fields(foldName(surface))
	for len(ws) > 1 && nameSuffixes[ws[len(ws)-1]] {
		if suffix == "" {
			suffix = ws[len(ws)-1]
		}
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return "", "", ""
	}
	if len(ws) > 1 {
		first = ws[0]
	}
	return first, Key(ws[len(ws)-1]), suffix
}

func (d *doc) newEntity(typ string) int {
	d.ents = append(d.ents, &entity{typ: typ, names: make(map[string]int)})
	return len(d.ents) - 1
}

// attach records mention i as a reference to entity e.
func (d *doc) attach(i, e int) {
	m := &d.mentions[i]
	m.ent = e
	ent := d.ents[e]
	ent.mentions++
	if m.kind == roleMention {
		ent.refs = appendNew(ent.refs, m.surface)
		return
	}
	if _, seen := ent.names[m.surface]; !seen {
		ent.order = append(ent.order, m.surface)
	}
	ent.names[m.surface]++
	if m.desc != "" {
		ent.descs = appendNew(ent.descs, m.desc)
	}
	if m.role.head != "" {
		ent.roles = append(ent.roles, m.role)
	}
	if ent.gender == 0 {
		ent.gender = m.gender
	}
	if ent.gender == 0 && ent.typ == model.Person {
		f, _ := d.nameParts(m.surface)
		ent.gender = givenNames[f]
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// linkFullNames makes one person per full name; names with the same family
// name, a compatible given name and the same suffix ("Hillary Clinton",
// "Hillary Rodham Clinton"; not "Ana Pell" and "Ana Pell Jr.") are one
// person.
func (d *doc) linkFullNames() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind != nameMention || m.typ != model.Person || m.tok1-m.tok0 < 2 {
			continue
		}
		first, last, suffix := d.namePartsSuffix(m.surface)
		e := -1
		for j, ent := range d.ents {
			if ent.typ == model.Person && ent.last == last && ent.suffix == suffix && compatibleFirst(ent.first, first) {
				e = j
				break
			}
		}
		if e < 0 {
			e = d.newEntity(model.Person)
			d.ents[e].last, d.ents[e].suffix = last, suffix
		}
		if ent := d.ents[e]; len(first) > len(ent.first) { // "J. Smith", then "John Smith"
			ent.first = first
			ent.firstKey = Key(first)
		}
		d.attach(i, e)
	}
}

// compatibleFirst reports whether two given names can be one person's: the
// same, or one an initial of the other.
func compatibleFirst(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	return (len(a) == 1 && strings.HasPrefix(b, a)) || (len(b) == 1 && strings.HasPrefix(a, b))
}

// linkShortNames joins family names ("Putin", "Mr. Steele") to the full
// names they shorten; a titled or speaking lone name with no full form
// becomes a person of its own.
func (d *doc) linkShortNames() {
	for pass := 0; pass < 2; pass++ {
		for i := range d.mentions {
			m := &d.mentions[i]
			if m.kind != nameMention || m.ent >= 0 || m.tok1-m.tok0 != 1 || (m.typ != model.Person && m.typ != unknownType) {
				continue
			}
			_, last := d.nameParts(m.surface)
			if e := d.personByName(last, i); e >= 0 {
				m.typ = model.Person
				d.attach(i, e)
				continue
			}
			if pass == 0 && m.typ == model.Person {
				e := d.newEntity(model.Person)
				d.ents[e].last = last
				d.attach(i, e)
			}
		}
	}
}

// personByName finds the person whose family name (or, failing that, given
// name) is key, preferring the one mentioned last before mention i.
func (d *doc) personByName(key string, i int) int {
	best := -1
	for _, byFirst := range []bool{false, true} {
		for j, ent := range d.ents {
			if ent.typ != model.Person {
				continue
			}
			if (!byFirst && ent.last == key) || (byFirst && ent.firstKey != "" && ent.firstKey == key) {
				if best < 0 || d.lastBefore(j, i) > d.lastBefore(best, i) {
					best = j
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// lastBefore returns the index of entity e's last mention before mention i,
// or -1.
func (d *doc) lastBefore(e, i int) int {
	for j := i - 1; j >= 0; j-- {
		if d.mentions[j].ent == e {
			return j
		}
	}
	return -1
}

// linkPlacesAndOrgs groups places and organisations by key; an acronym
// joins the organisation whose initials it spells, and a lone word the
// one longer place or organisation it begins ("Corvane" for "Corvane
// Dam"), decided once all full names are known.
func (d *doc) linkPlacesAndOrgs() {
	byKey := make(map[string]int)
	var short []int
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind != nameMention || m.ent >= 0 {
			continue
		}
		if d.shortForm(m) {
			short = append(short, i)
			continue
		}
		if m.typ == model.Place || m.typ == model.Organisation {
			d.linkPlaceOrOrg(i, byKey)
		}
	}
	for _, i := range short {
		m := &d.mentions[i]
		if e := d.longFormOf(m.surface); e >= 0 {
			m.typ = d.ents[e].typ
			d.attach(i, e)
		} else if m.typ != unknownType {
			d.linkPlaceOrOrg(i, byKey)
		}
	}
}

// shortForm reports a lone word that may shorten a longer name: untyped,
// or a place only because a feature noun follows ("the Corvane
// reservoir"), and not opening a sentence.
func (d *doc) shortForm(m *mention) bool {
	if m.tok1-m.tok0 != 1 || d.paras[m.para].toks[m.tok0].sentStart {
		return false
	}
	return m.typ == unknownType || m.typ == model.Place && m.hintFeature
}

// longFormOf returns the one place or organisation of two or more words
// whose first word is w, or -1.
func (d *doc) longFormOf(w string) int {
	k, found := Key(w), -1
	for e, ent := range d.ents {
		if ent.typ != model.Place && ent.typ != model.Organisation || len(ent.order) == 0 {
			continue
		}
		first, _, more := strings.Cut(ent.order[0], " ")
		if !more || Key(first) != k {
			continue
		}
		if found >= 0 && found != e {
			return -1
		}
		found = e
	}
	return found
}

func (d *doc) linkPlaceOrOrg(i int, byKey map[string]int) {
	m := &d.mentions[i]
	k := Key(m.surface)
	e, ok := byKey[k]
	if !ok && m.typ == model.Organisation && isAcronym(m.surface) {
		e, ok = d.orgByInitials(k)
	}
	if !ok {
		e = d.newEntity(m.typ)
		d.ents[e].key = k
		byKey[k] = e
	}
	d.attach(i, e)
}

func (d *doc) orgByInitials(acr string) (int, bool) {
	for j, ent := range d.ents {
		if ent.typ != model.Organisation {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Fields(foldName(ent.order[0])) {
			if !functionWords[w] {
				b.WriteByte(w[0])
			}
		}
		if b.Len() > 1 && b.String() == acr {
			return j, true
		}
	}
	return -1, false
}

// linkRoleRefs resolves "the Ukrainian president" to the one person the
// article gives that role, or the last mentioned of several.
func (d *doc) linkRoleRefs() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind != roleMention || m.ent >= 0 {
			continue
		}
		var cands []int
		for j, ent := range d.ents {
			if ent.typ != model.Person {
				continue
			}
			for _, r := range ent.roles {
				if m.role.fits(r) {
					cands = append(cands, j)
					break
				}
			}
		}
		switch {
		case len(cands) == 1:
			d.attach(i, cands[0])
		case len(cands) > 1 && len(m.role.mods) > 0:
			best := cands[0]
			for _, c := range cands[1:] {
				if d.lastBefore(c, i) > d.lastBefore(best, i) {
					best = c
				}
			}
			d.attach(i, best)
		}
	}
}

// unifyTypes gives every untitled name one type: a name used as a place
// anywhere ("in Port Aldane", "the village of Carrow", "Valdora" beside
// "Valdoran farmers") is a place everywhere, and one the context calls an
// organisation ("Valdhydro, the state operator") an organisation, unless
// it is also the family name of a person named in full.
func (d *doc) unifyTypes() {
	people := make(map[string]bool)
	places := make(map[string]bool) // typed, or told by a feature noun or an adjective
	orgs := make(map[string]bool)
	nearPlace := make(map[string]bool)    // after "in" and the like: weaker than orgs
	featurePlace := make(map[string]bool) // "the Corvane reservoir": may shorten "Corvane Dam"
	for _, m := range d.mentions {
		if m.kind == nameMention && m.typ == model.Person && (m.titled || m.tok1-m.tok0 > 1) {
			_, last := d.nameParts(m.surface)
			people[last] = true
		}
	}
	for _, m := range d.mentions {
		if m.kind != nameMention {
			continue
		}
		f := foldName(m.surface)
		switch {
		case m.typ == model.Place:
			places[f] = true
		case m.typ == model.Organisation && !isAcronym(m.surface):
			orgs[f] = true
		case people[Key(f)] || m.titled:
		case m.tok1-m.tok0 == 1 && givenNames[f] == 0 && d.adjectiveOf(m.surface):
			places[f] = true
		case m.hintFeature:
			featurePlace[f] = true
		case m.hint == model.Place:
			nearPlace[f] = true
		case m.hint == model.Organisation:
			orgs[f] = true
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind != nameMention || m.titled || m.role.head != "" || (m.typ != model.Person && m.typ != unknownType) {
			continue
		}
		f := foldName(m.surface)
		switch {
		case places[f]:
			m.typ = model.Place
		case orgs[f]:
			m.typ = model.Organisation
		case featurePlace[f]:
			m.typ, m.hintFeature = model.Place, true
		case nearPlace[f]:
			m.typ = model.Place
		}
	}
}
