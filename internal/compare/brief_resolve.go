package compare

import (
	"strings"

	"parallax/internal/model"
)

// A sentence whose subject is a role ("The senator said…") or a pronoun
// ("He said…") leans on the sentence that named the person. When the
// article itself says who that is, beyond doubt, the brief can name them
// and keep the sentence: "[Chuck Grassley] said…", in square brackets as
// a journalist marks words put into a quotation. Beyond doubt means: the
// enrichment resolves the role to one person of the article, and that
// person is the only one of their kind named in the sentences just before;
// a pronoun goes to the one person the sentence before names (or, when it
// names nobody, the one before that), of no conflicting sex.

// resolveBack is how many sentences back the person must be named.
const resolveBack = 3

// resolvedOpening rewrites a sentence (dateline stripped) whose opening
// subject is a role or a pronoun: plain is the text with the name put in,
// shown the same with the name in brackets. ok is false when the opening
// is no such subject or the article does not settle who it is.
func resolvedOpening(t string, s *sent) (plain, shown string, ok bool) {
	n, e, ok := openingReference(t, s)
	if !ok {
		return "", "", false
	}
	name := titled(e)
	rest := t[n:]
	return name + rest, "[" + name + "]" + rest, true
}

// resolvedWording words a member whose only fault is a subject known by a
// role or a pronoun the article resolves: with the name put in, the
// sentence must pass every stand-alone rule.
func resolvedWording(r rankedClaim, s *sent) (briefCand, bool) {
	t, fault := briefFault(s)
	if !resolvableFaults[fault] {
		return briefCand{}, false
	}
	plain, shown, ok := resolvedOpening(t, s)
	if !ok {
		return briefCand{}, false
	}
	s2 := *s
	s2.text, s2.bare, s2.fault, s2.nums = plain, stripQuoted(plain), nil, nil
	if _, f := findBriefFault(&s2); f != "" {
		return briefCand{}, false
	}
	return briefCand{r: r, s: s, text: plain, shown: shown}, true
}

// resolvableFaults are the stand-alone faults a named subject may cure.
var resolvableFaults = setOf(`connective described pronoun vague-reference`)

// reportVerbs after an opening pronoun report what the person said: the
// sentence then carries its own content ("He said the law…"), where
// "He never left" or "He added" goes on from the sentence before.
var reportVerbs = setOf(`said says told tells wrote writes argued explained insisted stated declared
acknowledged conceded warned claimed noted announced denied called urged predicted`)

// titled is the person's name with the title the article gives before it
// ("Sen. Chuck Grassley", "AARP CEO Barry Rand"): who the person is, which
// the sentence the brief leaves out told. "Mr." and the like say nothing.
func titled(e model.Entity) string {
	for _, d := range e.Descriptions {
		title, _, _ := strings.Cut(d, ",")
		ws := strings.Fields(title)
		if len(ws) == 0 || len(ws) > 4 || courtesyTitles[strings.ToLower(strings.TrimSuffix(title, "."))] {
			continue
		}
		capital := true
		for _, w := range ws {
			capital = capital && isCapital(w)
		}
		if capital {
			return title + " " + e.Name
		}
	}
	return e.Name
}

var courtesyTitles = setOf(`mr ms mrs miss dr`)

// openingReference finds the sentence's opening role or pronoun: how many
// bytes it spans and the person it stands for.
func openingReference(t string, s *sent) (int, model.Entity, bool) {
	fs := strings.Fields(t)
	if len(fs) < 3 {
		return 0, model.Entity{}, false
	}
	first := strings.ToLower(fs[0])
	switch first {
	case "he", "she":
		if !reportVerbs[strings.ToLower(strings.Trim(fs[1], ",;:"))] {
			return 0, model.Entity{}, false // "He never left" goes on a story told before
		}
		e, ok := pronounPerson(s, first == "she")
		return len(fs[0]), e, ok
	case "the":
		return roleReference(t, s)
	}
	return 0, model.Entity{}, false
}

