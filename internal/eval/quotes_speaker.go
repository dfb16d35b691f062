package eval

import (
	"strings"
	"unicode"

	"parallax/internal/model"
)

// speakerMatches reports whether a quotation's speaker is the gold one:
// the gold speaker shares a name word with the quotation's Speaker or with
// its SpeakerDescription. Gold files often name the side or group a person
// speaks for ("Republican lawmakers", "the Karvik campaign") where the
// article names the person and describes them ("Rep. Dana Orly (R-Minn.)",
// "Ana Pell, a spokeswoman for the Karvik campaign"); the description
// carries the group's name.
func speakerMatches(gold string, q model.Quote) bool {
	return namesOverlap(q.Speaker, gold) || namesOverlap(q.SpeakerDescription, gold)
}

// namesOverlap reports whether two speaker names share a word: case
// folded, three letters or more, not a function word ("the", "and",
// "for"), after light stemming (see stemName), so that "Democrats" meets
// "Democratic" and "officials" meets "official".
func namesOverlap(a, b string) bool { return sharesWord(nameWords(a), nameWords(b)) }

func sharesWord(as, bs []string) bool {
	for _, x := range as {
		for _, y := range bs {
			if x == y {
				return true
			}
		}
	}
	return false
}

// nameWords are the stemmed words of a name that can match.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 3 || nameStopWords[w] {
			continue
		}
		out = append(out, stemName(w))
	}
	return out
}

// nameStopWords are words of three letters or more that name nobody.
var nameStopWords = map[string]bool{
	"the": true, "and": true, "for": true, "from": true, "with": true, "who": true, "whose": true,
	"was": true, "were": true, "are": true, "has": true, "had": true, "have": true, "his": true,
	"her": true, "its": true, "their": true, "that": true, "this": true, "not": true, "but": true,
}

// stemName folds plural and adjective endings: "companies" → "company",
// "officials" → "official", "Democrats" and "Democratic" → "democrat"
// ("-ic" only after five letters, so "public" stays).
func stemName(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ews") && len(w) > 3:
		w = w[:len(w)-1]
	}
	if strings.HasSuffix(w, "ic") && len([]rune(w)) >= 7 {
		w = w[:len(w)-2]
	}
	return w
}

// strictMatches reports whether the quotation's own speaker shares a name
// word with the gold speaker, titles and party words aside: "Sen. Ana
// Pell" meets "Ana Pell" but not "Sen. Ivo Brandt", and "Republican
// Ana Pell" does not meet "Republicans".
func strictMatches(gold string, q model.Quote) bool {
	return sharesWord(strictWords(q.Speaker), strictWords(gold))
}

// strictWords are the name words of s without titles and party words.
func strictWords(s string) []string {
	var out []string
	for _, w := range nameWords(s) {
		if !titleWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// titleWords are stemmed words that say what a person is, not who: they
// never make two speakers one under the strict rule.
var titleWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`mr mrs ms dr sen senator rep representative gov governor president
		presidential vice secretary gen general former candidate nominee chairman chairwoman chair leader
		majority minority attorney judge justice mayor ambassador spokesman spokeswoman spokesperson democrat
		republican gop independent campaign official aide adviser advisor press director deputy`) {
		m[stemName(w)] = true
	}
	return m
}()

// groupSpeaker reports a gold speaker that names a group rather than a
// person or a body ("plaintiffs", "Nebraska officials", "Democrats",
// "Senate Republicans"), for gold files that give no speaker_kind: no
// capital at all, or a plural head word that is lower case, stands alone
// or follows a party or chamber word. A plural after a given name is a
// family name ("Ana Sanders").
func groupSpeaker(s string) bool {
	ws := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(ws) == 0 {
		return false
	}
	if strings.ToLower(s) == s {
		return true
	}
	last := ws[len(ws)-1]
	low := strings.ToLower(last)
	if stemName(low) == low || strings.ToUpper(last) == last {
		return false // not plural, or an acronym
	}
	return last == low || len(ws) == 1 || groupModifiers[strings.ToLower(ws[len(ws)-2])]
}

// groupModifiers are party and chamber words that make a plural after
// them a group ("House Democrats", "Republican lawmakers").
var groupModifiers = map[string]bool{"republican": true, "democratic": true, "democrat": true, "gop": true,
	"senate": true, "house": true, "congressional": true, "conservative": true, "liberal": true,
	"progressive": true, "party": true, "state": true, "federal": true, "local": true}

// descriptionSpeaker reports a speaker given as a description of a
// person, not a name, even where a gold file marks it a name: a
// determiner and words ending in a lower-case word for a person ("the
// Florida senator", "a longtime party aide"), which share no name word
// with the person they describe. A body stays a name ("the Karvik
// campaign", "the DNC").
func descriptionSpeaker(s string) bool {
	ws := strings.Fields(strings.Trim(s, " ,"))
	if len(ws) < 2 || !descriptionDeterminers[strings.ToLower(ws[0])] {
		return false
	}
	last := ws[len(ws)-1]
	if r := []rune(last); !unicode.IsLower(r[0]) {
		return false
	}
	return personNoun(stemName(strings.ToLower(last)))
}

var descriptionDeterminers = map[string]bool{"the": true, "a": true, "an": true, "one": true, "another": true,
	"his": true, "her": true, "their": true, "its": true, "some": true}

// personNoun reports a word for a person: a title or role word, or an
// agent noun ("strategist", "organizer", "spokeswoman").
func personNoun(w string) bool {
	if titleWords[w] && w != "campaign" || personWords[w] {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "man", "woman", "person"} {
		if strings.HasSuffix(w, suf) && len(w) >= 5 {
			return true
		}
	}
	return false
}

var personWords = map[string]bool{"source": true, "expert": true, "delegate": true, "frontrunner": true,
	"front-runner": true, "lawmaker": true, "congressman": true, "congresswoman": true, "member": true,
	"mogul": true, "host": true, "anchor": true, "analyst": true, "activist": true, "insider": true, "ally": true}
