package compare

import (
	"strings"
	"unicode"
)

// A brief sentence that speaks of "the program" or "the comments" leaves
// the reader asking which: the article named it in a sentence the brief
// does not carry. Such a definite noun phrase is accepted only when the
// sentence itself says what is meant: a name beside it ("the program,
// called Prism,"), a phrase after it ("the bill to raise taxes"), or an
// earlier mention in the same sentence ("passed a bill …, and the bill").
// A role ("the governor") is such a phrase too, unless a name follows it.
// A name written with capitals ("the Affordable Care Act") is no such
// phrase: its noun is capitalised.

// shellNouns are nouns a story uses for something it named before.
var shellNouns = setOf(`program programs comments comment remarks remark measure measures bill bills law
plan proposal policy decision move statement letter ad ads video incident lawsuit complaint deal
agreement order rules rule ruling legislation story article interview speech allegations allegation accusations
charges claims emails documents memo book vote amendment initiative request offer report tweet tweets
post message controversy scandal effort changes resolution subject doctrine budget matter topic appointment project nomination
news offensive reaction reactions episode exchange confrontation issue idea event tussle flap furor uproar row spat
announcement revelation revelations disclosure findings result results outcome testimony remarks case
group call visit trip line package company firm indictment conversation conversations discussion discussions talks
promise pledge threat apology intentions intention plans future`)

// shellAdjectives may stand between "the" and a shell noun without saying
// which one is meant ("the new law").
var shellAdjectives = setOf(`new proposed latest controversial original recent revised two three
same earlier initial expected planned possible`)

// identifyingNext follow a noun and say which one is meant: a preposition
// or relative word, a naming participle, or a clause's subject ("the bill
// he signed").
var identifyingNext = setOf(`of that who which whose for to on about against into over by from
called named known dubbed titled entitled he she they it i we`)

// namingWords follow a comma after the noun and name it ("the bill, known
// as SB 12,").
var namingWords = setOf(`called named known dubbed titled entitled`)

// vagueReference: outside quotations the sentence uses "the" or a
// possessive ("his", "Putin's") and a shell noun that nothing in the
// sentence identifies: "Despite Putin's statement, …" leans on the
// sentence that told the statement.
func vagueReference(bare string) bool {
	toks := strings.Fields(bare)
	for i := 0; i+1 < len(toks); i++ {
		if !strings.EqualFold(trimToken(toks[i]), "the") && !possessive(toks[i]) {
			continue
		}
		j := i + 1
		if j+1 < len(toks) && !strings.HasSuffix(toks[j], ",") && modifierSlot(toks[j]) && shellNouns[trimToken(toks[j+1])] {
			j++ // "the June decision", "the groundbreaking news"
		}
		noun := trimToken(toks[j])
		if !shellNouns[noun] && !roleNouns[noun] || isCapital(strings.TrimLeft(toks[j], `"“‘'(`)) {
			continue
		}
		if !identified(toks, i, j) {
			return true
		}
	}
	return false
}

// possessive: a possessive determiner or a noun's possessive ("Putin's",
// "the newspaper's"), not a contraction ("it's").
func possessive(tok string) bool {
	t := strings.ToLower(strings.TrimRight(tok, ",;:"))
	if possessives[t] {
		return true
	}
	base, ok := strings.CutSuffix(strings.ReplaceAll(t, "’", "'"), "'s")
	return ok && !contractions[base]
}

var possessives = setOf(`his her their its`)

// contractions end in 's without being possessives.
var contractions = setOf(`it that there he she what who let here where how`)

// modifierSlot: a word that may stand between "the" and a shell noun
// without saying which one is meant: an adjective of the list, any
// lower-case word, or a month or weekday ("the June decision").
func modifierSlot(tok string) bool {
	w := trimToken(tok)
	return shellAdjectives[w] || calendarWords[w] || !isCapital(strings.TrimLeft(tok, `"“‘'(`))
}

// identified: the shell noun at toks[j], after "the" at toks[i], is named
// beside it, restricted by what follows, or follows an earlier mention in
// the sentence: the same noun, another shell noun ("released a statement
// … the plan") or an Act.
func identified(toks []string, i, j int) bool {
	if j+1 < len(toks) {
		next := toks[j+1]
		if strings.HasSuffix(toks[j], ",") || strings.HasSuffix(toks[j], "—") {
			if isCapital(strings.TrimLeft(next, `"“‘'(`)) || namingWords[trimToken(next)] {
				return true // "the program, Prism," or "the bill, known as SB 12,"
			}
		} else if identifyingNext[trimToken(next)] || isCapital(next) && !calendarWords[trimToken(next)] || strings.HasPrefix(next, "(") {
			return true
		}
	}
	st := stem(trimToken(toks[j]))
	for _, t := range toks[:i] {
		w := trimToken(t)
		if stem(w) == st || shellNouns[w] || w == "act" {
			return true
		}
	}
	return false
}

// trimToken is a token lowercased without the punctuation around it.
func trimToken(t string) string {
	return strings.ToLower(strings.TrimFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}
