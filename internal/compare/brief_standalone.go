package compare

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// A brief sentence is read without the article around it, so it must not
// lean on what came before: no opening connective or pronoun, no subject
// known only by a description ("The 49-year-old", "The congressman"), no
// speaker known only as "he", no piece of a quotation.

// contextWords open sentences that lean on the one before them.
var contextWords = setOf(`he she it they this that these those his her its their but and however
meanwhile also yet so still then there such instead besides moreover him them now if neither
both either others another true even previously later earlier afterward afterwards additionally
furthermore nevertheless nonetheless though thus therefore hence otherwise likewise similarly
indeed again too plus or nor rather finally lastly here we i you our my your us regardless
accordingly consequently conversely separately elsewhere`)

// contextOpeners are the connectives of more than one word.
var contextOpeners = []string{"in addition", "as a result", "at the same time", "on the other hand",
	"for example", "for instance", "in fact", "even so", "after that", "by contrast", "in contrast",
	"in turn", "for his part", "for her part", "for their part", "in response", "in short",
	"in doing so", "in other words", "at that point", "at the time", "that said", "as well",
	"not only", "on top of that", "in the meantime", "after all", "of course", "to be sure",
	"in particular", "above all", "as such", "in that case", "in this case", "by then"}

// contextAsides are connectives set off inside the sentence ("Putin,
// however, countered") and phrases that point back to an earlier one.
var contextAsides = []string{", however", ", though", ", meanwhile", ", instead", ", in turn",
	", too", ", nonetheless", ", nevertheless", ", therefore", ", then,", ", in response",
	"the same", "the latter", "that far", "this far", "afterward", "that day", "the next day", "the following day",
	"later that", "later in the day", "did so", "do so", "added that", "adds that"}

// firstPerson are the pronouns of a writer or speaker talking of
// themselves: outside quotation marks they belong to a column or to a
// quotation whose marks the sentence lost.
var firstPerson = setOf(`i me my we our us`)

// thirdPerson are pronouns whose person the sentence must name first.
var thirdPerson = setOf(`he she him his her they them their`)

// pronounSpeechVerbs follow a speaker given only as a pronoun.
var pronounSpeechVerbs = setOf(`said says told tells added adds wrote writes noted argued explained continued
insisted stated declared asked replied answered acknowledged conceded recalled warned claimed
suggested posted tweeted`)

// datelinePattern matches a leading dateline: "WASHINGTON —",
// "AMHERST, N.H. —", "FERGUSON, Mo. --", "KASTROVO, Marovia, March 19
// (Northgate Wire) - ".
var datelinePattern = regexp.MustCompile(`^[A-Z][A-Z .'-]+(, [A-Z][A-Za-z.]*\.?)?(, [A-Z][a-z]+\.? \d{1,2})?( \([^)]{1,40}\))?(\s*(—|–|--)\s*|\s+-\s+)`)

// placeColonPattern matches a place written before a colon: "Kyiv: ".
var placeColonPattern = regexp.MustCompile(`^[A-Z][A-Za-z]+( [A-Z][A-Za-z]+)?:\s+`)

// stripDateline drops a leading dateline, which belongs to the article,
// not to the sentence.
func stripDateline(t string) string {
	if loc := datelinePattern.FindStringIndex(t); loc != nil && loc[1] < len(t) {
		return t[loc[1]:]
	}
	if loc := placeColonPattern.FindStringIndex(t); loc != nil && loc[1] < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[loc[1]:]); unicode.IsUpper(r) {
			return t[loc[1]:]
		}
	}
	return t
}

// standsAlone reports whether a sentence (dateline stripped) reads alone.
// names lists the entity name forms of its article.
func standsAlone(t string, names []nameForm) bool {
	return aloneFault(t, names) == ""
}

