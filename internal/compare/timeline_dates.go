package compare

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"parallax/internal/model"
)

// precision is how finely a date mention pins its event, coarsest first.
type precision int

const (
	precDecade precision = iota
	precYear
	precMonth
	precWeek
	precWeekend
	precDay
)

// when is a date mention read at the precision it was written with: "last
// week" is a week, not the Monday enrichment resolves it to.
type when struct {
	label string // "2025-05-15", "week of 2025-05-05", "weekend of 2025-05-10", "2025-05", "2025", "1990s"
	start string // the first day it covers, 2006-01-02, for ordering
	prec  precision
}

// whenOf reads mention m, found at byte offset at of sentence (-1 when it
// is not there), at its written precision.
func whenOf(m model.DateMention, sentence string, at int) (when, bool) {
	d := m.Date
	switch len(d) {
	case 4:
		y, err := strconv.Atoi(d)
		if err != nil || y < 0 {
			return when{}, false
		}
		if y%10 == 0 && at >= 0 && pluralYear(sentence[at+len(m.Text):]) {
			return when{label: d + "s", start: d + "-01-01", prec: precDecade}, true
		}
		return when{label: d, start: d + "-01-01", prec: precYear}, true
	case 7:
		if _, err := time.Parse("2006-01", d); err != nil {
			return when{}, false
		}
		return when{label: d, start: d + "-01", prec: precMonth}, true
	case 10:
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return when{}, false
		}
		switch periodWord(m.Text) {
		case "week":
			mon := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
			return when{label: "week of " + mon, start: mon, prec: precWeek}, true
		case "weekend":
			return when{label: "weekend of " + d, start: d, prec: precWeekend}, true
		}
		return when{label: d, start: d, prec: precDay}, true
	}
	return when{}, false
}

// pluralYear reports whether the text after a year makes it a decade:
// "1990s", "1990's".
func pluralYear(rest string) bool {
	for _, suf := range []string{"s", "'s", "’s"} {
		if after, ok := strings.CutPrefix(rest, suf); ok {
			r := []rune(after + " ")[0]
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return false
}

// periodWord says whether a day-dated mention names a whole week ("last
// week", "two weeks ago") or a weekend rather than one day.
func periodWord(text string) string {
	for _, w := range lowerWords(text) {
		switch w {
		case "weekend":
			return "weekend"
		case "week", "weeks":
			return "week"
		}
	}
	return ""
}

// lowerWords splits text into lower-case words without their punctuation
// and possessive endings.
func lowerWords(text string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(text)) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// mentionAt finds where a mention stands in its sentence, -1 when it does
// not.
func mentionAt(sentence, text string) int {
	if text == "" {
		return -1
	}
	return strings.Index(sentence, text)
}

// quotedRelative reports a date without a written year inside quotation
// marks: a speaker's "yesterday" or "on Thursday" counts from the day they
// spoke, which the article's date need not be, and a quoted "Today" is
// often a programme's name.
func quotedRelative(sentence string, at int, text string) bool {
	if at < 0 || hasYear(text) {
		return false
	}
	before := sentence[:at]
	return strings.Count(before, `"`)%2 == 1 || strings.Count(before, "“") > strings.Count(before, "”")
}

func hasYear(text string) bool {
	digits := 0
	for _, r := range text {
		if unicode.IsDigit(r) {
			digits++
			if digits == 4 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}
