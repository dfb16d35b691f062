package enrich

import (
	"strings"
	"unicode"
)

// qspan is one quotation inside a paragraph: p[open:close] includes the
// marks, p[tstart:tend] is the text between them.
type qspan struct {
	open, tstart, tend, close int
	closed                    bool // false when the paragraph ends inside the quotation
	single                    bool // single quotation marks
}

func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '″':
		return true
	}
	return false
}

func isSingleMark(r rune) bool { return r == '\'' || r == '‘' || r == '’' || r == '‚' }

// scanQuotes finds the quotations of a paragraph. Curly marks say which
// way they face; a straight mark opens after a space or the paragraph start
// and closes before a space, punctuation or the end. An opening mark met
// inside a quotation closes it (careless typing leaves "…wrong. "Then).
// Single marks are quotations only at the top level; inside double marks
// they are part of the text, and apostrophes (don't, Putin's, '90s) never
// count.
func scanQuotes(p string) []qspan {
	var out []qspan
	var cur *qspan
	for i := 0; i < len(p); {
		r, n := runeAt(p, i)
		switch {
		case isDoubleMark(r) && (cur == nil || !cur.single):
			if cur == nil {
				if r != '”' && r != '»' && opensAt(p, i, n) {
					cur = &qspan{open: i, tstart: i + n}
				}
			} else if r == '“' || r == '«' || (r == '"' && opensAt(p, i, n) && !closesAt(p, i, n)) {
				cur.tend, cur.close, cur.closed = i, i, true
				out = append(out, *cur)
				cur = nil
			} else {
				cur.tend, cur.close, cur.closed = i, i+n, true
				out = append(out, *cur)
				cur = nil
			}
		case isSingleMark(r) && cur == nil:
			if (r == '\'' || r == '‘') && opensAt(p, i, n) && !elision(p[i+n:]) {
				cur = &qspan{open: i, tstart: i + n, single: true}
			}
		case isSingleMark(r) && cur.single:
			if r != '‘' && closesAt(p, i, n) {
				cur.tend, cur.close, cur.closed = i, i+n, true
				out = append(out, *cur)
				cur = nil
			}
		}
		i += n
	}
	if cur != nil && !cur.single {
		cur.tend, cur.close = len(p), len(p)
		out = append(out, *cur)
	}
	return out
}

// leadingClose finds a closing double mark before the paragraph's first
// quotation, which closes a quotation the paragraph never opened; nil when
// there is none.
func leadingClose(p string, spans []qspan) *qspan {
	end := len(p)
	if len(spans) > 0 {
		end = spans[0].open
	}
	for i := 0; i < end; {
		r, n := runeAt(p, i)
		if r == '”' || r == '"' && closesAt(p, i, n) && !opensAt(p, i, n) {
			return &qspan{open: 0, tstart: 0, tend: i, close: i + n, closed: true}
		}
		i += n
	}
	return nil
}

// opensAt reports whether the mark at i is placed to open: after the start,
// a space, a bracket, a dash or a colon, and before a non-space.
func opensAt(p string, i, n int) bool {
	if i+n >= len(p) {
		return false
	}
	next, _ := runeAt(p, i+n)
	if unicode.IsSpace(next) {
		return false
	}
	if i == 0 {
		return true
	}
	prev := runeBefore(p, i)
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:/…", prev) || isDoubleMark(prev) || isSingleMark(prev)
}

// closesAt reports whether the mark at i is placed to close: after a
// non-space and before the end, a space or punctuation.
func closesAt(p string, i, n int) bool {
	if i == 0 || unicode.IsSpace(runeBefore(p, i)) {
		return false
	}
	if i+n >= len(p) {
		return true
	}
	next, _ := runeAt(p, i+n)
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

// elision reports text after an apostrophe that starts a shortened word
// ('90s, 'em, 'til), not a quotation.
func elision(rest string) bool {
	if len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9' && rest[1] >= '0' && rest[1] <= '9' {
		return true
	}
	l := strings.ToLower(rest)
	for _, w := range []string{"em ", "til ", "cause ", "n ", "tis ", "twas ", "s "} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}
