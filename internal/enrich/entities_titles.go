package enrich

import "parallax/internal/model"

// Titles, role words and the names that ride on them: "Minister for Civil
// Protection Rhea Calloway" is the person Rhea Calloway described by her
// title; "Green Alliance MP" also names the organisation Green Alliance.

// titleSplit returns how many leading tokens of a run are titles and
// role words rather than the name: after the last person title or role
// noun (or a word for a kind of person first: "Schoolgirl Mia Roan"), past
// "of State"-like tails and "for Civil Protection"-like complements. It
// returns len(run) when the run is a role with no name ("Minister for
// Civil Protection", "Science Minister"), and 0 for an organisation whose
// name holds a title word ("Hesk Valley General Hospital").
func titleSplit(run []token) int {
	n := len(run)
	if isOrgHead(run[n-1].lower) {
		return 0
	}
	split := 0
	for i := 0; i < n-1; i++ {
		if isTitle(run[i].lower) || isRoleHead(run[i].lower) || roleWordPlural(run[i]) || (i == 0 && n > 2 && falseTitles[run[i].lower]) {
			split = i + 1
		}
	}
	if split > 0 {
		if c, ok := complementSplit(run, split); ok {
			return c
		}
		for split < n-1 && (run[split].lower == "of" || roleModifiers[run[split].lower] || demonyms[run[split].lower] != "") {
			split++
		}
	}
	// "House John Boehner": a known first name after other words starts the name.
	for i := split + 1; i < n-1; i++ {
		if _, ok := givenNames[run[i].lower]; ok && !nameParticles[run[i-1].lower] {
			if _, prevGiven := givenNames[run[i-1].lower]; !prevGiven {
				return i
			}
		}
	}
	if roleOnly(run[split:]) {
		return n
	}
	return split
}

func isRoleHead(w string) bool {
	_, ok := roleHeads[w]
	return ok
}

// complementSplit reads a title's "for"/"of" complement ("Minister for
// Civil Protection Rhea Calloway"): the name is the last two words (three
// with a middle initial or particle), or starts at a known given name. A
// complement of two words whose first is not a modifier ("Minister for
// Civil Protection") holds no name. ok is false when there is no
// complement or it is a "Secretary of State Rubio" tail.
func complementSplit(run []token, split int) (int, bool) {
	n := len(run)
	if w := run[split].lower; w != "of" && w != "for" {
		return 0, false
	}
	rest := n - split - 1
	switch {
	case rest <= 1:
		return n, true
	case rest == 2:
		if t := run[n-2]; roleModifiers[t.lower] || demonyms[t.lower] != "" {
			return 0, false
		}
		return n, true
	}
	for i := split + 2; i < n-1; i++ {
		if givenNames[run[i].lower] != 0 {
			return i, true
		}
	}
	if m := run[n-2].lower; (len([]rune(m)) == 1 || nameParticles[m]) && rest >= 4 {
		return n - 3, true
	}
	return n - 2, true
}

// roleOnly reports words that end in a title or role noun with no given
// name before it: "Science Minister", "Marovian President", but not "John
// Major".
func roleOnly(ts []token) bool {
	if len(ts) == 0 {
		return false
	}
	last := ts[len(ts)-1].lower
	if !isRoleHead(last) && !(isTitle(last) && personTitles[last] == 0 && len(last) > 3) || anyOrgHead(ts) {
		return false // not "Notre Dame"; "Department of Justice" is an organisation
	}
	for _, t := range ts[:len(ts)-1] {
		if givenNames[t.lower] != 0 {
			return false
		}
	}
	return true
}

func hasTitle(ts []token) bool {
	for _, t := range ts {
		if _, ok := personTitles[t.lower]; ok {
			return true
		}
	}
	return false
}

func titleGender(ts []token) byte {
	for _, t := range ts {
		if g := personTitles[t.lower]; g != 0 {
			return g
		}
	}
	return 0
}

// addLoneTitle records a lone capitalised title word ("King", "Major") as
// a name only if it turns out to be a family name used elsewhere.
func (d *doc) addLoneTitle(pi, k int) {
	p := d.paras[pi]
	t := p.toks[k]
	d.mentions = append(d.mentions, mention{para: pi, tok0: k, tok1: k + 1, start: t.start, end: t.end,
		surface: t.text, typ: unknownType, ent: -1, afterPrep: objectOfPreposition(p, k)})
}

// addPrefixName records the organisation or place that opens a person's
// title prefix ("Green Alliance MP Rasmus Ekker", "White House Press
// Secretary …"): the longest run before the first title word that ends in
// an organisation head or is a known organisation or place. It modifies
// the title, so it is never a speaker.
func (d *doc) addPrefixName(pi, k, core int) {
	p := d.paras[pi]
	f := k
	for f < core && !isTitle(p.toks[f].lower) && !isRoleHead(p.toks[f].lower) && !falseTitles[p.toks[f].lower] {
		f++
	}
	for j := f; j > k; j-- {
		last := p.toks[j-1]
		if last.poss {
			continue
		}
		surface := p.text[p.toks[k].start:last.end]
		folded := foldName(surface)
		typ := ""
		switch {
		case knownOrgs[folded] || isOrgHead(last.lower) && !roleModifiers[last.lower] && (j-k > 1 || standaloneOrgs[last.lower]):
			typ = model.Organisation
		case isPlace(folded):
			typ = model.Place
		default:
			continue
		}
		d.mentions = append(d.mentions, mention{para: pi, tok0: k, tok1: j, start: p.toks[k].start, end: last.end,
			surface: surface, typ: typ, ent: -1, afterPrep: true, fixed: true})
		return
	}
}
