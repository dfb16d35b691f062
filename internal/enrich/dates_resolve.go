package enrich

import (
	"strconv"
	"time"
)

// Calendar arithmetic for resolving date hits. Days are UTC midnights.

// resolveHit turns a hit into a date string: 2006-01-02, 2006-01 or 2006.
// Relative hits need a reference day; future says which way a bare weekday
// or month points. ok is false when the hit cannot be dated.
func resolveHit(h dateHit, ref time.Time, hasRef, future bool) (string, bool) {
	switch h.kind {
	case dkSkip:
		return "", false
	case dkFull:
		return fmtDay(h.y, h.m, h.d), true
	case dkMonthY:
		return fmtMonth(h.y, h.m), true
	case dkYear:
		return strconv.Itoa(h.y), true
	}
	if !hasRef {
		return "", false
	}
	switch h.kind {
	case dkMonthDay:
		return monthDayNear(h, ref)
	case dkMonth:
		return fmtMonth(monthYear(h.m, h.mod, ref, future), h.m), true
	case dkWeekday:
		return fmtTime(weekdayNear(h.wd, h.mod, ref, future)), true
	case dkDayRel:
		return fmtTime(ref.AddDate(0, 0, h.n)), true
	case dkWeekRel:
		return fmtTime(mondayOf(ref).AddDate(0, 0, 7*h.n)), true
	case dkWeekend:
		return fmtTime(saturdayNear(h.mod, ref, future)), true
	case dkMonthRel:
		t := time.Date(ref.Year(), ref.Month()+time.Month(h.n), 1, 0, 0, 0, 0, time.UTC)
		return fmtMonth(t.Year(), int(t.Month())), true
	case dkYearRel:
		return strconv.Itoa(ref.Year() + h.n), true
	}
	return "", false
}

// monthDayNear gives a yearless "May 15" the year that puts it nearest the
// reference day; when a weekday is written beside it, the nearest year
// whose calendar agrees with that weekday wins.
func monthDayNear(h dateHit, ref time.Time) (string, bool) {
	best, bestDist, found := time.Time{}, time.Duration(0), false
	for _, y := range []int{ref.Year(), ref.Year() - 1, ref.Year() + 1} {
		if !validDate(y, h.m, h.d) {
			continue
		}
		t := time.Date(y, time.Month(h.m), h.d, 0, 0, 0, 0, time.UTC)
		if h.hasWD && t.Weekday() != h.wd {
			continue
		}
		dist := t.Sub(ref).Abs()
		if !found || dist < bestDist {
			best, bestDist, found = t, dist, true
		}
	}
	if !found && h.hasWD {
		h.hasWD = false // the weekday disagrees with every year: trust the date
		return monthDayNear(h, ref)
	}
	if !found {
		return "", false
	}
	return fmtTime(best), true
}

// monthYear picks the year of a month named alone: "last March" is the most
// recent March before the reference month, "next March" the first after
// it; a bare month looks back or ahead by tense and includes the current
// month either way.
func monthYear(m, mod int, ref time.Time, future bool) int {
	rm, y := int(ref.Month()), ref.Year()
	switch {
	case mod < 0:
		if m >= rm {
			return y - 1
		}
	case mod > 0:
		if m <= rm {
			return y + 1
		}
	case future:
		if m < rm {
			return y + 1
		}
	default:
		if m > rm {
			return y - 1
		}
	}
	return y
}

// weekdayNear resolves a weekday: "last" is strictly before the reference
// day, "next" strictly after; a bare one is the nearest such day on or
// before it in the past and on or after it in the future (see the tense
// rule in dates_tense.go). A bare weekday equal to the reference day's is
// that day either way: news style names the day of publication by its
// weekday ("the council will vote Tuesday" in a Tuesday paper), and would
// write "next Tuesday" for the week after.
func weekdayNear(wd time.Weekday, mod int, ref time.Time, future bool) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	ahead := (int(wd) - int(ref.Weekday()) + 7) % 7
	switch {
	case mod < 0:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case mod > 0:
		if ahead == 0 {
			ahead = 7
		}
		return ref.AddDate(0, 0, ahead)
	case future:
		return ref.AddDate(0, 0, ahead)
	}
	return ref.AddDate(0, 0, -back)
}

// mondayOf returns the Monday that starts t's week (ISO weeks start on
// Monday): a week is dated by its first day.
func mondayOf(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back)
}

// saturdayNear dates a weekend by its Saturday: "last weekend" is the one
// before the reference week's, "next weekend" the one after; "the weekend"
// is the latest Saturday on or before the reference day in the past, the
// first on or after it in the future.
func saturdayNear(mod int, ref time.Time, future bool) time.Time {
	switch {
	case mod < 0:
		return mondayOf(ref).AddDate(0, 0, -2)
	case mod > 0:
		return mondayOf(ref).AddDate(0, 0, 12)
	case future:
		return ref.AddDate(0, 0, (int(time.Saturday)-int(ref.Weekday())+7)%7)
	}
	return ref.AddDate(0, 0, -((int(ref.Weekday()) - int(time.Saturday) + 7) % 7))
}

// parseDay reads the calendar day at the start of an RFC 3339 date or
// date-time, as written (no zone shift: the day the outlet printed).
func parseDay(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil || t.Year() < 1900 || t.Year() > 2100 {
		return time.Time{}, false // junk such as 0000-01-01 would resolve to year -1
	}
	return t, true
}

func fmtTime(t time.Time) string {
	return fmtDay(t.Year(), int(t.Month()), t.Day())
}

func fmtDay(y, m, d int) string {
	b := make([]byte, 0, 10)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	b = appendPadded(b, d, 2)
	return string(b)
}

func fmtMonth(y, m int) string {
	b := make([]byte, 0, 7)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	return string(b)
}

func appendPadded(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
