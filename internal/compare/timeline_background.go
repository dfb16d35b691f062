package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// background reports a date given in passing rather than as the date of
// what the sentence reports: the start of a span ("since 1997", "from 1965
// to 1970"), a date inside a relative clause ("who offered support in
// 2009", "a law passed in 2010"), or a year that qualifies a noun ("the
// 2012 election", "a 1999 book", "the crisis of 1962") instead of dating
// the verb ("In 1970, he enlisted").
func background(sentence string, at int, m model.DateMention, p precision) bool {
	if at < 0 {
		return false
	}
	before := append(wordTokens(sentence[:at]), leadingPreps(m.Text)...)
	after := wordTokens(sentence[at+len(m.Text):])
	if lastLower(before, 0) == "since" || inRange(before, after) || presentYear(m.Text) {
		return true
	}
	if p >= precWeek {
		return false // the story's own days: the clause rules misfire on them
	}
	if inRelativeClause(before) || reducedRelative(before) {
		return true
	}
	return p <= precYear && hasYear(m.Text) && !datesVerb(before, p)
}

// presentYear: a bare "this year" frames the sentence in the present ("33
// seats are in play this year") rather than dating an event; "earlier
// this year" does date one.
func presentYear(text string) bool {
	ws := lowerWords(text)
	return len(ws) == 2 && ws[0] == "this" && ws[1] == "year"
}

// wordTokens splits text into words and the punctuation marks that break
// clauses, each mark a token of its own.
func wordTokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		lead := strings.IndexFunc(f, func(r rune) bool { return !isClauseMark(r) })
		if lead < 0 {
			for _, r := range f {
				out = append(out, string(r))
			}
			continue
		}
		for _, r := range f[:lead] {
			out = append(out, string(r))
		}
		f = f[lead:]
		core := strings.TrimRightFunc(f, isClauseMark)
		core = strings.TrimFunc(core, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
		if core != "" {
			out = append(out, core)
		}
		for _, r := range f[len(strings.TrimRightFunc(f, isClauseMark)):] {
			out = append(out, string(r))
		}
	}
	return out
}

func isClauseMark(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '—', '–':
		return true
	}
	return false
}

// leadingPreps are the prepositions a mention's own text opens with ("in
// 2008", "On Feb. 8, 2011"), so rules can see them as the word before.
func leadingPreps(text string) []string {
	ws := strings.Fields(text)
	if len(ws) > 1 && datePreps[strings.ToLower(ws[0])] {
		return ws[:1]
	}
	return nil
}

var datePreps = setOf(`in on since from during by until through of to at before after`)

// lastLower is the lower-cased word back words before the end, "" when
// there is none.
func lastLower(toks []string, back int) string {
	if i := len(toks) - 1 - back; i >= 0 {
		return strings.TrimRight(strings.ToLower(toks[i]), ".")
	}
	return ""
}

// inRange: the date opens or closes a span, "from 1965 to 1970",
// "between 2003 and 2009".
func inRange(before, after []string) bool {
	prev, next := lastLower(before, 0), ""
	if len(after) > 0 {
		next = strings.ToLower(after[0])
	}
	switch {
	case prev == "from" && (next == "to" || next == "until" || next == "through"):
		return true
	case prev == "between" && next == "and":
		return true
	case prev == "to" || prev == "until" || prev == "through" || prev == "and":
		for back := 1; back <= 4; back++ {
			if w := lastLower(before, back); w == "from" || w == "between" {
				return true
			}
		}
	}
	return false
}

// inRelativeClause: a relative pronoun opens the clause the date stands
// in ("her father, who offered support in 2009"; "a motto that was
// adopted in 1956").
func inRelativeClause(before []string) bool {
	for back := 0; back < 15; back++ {
		w := lastLower(before, back)
		if w == "" || isClauseMark([]rune(w)[0]) {
			return false
		}
		switch w {
		case "who", "whom", "whose", "which":
			return true
		case "that":
			return back > 0 && auxiliaries[lastLower(before, back-1)]
		}
	}
	return false
}

var auxiliaries = setOf(`was were is are be been being has have had will would could can may might shall should`)

// reducedRelative: the date dates a participle that qualifies a noun ("two
// mosques, founded in 1970"; "lawmakers elected in 2010"), not the verb of
// the sentence ("he was elected in 2010", "Republicans won in 2010").
func reducedRelative(before []string) bool {
	if p := lastLower(before, 0); p != "in" && p != "on" && p != "during" {
		return false
	}
	back := skipAdverbs(before, 1)
	if !isParticiple(lastLower(before, back)) {
		return false
	}
	back = skipAdverbs(before, back+1)
	i := len(before) - 1 - back
	if i < 0 {
		return false
	}
	q := before[i]
	if q == "," {
		return true
	}
	r, _ := utf8.DecodeRuneInString(q)
	low := strings.ToLower(q)
	return unicode.IsLower(r) && !auxiliaries[low] && !pronouns[low]
}

// skipAdverbs steps back over adverbs ("was first elected") from back.
func skipAdverbs(toks []string, back int) int {
	for {
		w := lastLower(toks, back)
		if !(strings.HasSuffix(w, "ly") && len(w) > 4) && !timeAdverbs[w] {
			return back
		}
		back++
	}
}

var timeAdverbs = setOf(`first originally later also already then since once`)

// isParticiple: a past participle, regular or one of the common irregular
// ones.
func isParticiple(w string) bool {
	if irregularParticiples[w] {
		return true
	}
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && w != "hundred"
}

var irregularParticiples = setOf(`built born made held written taken given begun done known seen shown
sold bought set brought found led paid sent spent struck drawn chosen won`)

var pronouns = setOf(`he she it they we i you him her them us his its their our my your`)

// datesVerb: a bare year dates what the sentence reports when it stands
// after "in" or "during" ("In 1970, he enlisted"; "in the 1990s").
func datesVerb(before []string, p precision) bool {
	prev := lastLower(before, 0)
	if prev == "in" || prev == "during" {
		return true
	}
	if p != precDecade {
		return false
	}
	back := 0
	switch prev {
	case "early", "late", "mid":
		back = 1
	}
	return lastLower(before, back) == "the" && (lastLower(before, back+1) == "in" || lastLower(before, back+1) == "during")
}