// roleReference matches the longest role reference ("the former
// congressman") the enrichment gives one person of the article at the
// sentence's start, and checks the sentences before name that person and
// no other holder of the role.
func roleReference(t string, s *sent) (int, model.Entity, bool) {
	low := strings.ToLower(t)
	best, span := -1, 0
	ents := s.doc.enr.Entities
	for i, e := range ents {
		if e.Type != model.Person {
			continue
		}
		for _, a := range e.Aliases {
			a = strings.ToLower(a)
			if !strings.HasPrefix(a, "the ") || len(a) <= span || !opensWithAny(low, []string{a}) {
				continue
			}
			best, span = i, len(a)
		}
	}
	if best < 0 || t[span:] == "" || t[span] == ',' {
		return 0, model.Entity{}, false // "The senator, who…" may name another
	}
	e := ents[best]
	role := lastWord(t[:span])
	for i, o := range ents {
		if i != best && o.Type == model.Person && (o.Key == e.Key || hasRole(o, t[:span], role)) {
			return 0, model.Entity{}, false // two people of the article fit
		}
	}
	if !namedJustBefore(s, e.Key) {
		return 0, model.Entity{}, false
	}
	return span, e, true
}

// hasRole: the person is known by the reference too, or described by its
// role noun ("Sen." for "the senator"): it could mean them.
func hasRole(e model.Entity, ref, role string) bool {
	for _, a := range e.Aliases {
		if strings.EqualFold(a, ref) {
			return true
		}
	}
	want := roleHeads[role]
	for _, d := range e.Descriptions {
		for _, w := range lexWords(d) {
			if want != "" && roleHeads[strings.TrimSuffix(w, ".")] == want {
				return true
			}
		}
	}
	return false
}

// lastWord is the last word of text, lower-case.
func lastWord(text string) string {
	ws := lexWords(text)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// namedJustBefore: one of the sentences just before names the person
// outside quotations.
func namedJustBefore(s *sent, key string) bool {
	for p := s.pos - 1; p >= 0 && p >= s.pos-resolveBack; p-- {
		if personsNamed(s.doc.sents[p])[key] {
			return true
		}
	}
	return false
}

// pronounPerson is the person an opening pronoun stands for: the one
// person the sentence before names outside quotations, or, when it names
// none, the one the sentence before that names; never someone described
// with a title of the other sex.
func pronounPerson(s *sent, female bool) (model.Entity, bool) {
	for p := s.pos - 1; p >= 0 && p >= s.pos-2; p-- {
		named := personsNamed(s.doc.sents[p])
		if len(named) == 0 {
			continue
		}
		if len(named) > 1 || possessed(s.doc.sents[p]) {
			return model.Entity{}, false
		}
		for k := range named {
			e, ok := personByKey(s.doc, k)
			return e, ok && !otherSex(e, female)
		}
	}
	return model.Entity{}, false
}

// possessed: the sentence names its person only as an owner ("Smith's
// aide said…"), so a following "he" may be the one owned.
func possessed(s *sent) bool {
	for _, f := range s.doc.surface {
		if f.typ != model.Person {
			continue
		}
		if i := indexWord(s.bare, f.form); i >= 0 {
			rest := s.bare[i+len(f.form):]
			return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
		}
	}
	return false
}

// personsNamed are the keys of the persons a sentence names outside its
// quotations.
func personsNamed(s *sent) map[string]bool {
	out := make(map[string]bool)
	for _, f := range s.doc.surface {
		if f.typ == model.Person && indexWord(s.bare, f.form) >= 0 {
			out[f.key] = true
		}
	}
	return out
}

func personByKey(d *doc, key string) (model.Entity, bool) {
	for _, e := range d.enr.Entities {
		if e.Key == key && e.Type == model.Person {
			return e, true
		}
	}
	return model.Entity{}, false
}

// otherSex: the person's descriptions give a title of the other sex than
// the pronoun.
func otherSex(e model.Entity, female bool) bool {
	for _, d := range e.Descriptions {
		for _, w := range lexWords(d) {
			w = strings.TrimSuffix(w, ".")
			if female && maleTitles[w] || !female && femaleTitles[w] {
				return true
			}
		}
	}
	return false
}

var maleTitles = setOf(`mr congressman chairman spokesman businessman king prince`)

var femaleTitles = setOf(`ms mrs miss congresswoman chairwoman spokeswoman businesswoman queen princess`)
