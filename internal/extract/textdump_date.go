package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
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
	var alts []string
	for n := range monthNames {
		alts = append(alts, regexp.QuoteMeta(n))
	}
	// Longest first, so "june" wins over "jun".
	sort.Slice(alts, func(i, j int) bool {
		return len(alts[i]) > len(alts[j]) || len(alts[i]) == len(alts[j]) && alts[i] < alts[j]
	})
	month := `(` + strings.Join(alts, "|") + `)\.?`
	dmyRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?` + month + `,?\s+(?:de\s+)?(\d{4})(?:[^\d]|$)`)
	mdyRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])` + month + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]|$)`)
}

var (
	dmyRe, mdyRe *regexp.Regexp // built by init from monthNames
	isoRe        = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)`)
	numRe        = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	timeRe       = regexp.MustCompile(`(?i)^[\sT,|/@-]*(?:at\s+|às\s+|um\s+|à\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?`)
	agoRe        = regexp.MustCompile(`(?i)^(?:updated\s+)?(?:\d+\s*(?:s|m|h|d|w|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|just now)$`)
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

// findDate returns the first date in s, if any.
func findDate(s string) (foundDate, bool) {
	type match struct {
		at, end int
		y, m, d int
	}
	if !hasYear(s) {
		return foundDate{}, false
	}
	var best *match
	try := func(loc []int, y, m, d int) {
		if loc != nil && (best == nil || loc[0] < best.at) {
			best = &match{loc[0], loc[1], y, m, d}
		}
	}
	if g := dmyRe.FindStringSubmatchIndex(s); g != nil {
		try([]int{g[2], g[7]}, atoi(s[g[6]:g[7]]), monthNum(s[g[4]:g[5]]), atoi(s[g[2]:g[3]]))
	}
	if g := mdyRe.FindStringSubmatchIndex(s); g != nil {
		try([]int{g[2], g[7]}, atoi(s[g[6]:g[7]]), monthNum(s[g[2]:g[3]]), atoi(s[g[4]:g[5]]))
	}
	if g := isoRe.FindStringSubmatchIndex(s); g != nil {
		try(g, atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]]), atoi(s[g[6]:g[7]]))
	}
	if g := numRe.FindStringSubmatchIndex(s); g != nil {
		// Day first, as most of the world writes it, unless that cannot be.
		d, m := atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]])
		if m > 12 && d <= 12 {
			d, m = m, d
		}
		try(g, atoi(s[g[6]:g[7]]), m, d)
	}
	if best == nil || best.m < 1 || best.m > 12 || best.d < 1 || best.d > 31 || best.y < 1900 || best.y > 2100 {
		return foundDate{}, false
	}
	fd := foundDate{t: time.Date(best.y, time.Month(best.m), best.d, 0, 0, 0, 0, time.UTC)}
	if fd.t.Day() != best.d {
		return foundDate{}, false // 31 February and the like
	}
	fd.addTime(s[best.end:])
	return fd, true
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
// or -1.
func firstDateIndex(s string) int {
	at := -1
	if !hasYear(s) {
		return at
	}
	for _, re := range []*regexp.Regexp{dmyRe, mdyRe, isoRe, numRe} {
		if loc := re.FindStringIndex(s); loc != nil && (at < 0 || loc[0] < at) {
			at = loc[0]
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
func isTimeAgo(s string) bool { return agoRe.MatchString(strings.TrimSpace(s)) }