// aloneFault names the first stand-alone rule the sentence breaks, or ""
// when it reads alone: the name tells why a claim's wording was passed over.
func aloneFault(t string, names []nameForm) string {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "opening" // a quotation, a parenthesis, a list item or a fragment
	}
	low := strings.ToLower(t)
	ws := lexWords(t)
	if len(ws) == 0 || contextWords[contracted(ws[0])] && !isAcronym(t) || opensWithAny(low, contextOpeners) {
		return "connective"
	}
	bare := stripQuoted(t)
	lowBare := strings.ToLower(bare)
	for _, a := range contextAsides {
		if strings.Contains(lowBare, a) {
			return "aside"
		}
	}
	checks := []struct {
		fault string
		fails func() bool
	}{
		{"unnamed", func() bool { return !namesSomeone(bare, names) }},
		{"described", func() bool { return describedSubject(t) || indefiniteSubject(t, names) }},
		{"points-back", func() bool { return pointsBack(lexWords(bare)) }},
		{"vague-reference", func() bool { return vagueReference(bare) }},
		{"first-person", func() bool { return hasFirstPerson(bare) }},
		{"pronoun", func() bool { return pronounBeforeName(afterCataphora(bare, names), names) || pronounSpeaker(bare) }},
		{"elliptical", func() bool { return elliptical(bare) }},
		{"fragment", func() bool { return fragment(bare) }},
	}
	for _, c := range checks {
		if c.fails() {
			return c.fault
		}
	}
	return ""
}

// contracted is a word without a contraction's ending ("it's" → "it",
// "they’re" → "they"), so that "It's a reference to…" opens on "it".
func contracted(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		return w[:i]
	}
	return w
}

// namesSomeone: outside its quotations the sentence names someone,
// something or some time (an entity, a word with a capital inside the
// sentence, a number), so the reader learns what it is about; "Metadata
// from the companies is used…" does not say.
func namesSomeone(bare string, names []nameForm) bool {
	if len(nameSpans(bare, names)) > 0 {
		return true
	}
	for i, w := range rawWords(bare) {
		if i > 0 && isCapital(w) && w != "I" || strings.ContainsAny(w, "0123456789") {
			return true
		}
	}
	return false
}

// fragment: outside its quotations the sentence is little but names ("Stephen
// F. Lynch, Michael E. Capuano and Edward Markey."): a list cut from the
// sentence before, with no lower-case words to say what happened.
func fragment(bare string) bool {
	n := 0
	for _, w := range rawWords(bare) {
		if !isCapital(w) && !isDigits(w) {
			n++
		}
	}
	return n < 3
}

// elliptical: a verb left to the sentence before ("When Mr. Ode said he
// had, …"): a pronoun and an auxiliary end a clause.
func elliptical(bare string) bool {
	for _, clause := range strings.FieldsFunc(bare, func(r rune) bool { return r == ',' || r == ';' || r == '.' || r == '—' }) {
		ws := lexWords(clause)
		if n := len(ws); n >= 2 && thirdPerson[ws[n-2]] && auxiliaries[ws[n-1]] {
			return true
		}
	}
	return false
}

func opensWithAny(low string, phrases []string) bool {
	for _, p := range phrases {
		if rest, ok := strings.CutPrefix(low, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isWordChar(r) {
				return true
			}
		}
	}
	return false
}

// describedSubject: the sentence opens with "The" and a one-word
// description for a subject ("The 49-year-old teaches", "The congressman,
// who…", "The ad is…"), which names someone or something the reader met
// earlier; a longer description ("The regional council will…") usually
// says enough.
func describedSubject(t string) bool {
	fs := strings.Fields(t)
	if len(fs) < 3 || fs[0] != "The" {
		return false
	}
	if roleSubject(fs) {
		return true
	}
	w2, w3 := fs[1], strings.ToLower(strings.TrimRight(fs[2], ",;:"))
	if isCapital(w2) {
		return false
	}
	if countWords[strings.ToLower(w2)] {
		return true // "The two states filed…"
	}
	if strings.Contains(w2, "year-old") || strings.HasSuffix(w2, ",") || strings.HasSuffix(w2, "'s") || strings.HasSuffix(w2, "’s") {
		return true
	}
	if auxiliaries[w3] || negatedAux[w3] || pastVerbs[w3] || pronounSpeechVerbs[w3] || strings.HasSuffix(w3, "ed") && len(w3) > 4 {
		return true
	}
	w4 := ""
	if len(fs) > 3 {
		w4 = strings.ToLower(fs[3])
	}
	return strings.HasSuffix(w3, "s") && objectOpeners[w4] // "The letter quotes the…"
}

