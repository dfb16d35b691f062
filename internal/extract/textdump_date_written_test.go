package extract

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The grammar of written dates as regular expressions: the reader in
// textdump_date_written.go must find what these find.
func writtenDateExpressions() (dmy, mdy *regexp.Regexp) {
	var alts []string
	for n := range monthNames {
		alts = append(alts, regexp.QuoteMeta(n))
	}
	// Longest first, so "june" wins over "jun".
	sort.Slice(alts, func(i, j int) bool {
		return len(alts[i]) > len(alts[j]) || len(alts[i]) == len(alts[j]) && alts[i] < alts[j]
	})
	month := `(` + strings.Join(alts, "|") + `)\.?`
	dmy = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?` + month + `,?\s+(?:de\s+)?(\d{4})(?:[^\d]|$)`)
	mdy = regexp.MustCompile(`(?i)(?:^|[^\p{L}])` + month + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]|$)`)
	return dmy, mdy
}

// findDateByExpressions is findDate as the expressions state it.
func findDateByExpressions(s string, dmyRe, mdyRe *regexp.Regexp) (foundDate, bool) {
	var dmy, mdy *dateMatch
	if g := dmyRe.FindStringSubmatchIndex(s); g != nil {
		dmy = &dateMatch{g[2], g[7], atoi(s[g[6]:g[7]]), monthNum(s[g[4]:g[5]]), atoi(s[g[2]:g[3]])}
	}
	if g := mdyRe.FindStringSubmatchIndex(s); g != nil {
		mdy = &dateMatch{g[2], g[7], atoi(s[g[6]:g[7]]), monthNum(s[g[2]:g[3]]), atoi(s[g[4]:g[5]])}
	}
	iso := isoMatch(s, isoRe.FindStringSubmatchIndex(s))
	num := numMatch(s, numRe.FindStringSubmatchIndex(s))
	return earliest(dmy, mdy, iso, num).date(s)
}

// firstDateIndexByExpressions is firstDateIndex as the expressions state it.
func firstDateIndexByExpressions(s string, res ...*regexp.Regexp) int {
	at := -1
	for _, re := range res {
		if loc := re.FindStringIndex(s); loc != nil && (at < 0 || loc[0] < at) {
			at = loc[0]
		}
	}
	return at
}

// TestWrittenDatesMatchExpressions compares findDate and firstDateIndex
// with the expressions on strings stitched from date-like pieces (a fixed
// pseudo-random sequence, so the test is the same every run).
func TestWrittenDatesMatchExpressions(t *testing.T) {
	dmy, mdy := writtenDateExpressions()
	pieces := []string{
		"May", "may", "MAY", "mai", "Mayo", "de", "DE", "11", "1", "31", "45", "2025", "1999", "12", "123", " ", "  ", "\t",
		".", ",", "-", "/", "th", "ST", "er", "º", "x", "Nov.", "Sept", "sep", "à", "às", "20:24", "8:03 am", "T",
		"2019-11-19", "19/11/2019", "3", "o", "мая", "outubro", "5", "0", "Both", "code", "(", "é",
	}
	seed := uint64(7)
	next := func() int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed >> 33) }
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := next() % 12; k > 0; k-- {
			b.WriteString(pieces[next()%len(pieces)])
		}
		s := b.String()
		got, ok := findDate(s)
		want, wok := findDateByExpressions(s, dmy, mdy)
		if ok != wok || got != want {
			t.Fatalf("findDate(%q) = %v %v, expressions give %v %v", s, got, ok, want, wok)
		}
		if !hasYear(s) {
			continue
		}
		if got, want := firstDateIndex(s), firstDateIndexByExpressions(s, isoRe, numRe, dmy, mdy); got != want {
			t.Fatalf("firstDateIndex(%q) = %d, expressions give %d", s, got, want)
		}
	}
}
