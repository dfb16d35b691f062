package enrich

import "strings"

// Unnamed subjects. News writing gives words to people it does not name:
// "A spokesman for Platte River declined to comment but said in a
// statement that "…"", "One Democratic official who relayed the exchange
// said …", "Two officials familiar with the talks said the deal was "…"",
// "Attorneys for Pell argued in a filing that "…"". The subject is the
// speaker of every quotation its clause reports, whatever names its
// complement or its predicate holds ("a senior Pell aide" is not Pell),
// and its words, complement included, are the speaker's name.

// quantifiers open an unnamed subject.
var quantifiers = toSet([]string{`a an one another two three four five six seven eight nine ten several some
many multiple both`})

// unnamedHeads are nouns for speakers that descriptorWord does not know:
// groups, documents and polls, sources.
var unnamedHeads = toSet([]string{`source group committee panel coalition campaign organization organisation
agency department office administration team council board caucus union association poll survey study
analysis operative staffer people person insider veteran other counsel woman man friend family`})

// subjectHead reports a noun that can head the words of an unnamed
// speaker, singular or plural.
func subjectHead(w string) bool {
	for _, x := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if x != "" && (descriptorWord(x) && !notAgents[x] || unnamedHeads[x] || documentNouns[x]) {
			return true
		}
	}
	return false
}

// complementWords may follow an unnamed speaker's head noun to say whose
// or where they are ("for the committee", "familiar with the talks").
var complementWords = toSet([]string{`for of at from with to inside in on within close familiar`})

// maxUnnamedTokens bounds an unnamed subject's words.
const maxUnnamedTokens = 14

// unnamedSubject reads an unnamed subject opening the sentence at token s
// (past "But" or "And") of paragraph pi, whose verb comes before token
// limit: a quantifier or a capitalised plural head ("Attorneys for …"),
// words that describe the head, the head, a complement, and a
// who-clause; then a verb. It returns the subject's words and its verb's
// token, or not found when the words name someone, since a name speaks
// for itself ("Another Pell ally, Ivo Brandt, said").
func (d *doc) unnamedSubject(pi, s, limit int) (attribution, int) {
	p := d.paras[pi]
	none := attribution{ent: -1}
	for s+1 < limit && leadConnectives[p.toks[s].lower] && !strings.Contains(p.toks[s+1].sep, ",") {
		s++
	}
	s = skipOpeningPhrase(p, s, limit)
	if s >= limit {
		return none, -1
	}
	k := s
	docOnly := false // "the" opens a document's words only ("The Rove ad")
	possOpener := false
	switch {
	case quantifiers[p.toks[k].lower]:
		k++
	case p.toks[k].lower == "the":
		k++
		docOnly = true
	case possessiveName(p, s, limit) > s: // "Pell's campaign", "Sen. Ana Pell's right-hand woman"; her aide is a role (see findRoleRefs)
		k = possessiveName(p, s, limit)
		possOpener = true
	case !d.pluralOpener(pi, k):
		return none, -1
	}
	head := -1
	for ; k < limit && k-s < 6 && (k == s || p.toks[k].sep == " "); k++ {
		t := p.toks[k]
		if t.poss && k+1 < limit {
			continue // "a senior Pell aide", "Bush's longtime friend"
		}
		if functionWords[t.lower] && k > s || prepositions[t.lower] || verbLike(t) && head >= 0 {
			break
		}
		if subjectHead(t.lower) {
			head = k
		} else if head >= 0 && !t.cap {
			break
		}
	}
	if head < 0 || head+1 != k && !complementWords[p.toks[k].lower] || docOnly && !documentHead(p.toks[head].lower) {
		return none, -1
	}
	if _, role := roleHeads[p.toks[head].lower]; possOpener && role {
		return none, -1
	}
	end := head + 1 // the words end here, the verb comes after
	if end < limit && complementWords[p.toks[end].lower] && p.toks[end].sep == " " {
		if p.toks[end].lower == "familiar" || p.toks[end].lower == "close" {
			end++
		}
		j := end + 1
		for j < limit && j-s < maxUnnamedTokens && p.toks[j].sep == " " && (!verbLike(p.toks[j]) || determinedNoun(p, j)) &&
			(p.toks[j].cap || p.toks[j].poss || !functionWords[p.toks[j].lower] || p.toks[j].lower == "the" || p.toks[j].lower == "of" || p.toks[j].lower == "and") {
			j++
		}
		if j > end+1 {
			end = j
		}
	}
	words := end
	v := end
	if v < limit && (p.toks[v].lower == "who" || p.toks[v].lower == "that") && p.toks[v].sep == " " {
		for v++; v < limit && v-s < maxUnnamedTokens+8 && !d.reportingVerb(p, v) && !strings.Contains(p.toks[v].sep, ","); v++ {
		}
	} else if v < limit && strings.Contains(p.toks[v].sep, ",") {
		v = skipAside(p, v, limit)
	}
	v = skipAuxiliaries(p, v)
	if v >= limit || p.toks[v].sent != p.toks[s].sent || !(verbLike(p.toks[v]) || d.reportingVerb(p, v)) {
		return none, -1
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para == pi && m.tok0 >= words && m.tok1 <= v && m.kind == nameMention && !m.afterPrep {
			return none, -1 // an appositive names the speaker
		}
	}
	if documentHead(p.toks[head].lower) {
		words = head + 1 // a document is told by its issuer (see issuer), its words kept short: "the lawsuit"
	}
	return attribution{found: true, ent: -1, np: p.text[p.toks[s].start:p.toks[words-1].end], desc: d.thingDescription(pi, head),
		headPi: pi, head: head}, v
}

