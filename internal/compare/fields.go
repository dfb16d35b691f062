package compare

import (
	"unicode"
	"unicode/utf8"
)

// wordRunes is a class of runes that make words, for splitting a
// sentence the way strings.FieldsFunc does with its complement, but with
// ASCII answered from a table: the brief splits each candidate sentence
// many times, and FieldsFunc's call per rune was a tenth of building a
// report.
type wordRunes struct {
	ascii [utf8.RuneSelf]bool
	in    func(rune) bool
}

func newWordRunes(in func(rune) bool) *wordRunes {
	c := &wordRunes{in: in}
	for r := range c.ascii {
		c.ascii[r] = in(rune(r))
	}
	return c
}

func (c *wordRunes) at(s string, i int) (bool, int) {
	if s[i] < utf8.RuneSelf {
		return c.ascii[s[i]], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return c.in(r), n
}

// fields is strings.FieldsFunc(s, func(r rune) bool { return !c.in(r) }).
func (c *wordRunes) fields(s string) []string {
	n := 0
	for i, was := 0, false; i < len(s); {
		is, w := c.at(s, i)
		if is && !was {
			n++
		}
		was = is
		i += w
	}
	out := make([]string, 0, n) // never nil, as FieldsFunc's

	start := -1
	for i := 0; i < len(s); {
		is, w := c.at(s, i)
		switch {
		case is && start < 0:
			start = i
		case !is && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += w
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

var (
	// rawWordRunes make the words of rawWords: letters, digits, '_' and
	// combining marks.
	rawWordRunes = newWordRunes(func(r rune) bool { return isWordChar(r) || unicode.Is(unicode.Mn, r) })
	// lexWordRunes make the words of lexWords and ownWords, which keep
	// hyphens and apostrophes inside.
	lexWordRunes = newWordRunes(func(r rune) bool { return r == '-' || r == '\'' || r == '’' || isWordChar(r) })
)
