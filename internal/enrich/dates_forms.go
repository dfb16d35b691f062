package enrich

// The forms a date takes in English news text, one matcher each. A matcher
// looks at token i and returns the hit it starts, if any.

// iso reads 2025-05-11.
func (dm dateMatcher) iso(i int) (dateHit, bool) {
	y, ok := dm.year(i)
	if !ok || !dm.punct(i+1, "-") || !dm.glued(i+1) || !dm.glued(i+2) || !dm.glued(i+3) || !dm.glued(i+4) || !dm.punct(i+3, "-") {
		return dateHit{}, false
	}
	m, ok1 := dm.num(i+2, 2)
	d, ok2 := dm.num(i+4, 2)
	if !ok1 || !ok2 || !validDate(y, m, d) {
		return dateHit{}, false
	}
	return dateHit{from: i, to: i + 5, kind: dkFull, y: y, m: m, d: d}, true
}

// slashed reads 2025/05/11 and the unambiguous day-first or month-first
// forms (25/05/2025, 05/25/2025). Ambiguous ones (05/11/2025) are consumed
// and dropped: guessing the convention would invent a date.
func (dm dateMatcher) slashed(i int) (dateHit, bool) {
	if !dm.punct(i+1, "/") || !dm.punct(i+3, "/") || !dm.glued(i+1) || !dm.glued(i+2) || !dm.glued(i+3) || !dm.glued(i+4) {
		return dateHit{}, false
	}
	a, ok1 := dm.num(i, 0)
	b, ok2 := dm.num(i+2, 0)
	c, ok3 := dm.num(i+4, 0)
	if !ok1 || !ok2 || !ok3 {
		return dateHit{}, false
	}
	h := dateHit{from: i, to: i + 5, kind: dkSkip}
	switch {
	case len(dm.toks[i].low) == 4:
		h.y, h.m, h.d = a, b, c
	case len(dm.toks[i+4].low) != 4:
		return h, true
	case a > 12 && b <= 12:
		h.y, h.m, h.d = c, b, a
	case b > 12 && a <= 12:
		h.y, h.m, h.d = c, a, b
	case a == b:
		h.y, h.m, h.d = c, a, b
	default:
		return h, true
	}
	if h.y >= 1900 && h.y <= 2100 && validDate(h.y, h.m, h.d) {
		h.kind = dkFull
	}
	return h, true
}

// dayMonth reads "11 May 2025", "11th of May", "9 Feb. 2025".
func (dm dateMatcher) dayMonth(i int) (dateHit, bool) {
	d, j, ok := dm.day(i)
	if !ok {
		return dateHit{}, false
	}
	if dm.word(j) == "of" {
		j++
	}
	m, j, ok := dm.month(j)
	if !ok {
		return dateHit{}, false
	}
	return dm.withYear(dateHit{from: i, kind: dkMonthDay, m: m, d: d}, j)
}

// withYear completes a month-and-day hit ending before token j with a year
// that follows it ("May 11, 2025"), when one does.
func (dm dateMatcher) withYear(h dateHit, j int) (dateHit, bool) {
	k := j
	if dm.punct(k, ",") {
		k++
	}
	if y, ok := dm.year(k); ok && !(dm.glued(k+1) && dm.punct(k+1, ":")) {
		if !validDate(y, h.m, h.d) { // "Feb. 29, 2025": consumed, not a date
			return dateHit{from: h.from, to: k + 1, kind: dkSkip}, true
		}
		h.kind, h.y, h.to = dkFull, y, k+1
		return h, true
	}
	if h.d > 29 && h.m == 2 || h.d > 30 && daysIn(2001, h.m) < 31 {
		return dateHit{}, false
	}
	h.to = j
	return h, true
}