// indefiniteSubject: the sentence opens on someone described, not named
// ("A two-term Republican congressman from Idaho said…", "One of the
// highest-profile Republicans … said…") and names no person anywhere: the
// article names him in a sentence the brief does not show.
func indefiniteSubject(t string, names []nameForm) bool {
	fs := strings.Fields(t)
	if len(fs) < 3 {
		return false
	}
	if countWords[strings.ToLower(fs[0])] || fs[0] == "Several" {
		return unnamedGroup(fs)
	}
	if fs[0] != "A" && fs[0] != "An" && fs[0] != "One" {
		return false
	}
	role := false
	for _, f := range fs[1:min(9, len(fs))] {
		role = role || roleNouns[strings.ToLower(strings.Trim(f, ",;:"))]
	}
	if !role {
		return false
	}
	for _, sp := range nameSpans(stripQuoted(t), names) {
		if sp.person {
			return false
		}
	}
	return true
}

// unnamedGroup: a count opens the sentence on people or places it does not
// name ("Two heartland states filed…", "Three senators said…"): the names
// are in the article. "Two surveys of Americans…" names them; "Three
// people died" needs no names.
func unnamedGroup(fs []string) bool {
	for _, f := range fs[1:min(6, len(fs))] {
		if isCapital(f) {
			return false
		}
		w := strings.ToLower(strings.Trim(f, ",;:"))
		if roleNouns[w] || groupHeads[w] {
			return true
		}
	}
	return false
}

// groupHeads are plural nouns for places and bodies that have names.
var groupHeads = setOf(`states countries nations cities towns companies firms agencies groups parties
governments senators lawmakers officials leaders candidates justices judges members`)

// roleSubject: "The" and a description ending on a person's role ("The
// vice president dominated…", "The former immigration attorney stepped…",
// "The Republican congressman is…") with no name set beside it ("The
// lieutenant governor, Kim Guadagno, denied…" names her).
func roleSubject(fs []string) bool {
	for i := 1; i < min(5, len(fs)); i++ {
		w := strings.ToLower(strings.TrimRight(fs[i], ",;:"))
		if !roleNouns[w] {
			continue
		}
		if i+1 < len(fs) && strings.HasSuffix(fs[i], ",") && isCapital(fs[i+1]) {
			return false
		}
		return i+1 >= len(fs) || !isCapital(fs[i+1])
	}
	return false
}

var roleNouns = setOf(`president congressman congresswoman senator lawmaker governor candidate attorney
lawyer man woman boy girl official spokesman spokeswoman mayor minister leader chairman chairwoman
businessman businesswoman teenager suspect victim nominee speaker judge secretary director
ex-congressman ex-president prosecutor actor star mogul chief mates rivals candidates justices
lawmakers senators officials men women pair duo couple democrat republican committee panel`)

// countWords after "The" count people or things met before.
var countWords = setOf(`two three four five six both`)

// negatedAux are auxiliaries with "not" folded in.
var negatedAux = setOf(`didn't didn’t doesn't doesn’t don't don’t won't won’t wasn't wasn’t isn't isn’t
aren't aren’t hasn't hasn’t haven't haven’t can't can’t couldn't couldn’t wouldn't wouldn’t`)

var pastVerbs = setOf(`sought made took gave went came got won lost left sent held found met ran saw spoke
wrote began became brought kept put set led paid`)

var objectOpeners = setOf(`the a an his her their its that this to`)

// pointsBack: a word that adds to, repeats or follows something told
// before ("also", "then", "again", "a second attempt"), or a demonstrative
// that points at it ("those questions"; "those who" does not).
func pointsBack(ws []string) bool {
	for i, w := range ws {
		if backWords[w] {
			return true
		}
		if (w == "those" || w == "these") && i+1 < len(ws) && !relativeWords[ws[i+1]] && !isParticiple(ws[i+1]) {
			return true
		}
		if w == "such" && (i+1 == len(ws) || !suchNext[ws[i+1]]) {
			return true // "in such states"; "such as" only lists
		}
		if w == "this" && (i+1 == len(ws) || !timeNouns[ws[i+1]]) {
			return true // "this trend"; "this week" only dates
		}
		if w == "that" && i > 0 && (i+1 == len(ws) || shellNouns[ws[i+1]] || ws[i+1] == "as") {
			return true // "used that line", "cast that as a concession"
		}
	}
	return false
}

