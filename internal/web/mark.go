package web

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
	"parallax/internal/store"
)

// segment is a run of text with the marks it carries; templates escape
// Text, and Class comes from a fixed set chosen here.
type segment struct {
	Text  string
	Class string
	Title string
	Href  string // a name's entity page, when known
}

// span marks bytes [start, end) of a paragraph.
type span struct {
	start, end int
	class      string
	title      string
	href       string
}

// markParagraph cuts paragraph i of an article into runs marked as quotes
// (class "q") and names (class "e-person", "e-place", "e-org").
func markParagraph(p string, i int, e *model.Enrichment) []segment {
	return markLinked(p, i, e, nil)
}

// markLinked is markParagraph with each name linked to the page links
// gives its entity (keyed by store.TypeKey).
func markLinked(p string, i int, e *model.Enrichment, links map[string]string) []segment {
	if e == nil {
		return []segment{{Text: p}}
	}
	var spans []span
	for _, q := range e.Quotes {
		if q.Paragraph != i || strings.TrimSpace(q.Text) == "" {
			continue
		}
		if at := strings.Index(p, q.Text); at >= 0 {
			title := "quote"
			if q.Speaker != "" {
				title = strings.TrimSpace(q.Speaker + " " + q.Verb)
			}
			spans = append(spans, span{at, at + len(q.Text), "q", title, ""})
		}
	}
	spans = append(spans, nameSpans(p, e.Entities, links)...)
	return segments(p, spans)
}

// nameSpans finds every entity's name and aliases as whole words, longest
// forms first so "Mara Voss" wins over "Voss".
func nameSpans(p string, ents []model.Entity, links map[string]string) []span {
	type form struct{ text, class, title, href string }
	var forms []form
	for _, ent := range ents {
		class := entityClass(ent.Type)
		href := links[store.TypeKey(ent.Type, ent.Key)]
		for _, f := range append([]string{ent.Name}, ent.Aliases...) {
			if len([]rune(f)) < 2 {
				continue
			}
			forms = append(forms, form{f, class, ent.Name, href})
			if up := upperFirst(f); up != f {
				forms = append(forms, form{up, class, ent.Name, href})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	var out []span
	for _, f := range forms {
		for from := 0; from < len(p); {
			at := strings.Index(p[from:], f.text)
			if at < 0 {
				break
			}
			s := span{from + at, from + at + len(f.text), f.class, f.title, f.href}
			from = s.end
			if wordBounded(p, s.start, s.end) && !overlaps(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

func entityClass(t string) string {
	switch t {
	case model.Person:
		return "e-person"
	case model.Place:
		return "e-place"
	case model.Organisation:
		return "e-org"
	}
	return "e-other"
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func wordBounded(p string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(p[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(p) {
		r, _ := utf8.DecodeRuneInString(p[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func overlaps(spans []span, s span) bool {
	for _, o := range spans {
		if s.start < o.end && o.start < s.end {
			return true
		}
	}
	return false
}

// segments cuts p at every span boundary; each run carries the classes of
// the spans covering it, so a name inside a quote is marked as both.
func segments(p string, spans []span) []segment {
	if len(spans) == 0 {
		return []segment{{Text: p}}
	}
	cuts := []int{0, len(p)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	var out []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		var classes, titles []string
		href := ""
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				classes = append(classes, s.class)
				titles = append(titles, s.title)
				href = max(href, s.href)
			}
		}
		out = append(out, segment{Text: p[a:b], Class: strings.Join(classes, " "), Title: strings.Join(titles, " · "), Href: href})
	}
	return out
}

// highlight marks the words of a query in s (class "hit"), matching case
// and accents loosely through lower-casing.
func highlight(s string, words []string) []segment {
	lower := strings.ToLower(s)
	if len(lower) != len(s) { // lower-casing moved bytes: do not risk cutting runes
		return []segment{{Text: s}}
	}
	var spans []span
	for _, w := range words {
		for from := 0; from < len(lower); {
			at := strings.Index(lower[from:], w)
			if at < 0 {
				break
			}
			sp := span{from + at, from + at + len(w), "hit", "", ""}
			from = sp.end
			if !overlaps(spans, sp) {
				spans = append(spans, sp)
			}
		}
	}
	return segments(s, spans)
}
