package text

import (
	"net/url"
	"strings"
	"time"
)

// URLDate returns the calendar date a URL's path gives, as many outlets
// build their article paths: /2025/05/11/slug, /2025-05-11-slug,
// /20250511/slug. It is evidence of when the article was written, not a
// published date: some outlets put the print edition's date (a day later)
// or the date of a first version there. Only the path is read (a date in
// the query is usually a search or a tracking parameter), and a year-month
// path without a day gives nothing. Years outside 1990–2100 are rejected.
func URLDate(raw string) (time.Time, bool) {
	path := raw
	if u, err := url.Parse(raw); err == nil {
		path = u.Path
	}
	segs := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
	for i, s := range segs {
		if t, ok := slashDate(segs, i); ok {
			return t, true
		}
		if t, ok := joinedDate(s); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// slashDate reads segs[i:i+3] as year, month and day (/2025/05/11/ or
// /2025/5/11/).
func slashDate(segs []string, i int) (time.Time, bool) {
	if i+2 >= len(segs) || !isDigits(segs[i], 4, 4) || !isDigits(segs[i+1], 1, 2) {
		return time.Time{}, false
	}
	d := segs[i+2]
	n := 0
	for n < len(d) && n < 3 && '0' <= d[n] && d[n] <= '9' {
		n++
	}
	// The day may run into the slug ("03steele.html" is the day and a
	// name); three digits are not a day.
	if n == 0 || n > 2 {
		return time.Time{}, false
	}
	return validDate(atoi(segs[i]), atoi(segs[i+1]), atoi(d[:n]))
}

// joinedDate reads a segment that starts with 2025-05-11 or is 20250511
// (optionally followed by a separator and a slug).
func joinedDate(s string) (time.Time, bool) {
	switch {
	case len(s) >= 10 && isDigits(s[:4], 4, 4) && s[4] == '-' && isDigits(s[5:7], 2, 2) && s[7] == '-' && isDigits(s[8:10], 2, 2) &&
		(len(s) == 10 || !isDigit(s[10])):
		return validDate(atoi(s[:4]), atoi(s[5:7]), atoi(s[8:10]))
	case len(s) >= 8 && isDigits(s[:8], 8, 8) && (len(s) == 8 || s[8] == '-' || s[8] == '_' || s[8] == '.'):
		return validDate(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]))
	}
	return time.Time{}, false
}

func validDate(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func isDigits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
