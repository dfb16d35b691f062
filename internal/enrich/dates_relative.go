package enrich

// Relative date forms: weekdays, "yesterday", "last week", "two days ago".

// weekday reads "Thursday", "last Friday", "next Monday", "this Sunday",
// and "Thursday, May 15" as one date.
func (dm dateMatcher) weekday(i int) (dateHit, bool) {
	wd, ok := weekdayByName[dropPossessive(dm.word(i))]
	if !ok || !dm.toks[i].isUpperStart(dm.p) {
		return dateHit{}, false
	}
	if prev := dm.word(i - 1); weekdayNamePrefixes[prev] && dm.toks[i-1].isUpperStart(dm.p) {
		return dateHit{}, false
	}
	if next := dm.word(i + 1); weekdayNameSuffixes[next] && dm.toks[i+1].isUpperStart(dm.p) {
		return dateHit{}, false
	}
	if prev := dm.word(i - 1); prev == "every" || prev == "each" {
		return dateHit{}, false // a recurring day, not a date
	}
	h := dateHit{from: i, to: i + 1, kind: dkWeekday, wd: wd, hasWD: true}
	switch dm.word(i - 1) {
	case "last", "past":
		h.mod, h.from = -1, i-1
		if dm.word(i-2) == "this" { // "this past Sunday"
			h.from = i - 2
		}
	case "next", "coming":
		h.mod, h.from = 1, i-1
		if dm.word(i-2) == "this" {
			h.from = i - 2
		}
	case "this":
		h.from = i - 1
	}
	k := i + 1
	if dm.punct(k, ",") {
		k++
	}
	if k < len(dm.toks) && dropPossessive(dm.toks[i].low) == dm.toks[i].low { // no possessive: "Thursday's May 15 vote" stays apart
		for _, f := range []func(int) (dateHit, bool){dm.dayMonth, dm.monthFirst} {
			if d, ok := f(k); ok && (d.kind == dkFull || d.kind == dkMonthDay) {
				d.from, d.wd, d.hasWD = h.from, wd, true
				return d, true
			}
		}
	}
	return h, true
}

// dayWord reads "today", "tonight", "tomorrow", "yesterday", "last night"
// and "this morning".
func (dm dateMatcher) dayWord(i int) (dateHit, bool) {
	h := dateHit{from: i, to: i + 1, kind: dkDayRel}
	switch dropPossessive(dm.word(i)) {
	case "today", "tonight":
	case "tomorrow":
		h.n = 1
	case "yesterday":
		h.n = -1
	case "last":
		if dm.word(i+1) != "night" {
			return dateHit{}, false
		}
		h.n, h.to = -1, i+2
	case "this":
		switch dm.word(i + 1) {
		case "morning", "afternoon", "evening":
			h.to = i + 2
		default:
			return dateHit{}, false
		}
	default:
		return dateHit{}, false
	}
	if dm.namedRelative(h.from, h.to) {
		return dateHit{}, false // "NBC's Today show", "USA Today"
	}
	return h, true
}

// period reads "last week", "earlier this month", "late last month", "next
// year", "this weekend", "over the weekend".
func (dm dateMatcher) period(i int) (dateHit, bool) {
	j := i
	switch dm.word(j) {
	case "early", "late", "earlier", "later", "mid":
		j++
	}
	h := dateHit{from: i, kind: dkWeekRel}
	switch dm.word(j) {
	case "last":
		h.n, h.mod = -1, -1
	case "next", "coming":
		h.n, h.mod = 1, 1
	case "this":
	case "past":
		if dropPossessive(dm.word(j+1)) != "weekend" {
			return dateHit{}, false // "the past week" is a span, not a date
		}
		h.mod = -1
	case "the":
		if j != i || dropPossessive(dm.word(j+1)) != "weekend" {
			return dateHit{}, false
		}
	default:
		return dateHit{}, false
	}
	switch dropPossessive(dm.word(j + 1)) {
	case "week":
	case "weekend":
		h.kind = dkWeekend
	case "month":
		h.kind = dkMonthRel
	case "year":
		h.kind = dkYearRel
	default:
		return dateHit{}, false
	}
	h.to = j + 2
	if dm.namedRelative(h.from, h.to) {
		return dateHit{}, false // "ABC's This Week"
	}
	return h, true
}

// ago reads "two days ago", "3 weeks ago", "a year ago".
func (dm dateMatcher) ago(i int) (dateHit, bool) {
	var n int
	if dm.toks[i].kind == scanNum {
		v, ok := numValue(dm.toks[i].low)
		if !ok || v > 999 {
			return dateHit{}, false
		}
		n = v
	} else if v, ok := cardinalWords[dm.word(i)]; ok && v <= 20 {
		n = int(v)
	} else if w := dm.word(i); w == "a" || w == "an" {
		n = 1
	} else {
		return dateHit{}, false
	}
	if dm.word(i+2) != "ago" {
		return dateHit{}, false
	}
	h := dateHit{from: i, to: i + 3}
	switch dm.word(i + 1) {
	case "day", "days":
		h.kind, h.n = dkDayRel, -n
	case "week", "weeks":
		h.kind, h.n = dkDayRel, -7*n
	case "month", "months":
		h.kind, h.n = dkMonthRel, -n
	case "year", "years":
		h.kind, h.n = dkYearRel, -n
	default:
		return dateHit{}, false
	}
	return h, true
}

// cardinalWords are the number words a count may be written in.
var cardinalWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}
