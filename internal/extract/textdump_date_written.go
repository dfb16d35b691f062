package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Written dates ("11 May 2025", "May 11, 2025", "22 de outubro de 2010")
// are read around each month name a line holds, by hand: regular
// expressions with an alternation of every month name cost tens of
// microseconds a line. TestWrittenDatesMatchExpressions states the grammar
// as those expressions and holds the reader to their answers.

// firstWritten returns the leftmost day-month-year and the leftmost
// month-day-year date in s (nil when there is none).
func firstWritten(s string) (dmy, mdy *dateMatch) {
	forMonthWords(s, func(from, to int) bool {
		if dmy == nil {
			dmy = dayMonthYear(s, from, to)
		}
		if mdy == nil {
			mdy = monthDayYear(s, from, to)
		}
		return dmy == nil || mdy == nil
	})
	return dmy, mdy
}

// forMonthWords calls f with the span of each run of letters in s that
// names a month, in order, while f returns true.
func forMonthWords(s string, f func(from, to int) bool) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && isMonthWord(s[start:i]) && !f(start, i) {
			return
		}
		start = -1
	}
	if start >= 0 && isMonthWord(s[start:]) {
		f(start, len(s))
	}
}

// dayMonthYear reads "11 May 2025", "11th. May, 2025", "22 de outubro de
// 2010" around the month word s[from:to].
func dayMonthYear(s string, from, to int) *dateMatch {
	at, d := dayBefore(s, from)
	if at < 0 {
		// "de" may stand between the day and the month.
		if p := skipSpaceBack(s, from); p < from {
			if q := p - 2; q >= 0 && strings.EqualFold(s[q:p], "de") {
				at, d = dayBefore(s, q)
			}
		}
	}
	if at < 0 {
		return nil
	}
	i := to
	i = skipByte(s, i, '.')
	i = skipByte(s, i, ',')
	end, y := yearAfter(s, i, true)
	if end < 0 {
		return nil
	}
	return &dateMatch{at, end, y, monthNum(s[from:to]), d}
}

// dayBefore reads, ending just before the whitespace before index i, a day
// of one or two digits with an optional suffix and full stop; it returns
// where the day starts, -1 when there is none.
func dayBefore(s string, i int) (at, day int) {
	p := skipSpaceBack(s, i)
	if p == i {
		return -1, 0
	}
	if p > 0 && s[p-1] == '.' {
		p--
	}
	for _, suf := range []string{"st", "nd", "rd", "th", "er", "º"} {
		if q := p - len(suf); q > 0 && strings.EqualFold(s[q:p], suf) && isDigit(s[q-1]) {
			p = q
			break
		}
	}
	q := p
	for q > 0 && p-q < 3 && isDigit(s[q-1]) {
		q--
	}
	if n := p - q; n < 1 || n > 2 {
		return -1, 0
	}
	if q > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:q]); unicode.IsLetter(r) || r >= '0' && r <= '9' {
			return -1, 0
		}
	}
	return q, atoi(s[q:p])
}

// monthDayYear reads "May 11, 2025", "Nov. 19th 2019" from the month word
// s[from:to] on.
func monthDayYear(s string, from, to int) *dateMatch {
	i := skipByte(s, to, '.')
	j := skipSpace(s, i)
	if j == i {
		return nil
	}
	k := j
	for k < len(s) && k-j < 3 && isDigit(s[k]) {
		k++
	}
	if n := k - j; n < 1 || n > 2 {
		return nil
	}
	d := atoi(s[j:k])
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if k+len(suf) <= len(s) && strings.EqualFold(s[k:k+len(suf)], suf) {
			k += len(suf)
			break
		}
	}
	k = skipByte(s, k, ',')
	end, y := yearAfter(s, k, false)
	if end < 0 {
		return nil
	}
	return &dateMatch{from, end, y, monthNum(s[from:to]), d}
}

// yearAfter reads whitespace, with de (when allowed) "de" and more
// whitespace, then a four-digit year not followed by a digit; it returns
// where the year ends, -1 when there is none.
func yearAfter(s string, i int, de bool) (end, year int) {
	j := skipSpace(s, i)
	if j == i {
		return -1, 0
	}
	if de && j+2 <= len(s) && strings.EqualFold(s[j:j+2], "de") {
		if k := skipSpace(s, j+2); k > j+2 {
			if e, y := fourDigits(s, k); e >= 0 {
				return e, y
			}
		}
	}
	return fourDigits(s, j)
}

func fourDigits(s string, i int) (end, year int) {
	if i+4 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return -1, 0
	}
	if i+4 < len(s) && isDigit(s[i+4]) {
		return -1, 0
	}
	return i + 4, atoi(s[i : i+4])
}

// isSpaceByte is the regular expressions' \s: ASCII whitespace.
func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

func skipSpaceBack(s string, i int) int {
	for i > 0 && isSpaceByte(s[i-1]) {
		i--
	}
	return i
}

func skipByte(s string, i int, b byte) int {
	if i < len(s) && s[i] == b {
		return i + 1
	}
	return i
}

// matchStart is where a regular expression's match of m would start: the
// character before the date, which the grammar requires not to be a
// letter, is part of the match.
func (m *dateMatch) matchStart(s string) int {
	if m.at == 0 {
		return 0
	}
	_, n := utf8.DecodeLastRuneInString(s[:m.at])
	return m.at - n
}
