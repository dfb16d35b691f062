package enrich

import (
	"regexp"
	"strings"
	"unicode"

	"parallax/internal/model"
)

// News-agency conventions that name places, outlets and people in fixed
// slots: the dateline ("KASTROVO, Marovia, March 19 (Northgate Wire) -")
// and the credit line ("(Reporting by A in X; Editing by B)").

// datelineRE matches a dateline: a city in capitals, optional
// comma-separated parts (a region or country, a date), an optional credit
// in parentheses, and a dash.
var datelineRE = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’.\-]*(?: \p{Lu}[\p{Lu}'’.\-]*){0,3})((?:, [^,()\-–—]{2,40}?){0,3})\s*(?:\(([^()]{2,60})\))?\s*[-–—]{1,2}\s`)

var monthNames = toSet([]string{`january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec`})

// findDateline types the names in the dateline that opens paragraph pi:
// the city and region are places, the credit an organisation.
func (d *doc) findDateline(pi int) {
	p := d.paras[pi]
	loc := datelineRE.FindStringSubmatchIndex(p.text)
	if loc == nil {
		return
	}
	city := p.text[loc[2]:loc[3]]
	if len([]rune(city)) < 3 || (loc[6] < 0 && loc[4] == loc[5]) {
		return // "US - …" is no dateline; a credit or a region makes one
	}
	d.addFixed(pi, loc[2], loc[3], titleWords(city), model.Place)
	if loc[4] < loc[5] {
		off := loc[4]
		for _, part := range strings.Split(p.text[loc[4]:loc[5]], ", ") {
			start := off
			off += len(part) + len(", ")
			if part == "" || startsDate(part) {
				continue
			}
			d.addFixed(pi, start, start+len(part), part, model.Place)
		}
	}
	if loc[6] >= 0 {
		credit := p.text[loc[6]:loc[7]]
		d.addFixed(pi, loc[6], loc[7], credit, model.Organisation)
	}
}

func startsDate(s string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	return monthNames[w] || w != "" && unicode.IsDigit(rune(w[0]))
}

// titleWords writes a name given in capitals in title case ("NEW YORK" →
// "New York").
func titleWords(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}

// addFixed records a name found in a fixed slot: it replaces the mentions
// the recogniser found in bytes [start, end) and is typed typ for good.
func (d *doc) addFixed(pi, start, end int, surface, typ string) {
	p := d.paras[pi]
	tok0, tok1 := -1, -1
	for k, t := range p.toks {
		if t.start >= start && t.end <= end {
			if tok0 < 0 {
				tok0 = k
			}
			tok1 = k + 1
		}
	}
	if tok0 < 0 || strings.TrimSpace(surface) == "" {
		return
	}
	kept := d.mentions[:0]
	for _, m := range d.mentions {
		if m.para != pi || m.tok1 <= tok0 || m.tok0 >= tok1 {
			kept = append(kept, m)
		}
	}
	d.mentions = kept
	// titled keeps a credited person a person whatever the context says.
	d.mentions = append(d.mentions, mention{para: pi, tok0: tok0, tok1: tok1, start: p.toks[tok0].start,
		end: p.toks[tok1-1].end, surface: surface, typ: typ, ent: -1, afterPrep: true, fixed: true, titled: typ == model.Person})
}

// creditRE matches an agency credit line: "(Reporting by …; Editing by …)".
var creditRE = regexp.MustCompile(`^\((?:[A-Z][a-z]+ )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Ee]dited)( [a-z]+)? by [^()]+\)$`)

// creditLine reports a paragraph that is only a credit line.
func creditLine(p *para) bool {
	return strings.HasPrefix(p.text, "(") && creditRE.MatchString(strings.TrimSpace(p.text))
}

// findCredits records the people and places of a credit line: each part
// after "by" lists names, each optionally "in" a place ("Anja Rusk in
// Kastrovo and Odile Fenn in Serenport").
func (d *doc) findCredits(pi int) {
	p := d.paras[pi]
	inner := p.text[1 : len(p.text)-1]
	off := 1
	for _, part := range strings.Split(inner, ";") {
		base := off
		off += len(part) + 1
		_, names, ok := strings.Cut(part, " by ")
		if !ok {
			continue
		}
		at := base + strings.Index(part, " by ") + len(" by ")
		for _, item := range splitList(names) {
			name, place, _ := strings.Cut(item.text, " in ")
			d.addCredit(pi, at+item.off, name, model.Person)
			if place != "" {
				d.addCredit(pi, at+item.off+len(name)+len(" in "), place, model.Place)
			}
		}
	}
}

// addCredit records one name of a credit line at byte start, if it is
// written as a name.
func (d *doc) addCredit(pi, start int, s, typ string) {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	s = strings.TrimSpace(s)
	if s == "" || !unicode.IsUpper([]rune(s)[0]) || len(strings.Fields(s)) > 4 {
		return
	}
	d.addFixed(pi, start+lead, start+lead+len(s), s, typ)
}

type listItem struct {
	text string
	off  int
}

// splitList splits "A, B and C" into its items with their byte offsets.
func splitList(s string) []listItem {
	var out []listItem
	off := 0
	for _, comma := range strings.Split(s, ", ") {
		sub := 0
		for _, item := range strings.Split(comma, " and ") {
			out = append(out, listItem{text: item, off: off + sub})
			sub += len(item) + len(" and ")
		}
		off += len(comma) + len(", ")
	}
	return out
}
