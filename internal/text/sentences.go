package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a sentence of a paragraph with its byte offsets.
type Span struct {
	Start, End int // s[Start:End] is the sentence, trimmed
	Text       string
}

// abbreviations end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "adm": true,
	"maj": true, "brig": true, "supt": true, "insp": true, "det": true, "fr": true, "mt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "dept": true, "est": true, "approx": true, "fig": true, "al": true, "op": true,
}

// Sentences splits a paragraph into sentences. A sentence ends at '.', '!'
// or '?' (with any closing quotes and brackets after it) followed by space
// and a capital, digit or opening quote; not after a known abbreviation, a
// single capital initial ("J. Smith") or letters with inner dots ("U.S."
// before a capitalised name is ambiguous: it ends a sentence only at the end
// of the paragraph or before a word that usually starts one).
//
// A break inside a quotation that closes later in the paragraph is not
// taken ("“A. B,” he said." is one sentence), so a quoted passage stays
// with its attribution.
func Sentences(p string) []Span {
	var out []Span
	start := 0
	open := quoteDepth(p)
	emit := func(end int) {
		seg := p[start:end]
		l := len(seg) - len(strings.TrimLeft(seg, " \t\n"))
		r := len(strings.TrimRight(seg, " \t\n"))
		if r > l {
			out = append(out, Span{Start: start + l, End: start + r, Text: seg[l:r]})
		}
		start = end
	}
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '!' && r != '?' {
			i += n
			continue
		}
		end := i + n
		// Swallow runs of terminators and closing marks: '?!', '..."', ').'
		for end < len(p) {
			r2, n2 := utf8.DecodeRuneInString(p[end:])
			if r2 == '.' || r2 == '!' || r2 == '?' || isClosing(r2) {
				end += n2
				continue
			}
			break
		}
		if end >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := end
		for j < len(p) && (p[j] == ' ' || p[j] == '\t' || p[j] == '\n') {
			j++
		}
		if j >= len(p) {
			break
		}
		first, _ := utf8.DecodeRuneInString(p[j:])
		if !(unicode.IsUpper(first) || unicode.IsDigit(first) || isOpening(first)) {
			i = end
			continue
		}
		if r == '.' && !endsSentence(p[start:i], p[j:]) || open(end) {
			i = end
			continue
		}
		emit(end)
		i = j
	}
	emit(len(p))
	return out
}

// endsSentence decides whether the full stop after before ends a sentence.
func endsSentence(before, after string) bool {
	k := len(before)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= n
	}
	word := before[k:]
	if word == "" {
		return true
	}
	if strings.Contains(word, ".") { // "U.S", "a.m": initials with dots
		return startsSentence(after)
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false // an initial: "J. Smith"
	}
	if stateAbbreviations[word] && modifierAt(before[:k]) {
		return false // "for Ariz. Gov. Jan Brewer", not "Concord, Calif."
	}
	return !abbreviations[strings.ToLower(word)]
}

// stateAbbreviations are the abbreviated names of US states that are not
// ordinary words: after a place and a comma ("Concord, Calif.") they may
// end a sentence; standing alone they modify what follows ("Ariz. Gov.").
var stateAbbreviations = map[string]bool{
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Kans": true, "Ky": true,
	"La": true, "Md": true, "Mass": true, "Mich": true, "Minn": true, "Mo": true, "Mont": true,
	"Neb": true, "Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true,
	"Va": true, "Vt": true, "Wash": true, "Wis": true, "Wyo": true,
}

// modifierAt: the word whose text precedes is a word of its own, after a
// space, and not a place's suffix after a comma ("Concord, Calif.") nor
// a party label's ("R-Ga.").
func modifierAt(before string) bool {
	if !strings.HasSuffix(before, " ") {
		return false
	}
	return !strings.HasSuffix(strings.TrimRight(before, " "), ",")
}

// startsSentence reports whether s begins with a word that usually opens a
// sentence rather than continuing a name ("The", "He", "In").
func startsSentence(s string) bool {
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = s[:i]
	}
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And",
		"This", "That", "These", "Those", "His", "Her", "Their", "Its", "There", "As", "After",
		"Before", "When", "While", "If", "Although", "However", "Meanwhile", "Earlier", "Later":
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«':
		return true
	}
	return false
}

// quoteDepth returns a function telling whether byte offset i of p lies
// inside a double quotation that is closed later in p. Curly marks nest by
// kind; straight marks alternate open and close.
func quoteDepth(p string) func(i int) bool {
	// Three byte searches: ContainsAny with non-ASCII marks reads a rune
	// at a time, and was most of the cost of splitting a paragraph.
	if strings.IndexByte(p, '"') < 0 && !strings.Contains(p, "“") && !strings.Contains(p, "”") {
		return func(int) bool { return false }
	}
	type span struct{ from, to int }
	var spans []span
	openAt, straightAt := -1, -1
	for i, r := range p {
		switch r {
		case '“':
			if openAt < 0 {
				openAt = i
			}
		case '”':
			if openAt >= 0 {
				spans = append(spans, span{openAt, i})
				openAt = -1
			}
		case '"':
			if straightAt < 0 {
				straightAt = i
			} else {
				spans = append(spans, span{straightAt, i})
				straightAt = -1
			}
		}
	}
	return func(i int) bool {
		for _, s := range spans {
			if i > s.from && i <= s.to {
				return true
			}
		}
		return false
	}
}
