package enrich

// Aims: demands, proposals, offers and candidacies look ahead. "Officials
// demanding a Monday ceasefire" want a ceasefire that has not begun, and a
// candidate "running for re-election … in November" faces a vote to come.
// Such a word counts as a future cue for a date in its object, that is, a
// date after it with at least one word between and no new clause: the date
// right after it ("demanded on Monday that…", "called Monday for…") is
// when the demand was made. A past form ("demanded", "proposed",
// "offered") looks ahead only for a date that modifies a noun ("proposed a
// Monday ceasefire", "Tuesday's vote"); otherwise "protesters demanded the
// mayor's resignation on Friday" is the day they demanded it.

// aimWords look ahead in any form they take here.
var aimWords = map[string]bool{
	"demand": true, "demands": true, "demanding": true, "urge": true, "urges": true,
	"urging": true, "propose": true, "proposes": true, "proposing": true, "proposal": true,
	"proposals": true, "offer": true, "offers": true, "offering": true, "ultimatum": true,
	"ultimatums": true,
}

// pastAimWords look ahead only for a date that modifies a noun.
var pastAimWords = map[string]bool{
	"demanded": true, "urged": true, "proposed": true, "offered": true,
}

// aimForWords look ahead when "for" follows them ("calling for talks",
// "their push for gains", "running for re-election").
var aimForWords = map[string]bool{
	"call": true, "calls": true, "calling": true, "push": true, "pushes": true,
	"pushing": true, "press": true, "presses": true, "pressing": true, "run": true,
	"runs": true, "running": true, "campaigning": true,
}

// pastAimForWords with "for" look ahead only for a date that modifies a noun.
var pastAimForWords = map[string]bool{
	"called": true, "pushed": true, "pressed": true,
}

// aimCue reports whether word token j, seen between words words left of
// the date with no clause word in between, looks ahead to the date.
// attributive says the date modifies a noun.
func aimCue(p string, toks []scanTok, j, words int, attributive bool) bool {
	w := toks[j].low
	between := words - 1 // words between the cue and the date
	switch {
	case aimWords[w], pastAimWords[w] && attributive:
	case nextLow(toks, j) == "for" && (aimForWords[w] || pastAimForWords[w] && attributive):
		between--
	default:
		return false
	}
	if j > 0 && tenseDeterminers[toks[j-1].low] && pastAimWords[w] {
		return false // an adjective: "the proposed Monday vote" is no demand
	}
	if j > 0 && cueAt(p, toks, j-1) == cuePast {
		return false // "was running for re-election in November" is over
	}
	return between >= 1
}

// modifiesNoun reports a weekday written as a noun's modifier: "a Monday
// ceasefire", "Tuesday's vote". Its date is the noun's event, so a demand
// or proposal for it looks ahead.
func modifiesNoun(p string, toks []scanTok, from, to int) bool {
	if to-from != 1 || toks[from].kind != scanWord || to >= len(toks) {
		return false
	}
	if _, ok := weekdayByName[dropPossessive(toks[from].low)]; !ok {
		return false
	}
	next := toks[to]
	if next.kind != scanWord || next.isUpperStart(p) || clauseWords[next.low] || datePrepositions[next.low] {
		return false
	}
	possessive := dropPossessive(toks[from].low) != toks[from].low
	return possessive || from > 0 && tenseDeterminers[toks[from-1].low]
}

// datePrepositions after a weekday make it a time, not a modifier ("the
// Monday after the vote").
var datePrepositions = map[string]bool{
	"on": true, "in": true, "at": true, "of": true, "for": true, "to": true, "by": true,
	"with": true, "from": true, "and": true, "or": true,
}
