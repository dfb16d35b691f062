package enrich

import "strings"

// Tense decides which way a bare weekday or month points. The rule:
//
//   - Past: "on Thursday" in a sentence about the past is the most recent
//     Thursday on or before the article's date.
//   - Future: in a sentence about the future ("will", "is expected to",
//     "plans to", "waiting … on Thursday", "starting Monday", "to meet on
//     Thursday", "will be held") it is the first Thursday on or after it.
//     "On or after": news style names the publication day by its weekday
//     ("the council votes Tuesday" in a Tuesday paper) and says "next
//     Tuesday" for the week after; BASIL's 2010–2014 articles bear this out.
//   - "last Thursday" is strictly before the date, "next Thursday" strictly
//     after, whatever the tense.
//   - The cue nearest the date decides. Left first, since the verb that
//     governs a date usually precedes it ("met on Thursday", "will meet on
//     Thursday"); a cue to the right wins when it is less than half as far
//     and comes before any comma or new clause ("that", "which", "when"…):
//     "warned on Wednesday that inaction would…" is past. A cue past a
//     comma counts only when nothing else does ("On Tuesday, the minister
//     said"). No cue crosses a quotation mark: a quotation has its own
//     tense. With no cue at all the date is past, the common case in news.

const (
	cueNone   = 0
	cuePast   = -1
	cueFuture = 1
)

// futureWords mark a sentence as looking ahead.
var futureWords = map[string]bool{
	"will": true, "shall": true, "would": true, "won't": true, "won’t": true,
	"expected": true, "expects": true, "scheduled": true, "planned": true, "plans": true,
	"plan": true, "planning": true, "upcoming": true, "next": true, "coming": true,
	"await": true, "awaits": true, "awaiting": true, "waiting": true, "wait": true,
	"starting": true, "beginning": true, "ahead": true, "can": true, "could": true,
	"may": true, "might": true, "should": true, "must": true, "hope": true, "hopes": true,
	"hoping": true, "intends": true, "intend": true, "aims": true, "aim": true,
	"want": true, "wants": true, "seeks": true, "seek": true, "deadline": true,
	"going": true, "tomorrow": true,
}

// pastWords mark a sentence as reporting what happened.
var pastWords = map[string]bool{
	"said": true, "told": true, "was": true, "were": true, "had": true, "has": true,
	"have": true, "did": true, "didn't": true, "met": true, "held": true, "went": true,
	"came": true, "gave": true, "took": true, "made": true, "spoke": true, "saw": true,
	"began": true, "left": true, "flew": true, "won": true, "lost": true, "fell": true,
	"rose": true, "struck": true, "wrote": true, "sent": true, "brought": true,
	"found": true, "got": true, "ran": true, "stood": true, "thought": true, "felt": true,
	"kept": true, "led": true, "paid": true, "heard": true, "knew": true, "became": true,
	"chose": true, "drew": true, "grew": true, "threw": true, "shot": true, "fought": true,
	"sought": true, "bought": true, "caught": true, "ago": true, "earlier": true,
	"yesterday": true, "since": true, "previously": true, "already": true,
	"hit": true, "put": true, "quit": true, "spent": true, "sold": true, "built": true,
	"laid": true,
}

// notPastEd end in "-ed" without being past-tense verbs.
var notPastEd = map[string]bool{
	"need": true, "speed": true, "seed": true, "feed": true, "proceed": true, "exceed": true,
	"succeed": true, "indeed": true, "hundred": true, "bed": true, "red": true, "shed": true,
	"freed": true, "breed": true, "greed": true, "deed": true, "weed": true,
}

// futureVerbs after "to" make an infinitive of intent ("to meet on Thursday").
var futureVerbs = map[string]bool{
	"meet": true, "hold": true, "visit": true, "travel": true, "sign": true, "vote": true,
	"announce": true, "begin": true, "start": true, "resume": true, "attend": true,
	"host": true, "discuss": true, "decide": true, "talk": true, "speak": true,
	"call": true, "return": true, "be": true, "launch": true, "open": true, "present": true,
	"release": true, "deliver": true, "join": true, "receive": true, "testify": true,
	"appear": true, "address": true, "unveil": true, "arrive": true, "fly": true,
	"go": true, "come": true, "face": true, "hear": true, "rule": true, "review": true,
	"consider": true, "negotiate": true, "sit": true, "take": true,
	"convene": true, "gather": true, "submit": true, "publish": true, "issue": true,
}

