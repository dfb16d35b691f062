package enrich

import "time"

// dateKind says what a date hit pins down and what it needs to resolve.
type dateKind uint8

const (
	dkSkip     dateKind = iota // consumed but not a date we can read ("05/11/2025")
	dkFull                     // year, month, day as written
	dkMonthY                   // year and month as written ("March 2024")
	dkYear                     // a year as written ("2014")
	dkMonthDay                 // month and day; year from the reference ("May 15")
	dkMonth                    // a month alone; year from the reference and tense ("in March")
	dkWeekday                  // "Thursday", "last Friday"
	dkDayRel                   // reference + n days ("yesterday", "two days ago")
	dkWeekRel                  // the Monday of the reference week + n weeks
	dkWeekend                  // the Saturday of a weekend
	dkMonthRel                 // the reference month + n
	dkYearRel                  // the reference year + n
)

// dateHit is one date expression found in a paragraph's tokens.
type dateHit struct {
	from, to int // token range [from, to)
	kind     dateKind
	y, m, d  int
	n        int          // offset for relative kinds
	wd       time.Weekday // for dkWeekday, and a weekday written beside a date
	hasWD    bool
	mod      int // -1 "last"/"past", +1 "next"/"coming", 0 otherwise
}

// relative reports whether the hit needs a reference date to resolve.
func (h dateHit) relative() bool {
	return h.kind >= dkMonthDay
}

var monthByName = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayByName = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// weekdayNamePrefixes make a weekday part of a name ("Good Friday",
// "Super Tuesday"), not a date.
var weekdayNamePrefixes = map[string]bool{
	"bloody": true, "easter": true, "super": true, "black": true, "good": true, "ash": true,
	"cyber": true, "palm": true, "holy": true, "maundy": true, "fat": true, "giving": true,
	"news": true, // "Fox News Sunday"
}

// weekdayNameSuffixes make a weekday the start of a title ("Sunday Times").
var weekdayNameSuffixes = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "post": true,
	"herald": true, "mail": true, "independent": true, "sport": true, "people": true,
	"star": true, "school": true,
}

// monthCues before a month name make it a date rather than a word ("in
// March", not "the March on Rome").
var monthCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "from": true,
	"through": true, "during": true, "before": true, "after": true, "of": true,
}

// dateMatcher scans one paragraph's tokens for date expressions.
type dateMatcher struct {
	p    string
	toks []scanTok
}

// hits returns every date expression in the paragraph, in order.
func (dm dateMatcher) hits(out []dateHit) []dateHit {
	for i := 0; i < len(dm.toks); {
		h, ok := dm.at(i)
		if !ok {
			i++
			continue
		}
		out = append(out, dm.widen(h))
		i = h.to
	}
	return out
}

// at tries every form at token i. A word that cannot open a date is
// rejected by one map lookup, which keeps the scan cheap.
func (dm dateMatcher) at(i int) (dateHit, bool) {
	t := dm.toks[i]
	switch {
	case t.kind == scanNum:
		if h, ok := dm.iso(i); ok {
			return h, true
		}
		if h, ok := dm.slashed(i); ok {
			return h, true
		}
		if h, ok := dm.dayMonth(i); ok {
			return h, true
		}
		if h, ok := dm.ago(i); ok {
			return h, true
		}
		return dm.bareYear(i)
	case t.kind != scanWord || !opensDate(dropPossessive(t.low)):
		return dateHit{}, false
	}
	if h, ok := dm.monthFirst(i); ok {
		return h, true
	}
	if h, ok := dm.weekday(i); ok {
		return h, true
	}
	if h, ok := dm.dayWord(i); ok {
		return h, true
	}
	if h, ok := dm.period(i); ok {
		return h, true
	}
	return dm.ago(i)
}

// opensDate reports whether a lower-case word can begin a date expression.
func opensDate(w string) bool {
	return dateOpeners[w]
}

// dateOpeners are the words a date expression can begin with.
var dateOpeners = func() map[string]bool {
	m := map[string]bool{}
	for w := range monthByName {
		m[w] = true
	}
	for w := range weekdayByName {
		m[w] = true
	}
	for w := range cardinalWords {
		m[w] = true
	}
	for _, w := range []string{"today", "tonight", "tomorrow", "yesterday", "last", "this", "next",
		"coming", "past", "the", "early", "late", "earlier", "later", "mid", "a", "an"} {
		m[w] = true
	}
	return m
}()

// widen takes in a leading "on"/"in" and an "early"/"late"/"mid" so the
// mention's text reads as written ("on Thursday", "in early March 2024").
func (dm dateMatcher) widen(h dateHit) dateHit {
	f := h.from
	if f >= 2 && dm.punct(f-1, "-") && dm.toks[f-2].low == "mid" {
		f -= 2
	} else if f >= 1 && (dm.toks[f-1].low == "early" || dm.toks[f-1].low == "late") && h.kind != dkSkip {
		f--
	}
	if f >= 1 && (dm.toks[f-1].low == "on" || dm.toks[f-1].low == "in") {
		f--
	}
	h.from = f
	return h
}

func (dm dateMatcher) punct(i int, s string) bool {
	return i >= 0 && i < len(dm.toks) && dm.toks[i].kind == scanPunct && dm.toks[i].low == s
}

// glued reports whether token i exists and touches the one before it.
func (dm dateMatcher) glued(i int) bool {
	return i < len(dm.toks) && !dm.toks[i].space
}

func (dm dateMatcher) word(i int) string {
	if i < 0 || i >= len(dm.toks) || dm.toks[i].kind != scanWord {
		return ""
	}
	return dm.toks[i].low
}

// num returns the value of a plain number token with exactly digits digits
// (any length when digits is 0).
func (dm dateMatcher) num(i, digits int) (int, bool) {
	if i < 0 || i >= len(dm.toks) || dm.toks[i].kind != scanNum {
		return 0, false
	}
	s := dm.toks[i].low
	if digits > 0 && len(s) != digits {
		return 0, false
	}
	return numValue(s)
}

// year reads a four-digit year in 1900–2100 at token i.
func (dm dateMatcher) year(i int) (int, bool) {
	y, ok := dm.num(i, 4)
	return y, ok && y >= 1900 && y <= 2100
}

// day reads a day of the month at i, with a glued ordinal suffix ("11th");
// next is the token after it.
func (dm dateMatcher) day(i int) (d, next int, ok bool) {
	if i >= len(dm.toks) || dm.toks[i].kind != scanNum || len(dm.toks[i].low) > 2 {
		return 0, 0, false
	}
	d, _ = numValue(dm.toks[i].low)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next = i + 1
	if dm.glued(next) {
		switch dm.word(next) {
		case "st", "nd", "rd", "th":
			next++
		default:
			if dm.toks[next].kind != scanPunct {
				return 0, 0, false // "5G", "11am"
			}
		}
	}
	return d, next, true
}

// month reads a capitalised month name at i, with a glued full stop after
// an abbreviation; next is the token after it.
func (dm dateMatcher) month(i int) (m, next int, ok bool) {
	w := dm.word(i)
	m, ok = monthByName[w]
	if !ok || !dm.toks[i].isUpperStart(dm.p) {
		return 0, 0, false
	}
	next = i + 1
	if len(w) <= 4 && w != "may" && w != "june" && w != "july" {
		if dm.punct(next, ".") && dm.glued(next) {
			next++
		} else if len(w) == 3 || w == "sept" {
			// Bare abbreviations read as dates only before a number ("Jan 5").
			if _, isNum := dm.num(next, 0); !isNum {
				return 0, 0, false
			}
		}
	}
	return m, next, true
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
