package enrich

import "parallax/internal/model"

// Documents that speak ("the statement said", "the letter warns", "the
// indictment alleges") are given to whoever issued them: a name inside
// the document's own words ("a Pentagon readout", "Karvik's letter"), one
// after "from" or "by" ("a letter from the Harbour Board"), or the subject
// of the sentence that introduced the document earlier ("The Harbour
// Board issued a statement").

// documentNouns are the heads of documents that can be quoted.
var documentNouns = toSet([]string{`statement statements letter letters memo memorandum report indictment complaint
lawsuit suit filing ruling order opinion resolution ad ads advertisement commercial release email e-mail post tweet
message video editorial transcript readout platform petition motion brief proclamation declaration press-release
spot mailer flier flyer`})

// issuer finds who issued the document whose head noun is token h of
// paragraph pi, or -1 (a capital names a title, "The Post", not a
// document): in its own phrase, else at its nearest earlier
// mention with a head of the same group.
func (d *doc) issuer(pi, h int) int {
	p := d.paras[pi]
	if h < 0 || h >= len(p.toks) || !documentNouns[p.toks[h].lower] || p.toks[h].cap && !p.toks[h].sentStart {
		return -1
	}
	if e := d.ownerAt(pi, h, false); e >= 0 {
		return e
	}
	group := thingGroup(p.toks[h].lower)
	for qi := pi; qi >= 1 && pi-qi <= maxThingLookback; qi-- {
		q := d.paras[qi]
		j := len(q.toks) - 1
		if qi == pi {
			j = h - 1
		}
		for ; j >= 0; j-- {
			if !documentNouns[q.toks[j].lower] || q.toks[j].cap && !q.toks[j].sentStart ||
				thingGroup(q.toks[j].lower) != group && q.toks[j].lower != p.toks[h].lower ||
				inQuotation(q, q.toks[j].start) {
				continue
			}
			if e := d.ownerAt(qi, j, true); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// ownerAt finds the issuer of the document whose head is token h: a
// person or organisation named in the words before it ("the Karvik
// campaign ad", "Karvik's letter") or after "from"/"by"; when subject is
// set, also the subject of its sentence ("Karvik released a statement").
func (d *doc) ownerAt(pi, h int, subject bool) int {
	p := d.paras[pi]
	from := h
	for from > 0 && h-from < 5 && p.toks[from].sep == " " && !functionWords[p.toks[from-1].lower] {
		from--
	}
	by := -1
	if h+2 < len(p.toks) && (p.toks[h+1].lower == "from" || p.toks[h+1].lower == "by") && p.toks[h+1].sep == " " {
		by = h + 2
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.inQuote || m.ent < 0 || m.kind == pronounMention {
			continue
		}
		inside := m.tok0 >= from && m.tok1 <= h
		if (inside || m.tok0 == by || m.tok0 == by+1) && d.issuing(m) {
			return m.ent
		}
	}
	if !subject {
		return -1
	}
	s := h
	for s > 0 && p.toks[s-1].sent == p.toks[h].sent {
		s--
	}
	if i := d.subjectBefore(pi, s, h); i >= 0 && d.mentions[i].kind == nameMention && d.issuing(&d.mentions[i]) {
		return d.mentions[i].ent
	}
	return -1
}

// issuing reports a mention of someone who can issue a document: a person
// or an organisation.
func (d *doc) issuing(m *mention) bool {
	if m.ent < 0 {
		return false
	}
	t := d.ents[m.ent].typ
	return t == model.Person || t == model.Organisation
}