// cueAt classifies word token j of a sentence as a tense cue.
func cueAt(p string, toks []scanTok, j int) int {
	t := toks[j]
	if t.kind != scanWord {
		return cueNone
	}
	w := t.low
	if w == "may" && t.isUpperStart(p) && j > 0 {
		return cueNone // the month, not the modal
	}
	switch w {
	case "set": // "set to", "set for"; not "set off", "a set of"
		if next := nextLow(toks, j); next == "to" || next == "for" {
			return cueFuture
		}
		return cueNone
	}
	if j > 0 && tenseDeterminers[toks[j-1].low] && strings.HasSuffix(w, "ed") {
		return cueNone // an adjective: "canceled a scheduled interview Monday", "a registered nurse"
	}
	if futureWords[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return cueFuture
	}
	if w == "to" && j+1 < len(toks) && futureVerbs[toks[j+1].low] {
		return cueFuture
	}
	past := pastWords[w] || strings.HasSuffix(w, "'d") || strings.HasSuffix(w, "’d") ||
		len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPastEd[w] && !t.isUpperStart(p)
	if !past {
		return cueNone
	}
	if j > 0 && toks[j-1].low == "be" {
		return cueFuture // a passive after a modal: "will be held", "to be signed"
	}
	return cuePast
}

// isQuoteMark reports a quotation mark standing alone: a cue does not
// cross one, since the words inside a quotation have their own tense
// ("'I will be waiting on Thursday,' she said").
func isQuoteMark(t scanTok) bool {
	if t.kind != scanPunct {
		return false
	}
	switch t.low {
	case "\"", "“", "”", "‘", "’", "'", "«", "»":
		return true
	}
	return false
}

var tenseDeterminers = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "that": true, "our": true, "my": true, "your": true,
}

// clauseWords open a clause of its own: a cue after one governs that
// clause, not a date before it ("warned on Wednesday that inaction would…").
var clauseWords = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "when": true,
	"where": true, "while": true, "if": true, "because": true, "although": true,
	"though": true, "whether": true, "after": true, "before": true, "until": true, "as": true,
}

func nextLow(toks []scanTok, j int) string {
	if j+1 < len(toks) {
		return toks[j+1].low
	}
	return ""
}

// isFuture decides the tense of the date spanning tokens [from, to) inside
// the sentence spanning tokens [sFrom, sTo). The nearest cue to the left
// wins unless a cue to the right, before any comma or new clause, is
// clearly nearer; a cue past a comma counts only when nothing else does
// ("On Tuesday, the minister said").
func isFuture(p string, toks []scanTok, from, to, sFrom, sTo int) bool {
	left, dl := leftCue(p, toks, from, sFrom, modifiesNoun(p, toks, from, to))
	near, dr, far := rightCues(p, toks, to, sTo)
	switch {
	case left != cueNone && (near == cueNone || dl <= 2*dr):
		return left == cueFuture
	case near != cueNone:
		return near == cueFuture
	}
	return far == cueFuture
}

// leftCue finds the nearest cue before token from and its distance in
// words; attributive says the date modifies a noun (see dates_aims.go).
func leftCue(p string, toks []scanTok, from, sFrom int, attributive bool) (cue, dist int) {
	clause := false
	for j, words := from-1, 0; j >= sFrom && !isQuoteMark(toks[j]); j-- {
		if toks[j].kind != scanWord {
			continue
		}
		words++
		if !clause && aimCue(p, toks, j, words, attributive) {
			return cueFuture, words
		}
		if c := cueAt(p, toks, j); c != cueNone {
			return c, words
		}
		clause = clause || clauseWords[toks[j].low]
	}
	return cueNone, 0
}

// rightCues finds the nearest cue after the date before any comma or
// clause word (near, with its distance in words) and, failing that, the
// first one before a clause word (far).
func rightCues(p string, toks []scanTok, to, sTo int) (near, dist, far int) {
	comma := false
	for j, words := to, 0; j < sTo && !isQuoteMark(toks[j]); j++ {
		t := toks[j]
		if t.kind == scanPunct && (t.low == "," || t.low == ";" || t.low == "—" || t.low == "–") {
			comma = true
			continue
		}
		if t.kind != scanWord {
			continue
		}
		if clauseWords[t.low] {
			break
		}
		words++
		if c := cueAt(p, toks, j); c != cueNone {
			if comma {
				return cueNone, 0, c
			}
			return c, words, cueNone
		}
	}
	return cueNone, 0, cueNone
}
