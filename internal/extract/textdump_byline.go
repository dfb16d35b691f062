package extract

import (
	"regexp"
	"strings"

	"parallax/internal/text"
)

// byRe matches a byline and captures what follows "By" (or its
// equivalent in a few other languages).
// The dumper sometimes glues it to the line before, as in "Jane RoeBy Jane
// Roe".
var byRe = regexp.MustCompile(`^(?:[\p{L} ]{0,40}\p{Ll}(?:By|BY)\s+|(?i:(?:posted |published |written |words |text |story |reported )?(?:on .{4,40} )?(?:by|por|par|von|door|av|author:|autor:|authors:|автор:?|بقلم|كتب|作者：?))(?:\s+|$))(.*)$`)

// byWords are the words byRe's bylines open with, as a line's key spells
// them.
var byWords = wordSet([]string{"by", "por", "par", "von", "door", "av", "author", "autor", "authors", "автор", "بقلم", "كتب", "作者"})

// matchesBy reports whether byRe matches the line. A cheap check comes
// first: byRe needs one of byWords among the line's first words (after
// "Posted on" and a date), or "By" glued to a name near its start.
func matchesBy(text, key string) bool {
	if !gluedBy(text[:min(len(text), 200)]) && !leadsWith(key[:runeOffset(key, 64)], byWords, 24) {
		return false
	}
	return byRe.MatchString(text)
}

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
// byRe's keyword opens a line or follows at most a word, "on" and 40
// characters, so it starts within the first 64 runes of the line, and of
// its key, which holds no more runes before it.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// gluedBy reports "By" or "BY" right after a letter and before
// whitespace, as in "Jane RoeBy Jane Roe".
func gluedBy(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == 'B' && (s[i+1] == 'y' || s[i+1] == 'Y') && isSpaceByte(s[i+2]) && !isSpaceByte(s[i-1]) {
			return true
		}
	}
	return false
}

// leadsWith reports whether one of the first n words of key is in set.
func leadsWith(key string, set map[string]bool, n int) bool {
	for k := 0; k < n && key != ""; k++ {
		w, rest, _ := strings.Cut(key, " ")
		if set[w] {
			return true
		}
		key = rest
	}
	return false
}

// isByline reports a short line that is a byline: "By" and then a name.
func isByline(l dumpLine) bool {
	if l.words > 14 || !l.by {
		return false
	}
	g := byRe.FindStringSubmatch(l.text)
	if g == nil {
		return false
	}
	parts := splitByline(g[1])
	return strings.TrimSpace(g[1]) == "" || (len(parts) > 0 && isNameLike(parts[0], 5))
}

// outletWords are words that name an organisation rather than a person; a
// byline part holding one is not an author.
var outletWords = map[string]bool{
	"news": true, "media": true, "press": true, "times": true, "post": true, "tribune": true,
	"journal": true, "herald": true, "daily": true, "agency": true, "agencies": true, "network": true,
	"tv": true, "radio": true, "online": true, "digital": true, "staff": true, "desk": true,
	"english": true, "reports": true, "team": true, "editorial": true, "bureau": true, "wire": true,
	"writer": true, "correspondent": true, "editor": true, "contributor": true, "com": true,
}

// findByline reads the byline between the headline (index from) and the
// first body line: the people it names, and the outlet when it names the
// publication, as "By Some Outlet" does when the outlet's name also
// stands alone at the top or bottom of the page.
func (p *page) findByline(from, first int) (authors []string, outlet string) {
	for i := from; i >= 0 && i < first; i = p.next[i] {
		if !p.lines[i].by || p.lines[i].words > 20 {
			continue
		}
		g := byRe.FindStringSubmatch(p.lines[i].text)
		rest := strings.TrimSpace(g[1])
		if rest == "" { // "By" alone, the name on the next line
			if j := p.next[i]; j >= 0 && j < first {
				rest = p.lines[j].text
			}
		}
		for _, part := range splitByline(rest) {
			switch {
			case p.isMasthead(part):
				outlet = part
			case isPersonName(part):
				authors = append(authors, part)
			}
		}
		if len(authors) > 0 || outlet != "" {
			return authors, outlet
		}
	}
	return nil, ""
}

var bylineSepRe = regexp.MustCompile(`\s*(?:,|;|\||/|\s+and\s+|\s+&\s+|\s+-\s+|\s+–\s+|\s+—\s+)\s*`)

// splitByline cuts a byline after "By" into its parts, stopping at a date.
func splitByline(s string) []string {
	if loc := firstDateIndex(s); loc >= 0 {
		s = s[:loc]
	}
	var out []string
	for _, part := range bylineSepRe.Split(s, -1) {
		if part = strings.Trim(part, " .:"); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// isPersonName reports two to five capitalised words with no word that
// names an organisation.
func isPersonName(s string) bool {
	if !isNameLike(s, 5) || len(strings.Fields(s)) < 2 || strings.ContainsAny(s, "0123456789@") {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '.' }) {
		if outletWords[w] {
			return false
		}
	}
	return true
}

// isMasthead reports whether s stands alone as a line among the first or
// last lines of the page, where a site prints its own name.
func (p *page) isMasthead(s string) bool {
	key := strings.Join(text.Words(s), " ")
	if key == "" {
		return false
	}
	const edge = 12
	seen := 0
	for i := 0; i < len(p.lines) && seen < edge; i++ {
		if !p.lines[i].empty() {
			seen++
			if p.lines[i].key == key {
				return true
			}
		}
	}
	seen = 0
	for i := len(p.lines) - 1; i >= 0 && seen < 2*edge; i-- {
		if !p.lines[i].empty() {
			seen++
			if p.lines[i].key == key {
				return true
			}
		}
	}
	return false
}

// findPublished returns the first date on a short line between a few lines
// above the headline (index from) and the first body line, skipping
// captions, embedded posts and teasers, whose dates are other stories'.
func (p *page) findPublished(from, first int) string {
	start := from
	for k := 0; k < 4 && p.prev[start] >= 0; k++ {
		start = p.prev[start]
	}
	for i := start; i >= 0 && i < first; i = p.next[i] {
		switch p.classes[i] {
		case clsCaption, clsSignature, clsTeaser, clsLink, clsProse:
			continue
		}
		if p.lines[i].words > 25 {
			continue
		}
		if l := p.lines[i]; l.dated {
			return l.date.String()
		}
	}
	return ""
}
