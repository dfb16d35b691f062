package cluster

import (
	"slices"
	"strings"
	"time"

	"parallax/internal/text"
)

// Article times are whole days since 1970-01-01 (UTC). A day is fine enough
// for grouping news: the same event's coverage spreads over days, and many
// inputs carry a date without a time of day.

// timeKind says where an article's day came from, which decides how much
// the clusterer may trust it.
type timeKind uint8

const (
	timeUnknown   timeKind = iota // no date at all
	timeMentioned                 // estimated from dates the text or page mentions
	timeURL                       // the date in the article's URL path: low trust
	timePublished                 // the article's own published date
)

// written says whether the day is when the article was written (published
// or its URL's date), not a bound from what it mentions.
func (t artTime) written() bool { return t.kind >= timeURL }

// artTime is an article's day and its provenance.
type artTime struct {
	day  int32
	kind timeKind
}

// dayOf converts a time to days since the epoch (UTC date).
func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayTime converts days since the epoch back to a UTC midnight.
func dayTime(day int32) time.Time {
	return time.Unix(int64(day)*86400, 0).UTC()
}

// parsePublished reads a model.Article Published value: an RFC 3339 date or
// date-time. Only the calendar date is kept, as written (no zone shift), since
// the day the outlet put on the article is what readers and other outlets see.
func parsePublished(s string) (int32, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		return 0, false
	}
	return dayOf(t), true
}

// articleTime decides an article's time: its published date when known,
// else the date in its URL's path (text.URLDate), else the median of the
// absolute dates its text mentions. The median rather
// than the latest because a page keeps both old dates (background: "the
// attack of Sept. 11, 2012") and stray later ones (captions, sidebars); the
// clusterer treats a mentioned day as a soft lower bound, not a fact.
func articleTime(published, url string, pageDates []string, title, body string) artTime {
	if d, ok := parsePublished(published); ok {
		return artTime{d, timePublished}
	}
	if t, ok := text.URLDate(url); ok {
		return artTime{dayOf(t), timeURL}
	}
	// Dates the page shows beside the article (captions, embedded posts)
	// come before its publication; the latest is the best estimate.
	var latest int32
	found := false
	for _, p := range pageDates {
		if d, ok := parsePublished(p); ok && (!found || d > latest) {
			latest, found = d, true
		}
	}
	if found {
		return artTime{latest, timeMentioned}
	}
	days := TextDates(title + "\n" + body)
	if len(days) == 0 {
		return artTime{}
	}
	ds := make([]int32, len(days))
	for i, t := range days {
		ds[i] = dayOf(t)
	}
	slices.Sort(ds)
	return artTime{ds[(len(ds)-1)/2], timeMentioned}
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// dateToken is one word of the date scanner: a run of letters or of digits,
// or a single punctuation rune; spaces only separate tokens.
type dateToken struct {
	s     string
	digit bool
	alpha bool
	space bool // preceded by white space
}

// TextDates returns the absolute calendar dates written in s, in order of
// appearance: "May 11, 2025", "Sept. 3 2012", "11 May 2025", "9 Feb. 2025",
// "2025-05-11". Dates without a year ("May 10") are ignored: guessing the year
// would invent precision. Years outside 1900–2100 and impossible days
// (31 February) are rejected.
func TextDates(s string) []time.Time {
	toks := tokenizeDates(s)
	var out []time.Time
	for i := 0; i < len(toks); i++ {
		if t, n, ok := dateAt(toks, i); ok {
			out = append(out, t)
			i += n - 1
		}
	}
	return out
}

// tokenizeDates splits s into letter runs, digit runs and punctuation runes.
func tokenizeDates(s string) []dateToken {
	var toks []dateToken
	space := true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case isASCIIDigit(c) || isASCIILetter(c):
			j := i + 1
			for j < len(s) && isASCIIDigit(s[j]) == isASCIIDigit(c) && (isASCIIDigit(s[j]) || isASCIILetter(s[j])) {
				j++
			}
			toks = append(toks, dateToken{s: s[i:j], digit: isASCIIDigit(c), alpha: !isASCIIDigit(c), space: space})
			i = j
		default:
			toks = append(toks, dateToken{s: s[i : i+1], space: space})
			i++
		}
		space = false
	}
	return toks
}

// dateAt tries the three layouts at toks[i]; it returns the date and how
// many tokens it used.
func dateAt(toks []dateToken, i int) (time.Time, int, bool) {
	if t, n, ok := isoAt(toks, i); ok {
		return t, n, true
	}
	if t, n, ok := mdyAt(toks, i); ok {
		return t, n, true
	}
	return dmyAt(toks, i)
}