// monthFirst reads "May 11, 2025", "May 11", "March 2024" and, after a
// cue, a month alone ("in March", "since May").
func (dm dateMatcher) monthFirst(i int) (dateHit, bool) {
	m, j, ok := dm.month(i)
	if !ok {
		return dateHit{}, false
	}
	if dm.word(i) == "may" && dm.afterName(i) {
		return dateHit{}, false // "Theresa May"
	}
	if d, k, ok := dm.day(j); ok && dm.toks[j].space {
		return dm.withYear(dateHit{from: i, kind: dkMonthDay, m: m, d: d}, k)
	}
	k := j
	if dm.punct(k, ",") {
		k++
	}
	if y, ok := dm.year(k); ok {
		return dateHit{from: i, to: k + 1, kind: dkMonthY, y: y, m: m}, true
	}
	cue := dm.word(i - 1)
	if i >= 2 && dm.punct(i-1, "-") {
		cue = dm.word(i - 2)
	}
	if !monthCues[cue] {
		return dateHit{}, false
	}
	h := dateHit{from: i, to: j, kind: dkMonth, m: m}
	switch cue {
	case "last":
		h.mod, h.from = -1, i-1
	case "next":
		h.mod, h.from = 1, i-1
	case "this":
		h.from = i - 1
	}
	return h, true
}

// afterName reports a capitalised word before token i that can be a first
// name ("Theresa May"); a cue opening a sentence is none ("On May 26, 2009,
// The Post…", "In May").
func (dm dateMatcher) afterName(i int) bool {
	if i == 0 || dm.toks[i-1].kind != scanWord || !dm.toks[i-1].isUpperStart(dm.p) {
		return false
	}
	prev := dm.toks[i-1].low
	return !monthCues[prev] && prev != "on"
}

// bareYear reads a year on its own ("in 2014", "the 2022 invasion").
func (dm dateMatcher) bareYear(i int) (dateHit, bool) {
	y, ok := dm.year(i)
	if !ok || !isYearToken(dm.p, dm.toks, i) {
		return dateHit{}, false
	}
	return dateHit{from: i, to: i + 1, kind: dkYear, y: y}, true
}

// isYearToken decides whether a four-digit number in 1900–2100 at token i
// is a year rather than a count: not beside a currency sign, a percent,
// letters or a clock; not after a quantity word ("some 2000"); and not
// before a counted plural unless a year's usual company precedes it ("in
// 2022 elections" is a year, "killed 2000 people" is not).
func isYearToken(p string, toks []scanTok, i int) bool {
	if i+1 < len(toks) && !toks[i+1].space {
		switch toks[i+1].low {
		case "%", ":":
			return false
		}
		if toks[i+1].kind == scanWord {
			return false // "1990s", "2000km"
		}
	}
	if i > 0 && !toks[i].space && toks[i-1].kind != scanPunct {
		return false
	}
	if i > 0 && toks[i-1].kind == scanPunct && isCurrencySign(toks[i-1].low) {
		return false
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].low
		if toks[i-1].kind == scanWord && toks[i-1].end-toks[i-1].start >= 3 && isCapsWord(p[toks[i-1].start:toks[i-1].end]) {
			return false // a model number: "RTX 2060" (not "US 2016")
		}
	}
	if quantityCues[prev] {
		return false
	}
	if yearCompany[prev] || i >= 2 && prev == "-" && toks[i-2].low == "mid" {
		return true
	}
	if i+1 < len(toks) && toks[i+1].kind == scanWord && isCountedPlural(toks[i+1].low) {
		return false
	}
	return true
}

// yearCompany are words that usually stand before a year.
var yearCompany = map[string]bool{
	"the": true, "in": true, "since": true, "of": true, "by": true, "until": true, "till": true,
	"from": true, "to": true, "early": true, "late": true, "before": true, "after": true,
	"during": true, "between": true, "and": true, "or": true, "through": true, "year": true,
	"its": true, "his": true, "her": true, "their": true, "this": true, "that": true,
}

// quantityCues stand before counts, not years ("some 2000 people").
var quantityCues = map[string]bool{
	"some": true, "about": true, "nearly": true, "around": true, "approximately": true,
	"than": true, "least": true, "over": true, "almost": true, "roughly": true, "only": true,
	"just": true, "estimated": true, "additional": true, "another": true, "total": true,
}

func isCurrencySign(s string) bool {
	switch s {
	case "$", "€", "£", "¥", "₴", "₽", "₹":
		return true
	}
	return false
}

// isCapsWord reports a word of two or more capital letters ("RTX", "COP").
func isCapsWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