var backWords = setOf(`also then again second further unrelated`)

var suchNext = setOf(`as a an`)

var timeNouns = setOf(`year year's week week's month month's weekend morning afternoon evening summer spring
fall autumn winter season term time`)

var relativeWords = setOf(`who whom whose which that with of in at on from for`)

func hasFirstPerson(bare string) bool {
	for _, w := range rawWords(bare) {
		if firstPerson[strings.ToLower(w)] && w != "US" {
			return true
		}
	}
	return false
}

// nameSpan is where one entity name stands in a sentence.
type nameSpan struct {
	from, to int
	person   bool
}

// nameSpans finds the first place each entity name form stands in text.
func nameSpans(text string, names []nameForm) []nameSpan {
	var out []nameSpan
	for _, f := range names {
		if i := indexWord(text, f.form); i >= 0 {
			out = append(out, nameSpan{i, i + len(f.form), f.typ == model.Person})
		}
	}
	return out
}

// nameAt says whether byte offset at is inside a name, and a person's.
func nameAt(spans []nameSpan, at int) (inName, person bool) {
	for _, sp := range spans {
		if at >= sp.from && at < sp.to {
			inName = true
			person = person || sp.person
		}
	}
	return inName, person
}

// pronounBeforeName: "he", "her" and the like come before any person is
// named, or "they" before any name at all, so whom they mean is told
// elsewhere ("Noting that he was…, he said"; "Members of Congress are
// calling her evasive"). A capitalised word the enrichment did not know
// counts as a person's name; weekdays and months do not.
func pronounBeforeName(bare string, names []nameForm) bool {
	spans := nameSpans(bare, names)
	off, named := 0, false
	ws := rawWords(bare)
	for i, w := range ws {
		at := strings.Index(bare[off:], w) + off
		off = at + len(w)
		inName, person := nameAt(spans, at)
		if person {
			return false
		}
		low := strings.ToLower(w)
		switch {
		case inName:
			named = true
		case i > 0 && isCapital(w) && w != "I" && !calendarWords[low]:
			return false // a name the enrichment missed
		case personPronouns[low]:
			return true
		case thirdPerson[low] && !named:
			return true
		case !named && (low == "its" || low == "it" && i+1 < len(ws) && !expletiveNext[strings.ToLower(ws[i+1])]):
			return true
		}
	}
	return false
}

// afterCataphora drops an opening phrase whose pronouns point ahead to the
// person named right after it ("In a statement issued by his lawyers,
// Jackson said…"): they need no earlier sentence.
func afterCataphora(bare string, names []nameForm) string {
	toks := strings.Fields(bare)
	k := openingPhrase(toks)
	if k == 0 || k >= len(toks) {
		return bare
	}
	rest := strings.Join(toks[k:], " ")
	for _, sp := range nameSpans(rest, names) {
		if sp.from == 0 && sp.person {
			return rest
		}
	}
	return bare
}

// personPronouns stand for one person.
var personPronouns = setOf(`he she him his her himself herself`)

// calendarWords are capitalised without being names of anyone.
var calendarWords = setOf(`monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec`)

// expletiveNext follow an "it" that stands for no one ("it remains
// unclear", "it is likely").
var expletiveNext = setOf(`is was s remains remained seems seemed appears appeared`)

// pronounSpeaker: a clause opens with "he said" or the like ("The plan,
// he said, would…"), so the speaker is named elsewhere.
func pronounSpeaker(bare string) bool {
	for _, clause := range strings.FieldsFunc(bare, func(r rune) bool { return r == ',' || r == ';' || r == ':' || r == '—' }) {
		ws := lexWords(clause)
		if len(ws) >= 2 && thirdPerson[ws[0]] && pronounSpeechVerbs[ws[1]] {
			return true
		}
	}
	return false
}

// isAcronym: the sentence opens with a word in capitals ("US officials"),
// which is a name, not the pronoun it spells.
func isAcronym(t string) bool {
	ws := rawWords(t)
	return len(ws) > 0 && len(ws[0]) > 1 && strings.ToUpper(ws[0]) == ws[0]
}