// isoAt reads YYYY-MM-DD.
func isoAt(toks []dateToken, i int) (time.Time, int, bool) {
	if i+4 >= len(toks) || !wordBoundaryBefore(toks, i) {
		return time.Time{}, 0, false
	}
	y, m, d := toks[i], toks[i+2], toks[i+4]
	if !y.digit || len(y.s) != 4 || toks[i+1].s != "-" || toks[i+3].s != "-" ||
		!m.digit || len(m.s) != 2 || !d.digit || len(d.s) != 2 ||
		m.space || d.space || toks[i+1].space || toks[i+3].space || !wordBoundaryAfter(toks, i+4) {
		return time.Time{}, 0, false
	}
	return makeDate(atoiSmall(y.s), atoiSmall(m.s), atoiSmall(d.s), 5)
}

// mdyAt reads "May 11, 2025" and "Sept. 3 2012".
func mdyAt(toks []dateToken, i int) (time.Time, int, bool) {
	mon, j, ok := monthAt(toks, i)
	if !ok || j >= len(toks) || !toks[j].digit || len(toks[j].s) > 2 {
		return time.Time{}, 0, false
	}
	day := atoiSmall(toks[j].s)
	j = skipOrdinal(toks, j+1)
	if j < len(toks) && toks[j].s == "," {
		j++
	}
	if j >= len(toks) || !toks[j].digit || len(toks[j].s) != 4 || !wordBoundaryAfter(toks, j) {
		return time.Time{}, 0, false
	}
	return makeDate(atoiSmall(toks[j].s), int(mon), day, j+1-i)
}

// dmyAt reads "11 May 2025" and "9 Feb. 2025".
func dmyAt(toks []dateToken, i int) (time.Time, int, bool) {
	if !toks[i].digit || len(toks[i].s) > 2 || !wordBoundaryBefore(toks, i) {
		return time.Time{}, 0, false
	}
	day := atoiSmall(toks[i].s)
	mon, j, ok := monthAt(toks, skipOrdinal(toks, i+1))
	if !ok {
		return time.Time{}, 0, false
	}
	if j < len(toks) && toks[j].s == "," {
		j++
	}
	if j >= len(toks) || !toks[j].digit || len(toks[j].s) != 4 || !wordBoundaryAfter(toks, j) {
		return time.Time{}, 0, false
	}
	return makeDate(atoiSmall(toks[j].s), int(mon), day, j+1-i)
}

// monthAt reads a month name or abbreviation (with an optional full stop)
// and returns the index after it.
func monthAt(toks []dateToken, i int) (time.Month, int, bool) {
	if i >= len(toks) || !toks[i].alpha || !wordBoundaryBefore(toks, i) {
		return 0, 0, false
	}
	m, ok := monthNames[strings.ToLower(toks[i].s)]
	if !ok {
		return 0, 0, false
	}
	j := i + 1
	if j < len(toks) && toks[j].s == "." && !toks[j].space {
		j++
	}
	return m, j, true
}

// skipOrdinal skips "st", "nd", "rd", "th" glued to a day number.
func skipOrdinal(toks []dateToken, j int) int {
	if j < len(toks) && toks[j].alpha && !toks[j].space {
		switch strings.ToLower(toks[j].s) {
		case "st", "nd", "rd", "th":
			return j + 1
		}
	}
	return j
}

// wordBoundaryBefore rejects a match glued to a preceding word or number
// ("x2025-05-11", "v1.11 May").
func wordBoundaryBefore(toks []dateToken, i int) bool {
	if i == 0 || toks[i].space {
		return true
	}
	p := toks[i-1]
	return !p.digit && !p.alpha && p.s != "." && p.s != "-" && p.s != "/"
}

// wordBoundaryAfter rejects a year that continues into more digits or
// letters ("2025-05-11T" is fine: T follows the date itself).
func wordBoundaryAfter(toks []dateToken, j int) bool {
	if j+1 >= len(toks) || toks[j+1].space {
		return true
	}
	n := toks[j+1]
	if n.alpha && (n.s == "T" || n.s == "t") {
		return true
	}
	return !n.digit && !n.alpha && n.s != "-" && n.s != "/"
}

// makeDate validates and builds a date.
func makeDate(y, m, d, n int) (time.Time, int, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, 0, false
	}
	return t, n, true
}

// atoiSmall parses a short run of ASCII digits (the tokenizer guarantees it).
func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 6; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
