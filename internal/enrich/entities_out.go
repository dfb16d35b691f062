package enrich

import (
	"sort"
	"strings"

	"parallax/internal/model"
)

// findHeadings links the words of the headline and subheadings to the
// body's entities (headings are often title case, so capitals say little
// there), then to known places and organisations, and resolves their role
// references.
func (d *doc) findHeadings() {
	known := make(map[string]int)
	for e, ent := range d.ents {
		for _, n := range ent.order {
			known[Key(n)] = e
		}
		if ent.typ == model.Person && ent.last != "" {
			if _, taken := known[ent.last]; !taken {
				known[ent.last] = e
			}
		}
	}
	for pi, p := range d.paras {
		if !p.heading {
			continue
		}
		for k := 0; k < len(p.toks); {
			n := d.headlineMatch(pi, k, known)
			if n == 0 {
				k++
				continue
			}
			k += n
		}
		d.findRoleRefs(pi)
	}
	d.linkRoleRefs()
}

// headlineMatch links the longest known name starting at token k and
// returns its length in tokens (0 when none).
func (d *doc) headlineMatch(pi, k int, known map[string]int) int {
	p := d.paras[pi]
	if !p.toks[k].cap || functionWords[p.toks[k].lower] {
		return 0
	}
	for n := 4; n >= 1; n-- {
		if k+n > len(p.toks) || !spaced(p.toks[k+1:k+n]) {
			continue
		}
		surface := p.text[p.toks[k].start:p.toks[k+n-1].end]
		key := Key(surface)
		e, ok := known[key]
		if !ok {
			f := foldName(surface)
			typ := ""
			if isPlace(f) {
				typ = model.Place
			} else if knownOrgs[f] {
				typ = model.Organisation
			} else {
				continue
			}
			e = d.newEntity(typ)
			d.ents[e].key = key
			known[key] = e
		}
		m := mention{para: pi, tok0: k, tok1: k + n, start: p.toks[k].start, end: p.toks[k+n-1].end,
			surface: surface, typ: d.ents[e].typ, ent: -1}
		d.mentions = append(d.mentions, m)
		d.attach(len(d.mentions)-1, e)
		return n
	}
	return 0
}

func spaced(ts []token) bool {
	for _, t := range ts {
		if t.sep != " " {
			return false
		}
	}
	return true
}

// assignKeys gives each entity its cross-article key: a person's given
// and family name, with any suffix ("donald trump", "donald trump jr"),
// or the family name alone when the article never gives the first
// (CorpusEntities joins such keys to the full one where that is
// unambiguous); a place's or organisation's folded name. Two people of
// the article left with one key take their fullest names' keys.
func (d *doc) assignKeys() {
	byKey := make(map[string][]int)
	for e, ent := range d.ents {
		if ent.typ == model.Person {
			k := personKey(ent.firstKey, ent.last, ent.suffix)
			byKey[k] = append(byKey[k], e)
		}
	}
	for k, es := range byKey {
		sort.SliceStable(es, func(i, j int) bool { return d.ents[es[i]].mentions > d.ents[es[j]].mentions })
		for i, e := range es {
			d.ents[e].key = k
			if i > 0 {
				d.ents[e].key = Key(d.ents[e].name())
			}
		}
	}
}

// personKey joins the keys of a person's name parts.
func personKey(first, last, suffix string) string {
	return strings.TrimSpace(strings.Join([]string{first, last, suffix}, " "))
}

// name is the fullest form the article uses: most words, then longest.
func (ent *entity) name() string {
	best := ""
	for _, n := range ent.order {
		if wb, wn := len(strings.Fields(best)), len(strings.Fields(n)); wn > wb || (wn == wb && len(n) > len(best)) {
			best = n
		}
	}
	return best
}

// entities returns the model entities, most mentioned first.
func (d *doc) entities() []model.Entity {
	out := make([]model.Entity, 0, len(d.ents))
	for _, ent := range d.ents {
		name := ent.name()
		if name == "" {
			continue
		}
		aliases := []string{}
		for _, n := range ent.order {
			if n != name {
				aliases = append(aliases, n)
			}
		}
		aliases = append(aliases, ent.refs...)
		var descs []string
		if ent.typ == model.Person {
			descs = ent.descs
		}
		out = append(out, model.Entity{Name: name, Key: ent.key, Type: ent.typ, Aliases: aliases, Mentions: ent.mentions,
			Descriptions: descs})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].Name < out[j].Name
	})
	return out
}