// skipAside steps over a clause between commas starting at token k (",
// who asked not to be named,"), returning the token after it, or k.
func skipAside(p *para, k, limit int) int {
	for j := k + 1; j < limit && j-k < 16; j++ {
		if strings.ContainsAny(p.toks[j].sep, ";:\"“”") {
			return k
		}
		if strings.Contains(p.toks[j].sep, ",") {
			return j
		}
	}
	return k
}

// verbLike reports a finite verb: shaped like one ("declined", "says"),
// an irregular past, or a modal or form of "be" or "have".
func verbLike(t token) bool {
	return verbShaped(t) && !strings.HasSuffix(t.lower, "ss") || finiteVerbs[t.lower]
}

var finiteVerbs = toSet([]string{`has have had is are was were will would could can may might did does do
must should told wrote said`})

// clauseUnnamedSubject is the unnamed subject of the clause before a
// quotation opening at token e: the clause after an earlier quotation of
// the sentence (from c), else the sentence's.
func (d *doc) clauseUnnamedSubject(pi, sentStart, c, e int) (attribution, int) {
	at, v := d.unnamedSubject(pi, c, e)
	if !at.found && c > sentStart && !inQuotation(d.paras[pi], d.paras[pi].toks[sentStart].start) {
		at, v = d.unnamedSubject(pi, sentStart, e)
	}
	if at.found && d.otherSubject(pi, v, e) {
		return attribution{ent: -1}, -1
	}
	return at, v
}

// otherSubject reports a speech verb between the unnamed subject's verb v
// and the quotation at token e with a subject of its own, in a clause of
// its own, coordinated ("a woman asked for a photo and Pell said, "…"");
// a name the verb acts on is no subject ("said Brandt quieted the room,
// telling …").
func (d *doc) otherSubject(pi, v, e int) bool {
	p := d.paras[pi]
	for v2 := v + 1; v2 < e; v2++ {
		if !d.reportingVerb(p, v2) {
			continue
		}
		if j := d.subjectBefore(pi, v+1, v2); j >= 0 {
			if k := d.mentions[j].tok0; k > 0 && coordinators[p.toks[k-1].lower] {
				return true
			}
		}
	}
	return false
}

// coordinators join main clauses; a clause after "in which" or "how"
// stays inside the unnamed subject's report.
var coordinators = toSet([]string{`and but yet so while then`})

// determinedNoun reports a word right after a determiner or a possessive:
// a noun, however shaped ("the talks", "Pell's plans").
func determinedNoun(p *para, j int) bool {
	prev := p.toks[j-1]
	return prev.poss || prev.lower == "the" || prev.lower == "a" || prev.lower == "an" || prev.lower == "its" || prev.lower == "their"
}

// pluralOpener reports a capitalised plural of a known speaker noun
// opening a subject with no determiner ("Attorneys for Pell", "Officials
// at the port"), not part of a name ("Sanders").
func (d *doc) pluralOpener(pi, k int) bool {
	t := d.paras[pi].toks[k]
	w := strings.TrimSuffix(t.lower, "s")
	if !t.cap || w == t.lower {
		return false
	}
	if _, ok := roleHeads[w]; !ok && !agentNouns[w] && !unnamedHeads[w] && !documentNouns[w] {
		return false
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.para == pi && m.tok0 <= k && k < m.tok1 && m.kind == nameMention {
			return false
		}
	}
	return true
}

// documentHead reports a noun for a document or a publication, which
// speaks for whoever issued it.
func documentHead(w string) bool {
	return documentNouns[w] || publicationNouns[w]
}

var publicationNouns = toSet([]string{`page website site poll survey study book article column story
analysis chart paper`})

// possessiveName returns the token after a name in the possessive opening
// at token s ("Pell's", "Norvala Sen. Ana Pell's"), or s when there is
// none.
func possessiveName(p *para, s, limit int) int {
	for j := s; j < limit && j-s < 6 && p.toks[j].cap && (j == s || p.toks[j].sep == " " || p.toks[j].sep == ". " && isAbbrev(p.toks[j-1])); j++ {
		if p.toks[j].poss {
			return j + 1
		}
	}
	return s
}

// skipOpeningPhrase steps over a prepositional phrase that opens the
// sentence at token s up to its comma ("In court documents, …", "In
// response to Brandt's plan, …"), returning the token after it, or s.
func skipOpeningPhrase(p *para, s, limit int) int {
	if s >= limit || !prepositions[p.toks[s].lower] || subordinators[p.toks[s].lower] {
		return s
	}
	for j := s + 1; j < limit && j-s < 16; j++ {
		if strings.ContainsAny(p.toks[j].sep, ";:\"“”") || verbLike(p.toks[j]) && !determinedNoun(p, j) {
			return s
		}
		if strings.Contains(p.toks[j].sep, ",") {
			return j
		}
	}
	return s
}
