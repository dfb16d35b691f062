package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Dates in dumps come in many shapes: "11 May 2025 20:24", "May 11, 2025",
// "Nov. 19, 2019 8:03 am ET", "2019-11-19", "19/11/2019". findDate reads
// the common English and numeric ones.

// monthNames maps month names and abbreviations, in English and a few
// other languages met in news pages, to month numbers. Russian names are in
// the genitive, as dates use them.
var monthNames = map[string]int{}

func init() {
	for m, names := range [12]string{
		"january jan janvier janv januar enero ene janeiro jan januari gennaio января январь",
		"february feb février févr februar febrero febr fevereiro fev februari febbraio февраля",
		"march mar mars märz marzo março maret marzo марта",
		"april apr avril abril avr aprile апреля",
		"may mai mayo maio mei maggio мая",
		"june jun juin juni junio junho giugno июня",
		"july jul juillet juli julio julho luglio июля",
		"august aug août aout agosto agustus августа",
		"september sep sept septembre septiembre setembro settembre сентября",
		"october oct octobre oktober octubre outubro okt ottobre октября",
		"november nov novembre noviembre novembro нояб ноября",
		"december dec décembre dezember diciembre dezembro desember dic dicembre декабря",
	} {
		for _, n := range strings.Fields(names) {
			monthNames[n] = m + 1
		}
	}
}

var (
	isoRe  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)`)
	numRe  = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	timeRe = regexp.MustCompile(`(?i)^[\sT,|/@-]*(?:at\s+|às\s+|um\s+|à\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?`)
	agoRe  = regexp.MustCompile(`(?i)^(?:updated\s+)?(?:\d+\s*(?:s|m|h|d|w|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|just now)$`)
)

// foundDate is a date read from a line, with its time of day when given.
type foundDate struct {
	t       time.Time
	hasTime bool
}

// String renders the date as RFC 3339: a date-time when a time was given,
// a bare date otherwise.
func (d foundDate) String() string {
	if d.hasTime {
		return d.t.Format(time.RFC3339)
	}
	return d.t.Format(time.DateOnly)
}

// findDate returns the first date in s, if any. Cheap checks come before
// any regular expression: every date has a four-digit year, a written one
// a month's name (and is read by hand around it), an ISO one a hyphen
// between digits, a numeric one a slash or a dot between digits.
func findDate(s string) (foundDate, bool) {
	if !hasYear(s) {
		return foundDate{}, false
	}
	dmy, mdy := firstWritten(s)
	var iso, num *dateMatch
	if digitsAround(s, "-") {
		iso = isoMatch(s, isoRe.FindStringSubmatchIndex(s))
	}
	if digitsAround(s, "./") {
		num = numMatch(s, numRe.FindStringSubmatchIndex(s))
	}
	return earliest(dmy, mdy, iso, num).date(s)
}

// dateMatch is a date pattern's match in a line: where the date starts
// (its day, or its month when the month comes first) and ends, and its
// parts as written.
type dateMatch struct {
	at, end int
	y, m, d int
}

// isoMatch reads isoRe's submatches g of s.
func isoMatch(s string, g []int) *dateMatch {
	if g == nil {
		return nil
	}
	return &dateMatch{g[0], g[1], atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]]), atoi(s[g[6]:g[7]])}
}

// numMatch reads numRe's submatches g of s: day first, as most of the
// world writes it, unless that cannot be.
func numMatch(s string, g []int) *dateMatch {
	if g == nil {
		return nil
	}
	d, m := atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]])
	if m > 12 && d <= 12 {
		d, m = m, d
	}
	return &dateMatch{g[0], g[1], atoi(s[g[6]:g[7]]), m, d}
}

// earliest returns the match that starts first (the first given on a
// tie), nil when there is none.
func earliest(ms ...*dateMatch) *dateMatch {
	var best *dateMatch
	for _, m := range ms {
		if m != nil && (best == nil || m.at < best.at) {
			best = m
		}
	}
	return best
}

// date checks the match is a calendar date and reads the time of day after
// it in s.
func (m *dateMatch) date(s string) (foundDate, bool) {
	if m == nil || m.m < 1 || m.m > 12 || m.d < 1 || m.d > 31 || m.y < 1900 || m.y > 2100 {
		return foundDate{}, false
	}
	fd := foundDate{t: time.Date(m.y, time.Month(m.m), m.d, 0, 0, 0, 0, time.UTC)}
	if fd.t.Day() != m.d {
		return foundDate{}, false // 31 February and the like
	}
	fd.addTime(s[m.end:])
	return fd, true
}

// digitsAround reports a digit on each side of one of the bytes seps: the
// least a numeric or ISO date has.
func digitsAround(s, seps string) bool {
	for i := 1; i+1 < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isMonthWord(w string) bool {
	if len(w) < 3 || len(w) > 20 {
		return false
	}
	var buf [20]byte // an ASCII word lower-cased in place: no allocation
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			_, ok := monthNames[strings.ToLower(w)]
			return ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := monthNames[string(buf[:len(w)])]
	return ok
}

// addTime reads a time of day right after the date ("20:24", "at 8:03 am").
func (d *foundDate) addTime(rest string) {
	g := timeRe.FindStringSubmatch(rest)
	if g == nil {
		return
	}
	h, m, sec := atoi(g[1]), atoi(g[2]), max(0, atoi(g[3]))
	if ap := strings.ToLower(strings.ReplaceAll(g[4], ".", "")); ap == "pm" && h < 12 {
		h += 12
	} else if ap == "am" && h == 12 {
		h = 0
	}
	if h > 23 || m > 59 || sec > 59 {
		return
	}
	d.t = d.t.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
	d.hasTime = true
}

func monthNum(s string) int { return monthNames[strings.ToLower(strings.TrimSuffix(s, "."))] }

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// hasYear reports a run of four digits, which every date findDate reads
// has; it spares the regular expressions most lines.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// firstDateIndex returns the byte offset of the first date-like text in s,
// or -1: where the match of the date's pattern starts, which for a written
// date takes in the character before it.
func firstDateIndex(s string) int {
	at := -1
	if !hasYear(s) {
		return at
	}
	earlier := func(i int) {
		if at < 0 || i < at {
			at = i
		}
	}
	for _, re := range []*regexp.Regexp{isoRe, numRe} {
		if loc := re.FindStringIndex(s); loc != nil {
			earlier(loc[0])
		}
	}
	dmy, mdy := firstWritten(s)
	for _, m := range []*dateMatch{dmy, mdy} {
		if m != nil {
			earlier(m.matchStart(s))
		}
	}
	return at
}

// hasDate reports whether s mentions a calendar date.
func hasDate(s string) bool {
	_, ok := findDate(s)
	return ok
}

// isTimeAgo reports a relative timestamp such as "32M ago" or "2 hours ago".
// agoRe can only match a line that ends in one of its last words.
func isTimeAgo(s string) bool {
	s = strings.TrimSpace(s)
	if !hasSuffixFold(s, "ago") && !hasSuffixFold(s, "yesterday") && !hasSuffixFold(s, "just now") {
		return false
	}
	return agoRe.MatchString(s)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
