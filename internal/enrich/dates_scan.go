package enrich

import (
	"unicode"
	"unicode/utf8"

	"parallax/internal/text"
)

// The date and figure scanners share one tokenizer: a paragraph becomes
// words, numbers and single punctuation marks with their byte offsets, so a
// match can report the text exactly as written.

type scanKind uint8

const (
	scanWord  scanKind = iota + 1 // letters, with inner apostrophes ("Thursday's", "won't")
	scanNum                       // digits, with inner ',' or '.' before a digit ("1,200.5")
	scanPunct                     // one other rune
)

// scanTok is one token of a paragraph.
type scanTok struct {
	start, end int
	kind       scanKind
	space      bool   // white space (or the paragraph start) comes before it
	low        string // lower-case text for words; the text itself otherwise
}

// scanTokens splits p into tokens, appending to buf (reused across calls).
func scanTokens(p string, buf []scanTok) []scanTok {
	toks := buf[:0]
	low := lowerASCII(p) // once per paragraph: ASCII lowering keeps byte offsets
	space := true
	for i := 0; i < len(p); {
		r, n := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(p[i:])
		}
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			end := scanNumberEnd(p, i)
			toks = append(toks, scanTok{start: i, end: end, kind: scanNum, space: space, low: p[i:end]})
			i = end
		case unicode.IsLetter(r):
			end := scanWordEnd(p, i)
			toks = append(toks, scanTok{start: i, end: end, kind: scanWord, space: space, low: low[i:end]})
			i = end
		default:
			toks = append(toks, scanTok{start: i, end: i + n, kind: scanPunct, space: space, low: p[i : i+n]})
			i += n
		}
		space = false
	}
	return toks
}

// scanNumberEnd returns the end of the digit run at i, taking in ',' and '.'
// that sit between digits.
func scanNumberEnd(p string, i int) int {
	for i < len(p) {
		c := p[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.') && i+1 < len(p) && p[i+1] >= '0' && p[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

// scanWordEnd returns the end of the word at i: letters and marks, with an
// apostrophe kept when a letter follows it.
func scanWordEnd(p string, i int) int {
	for i < len(p) {
		if c := p[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			i++ // ASCII fast path
			continue
		}
		r, n := utf8.DecodeRuneInString(p[i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			i += n
			continue
		}
		if r == '\'' || r == '’' {
			if r2, _ := utf8.DecodeRuneInString(p[i+n:]); i+n < len(p) && unicode.IsLetter(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// lowerASCII lower-cases s, allocating only when s has an upper-case ASCII
// letter; other runes are kept as they are.
func lowerASCII(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			upper = true
			break
		}
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// dropPossessive drops a possessive "'s" ("thursday's" → "thursday").
func dropPossessive(low string) string {
	if n := len(low); n > 2 && low[n-1] == 's' && low[n-2] == '\'' {
		return low[:n-2]
	}
	if n := len(low); n > 4 && low[n-1] == 's' && low[n-4:n-1] == "’" {
		return low[:n-4]
	}
	return low
}

// isUpperStart reports whether the token begins with an upper-case letter.
func (t scanTok) isUpperStart(p string) bool {
	r, _ := utf8.DecodeRuneInString(p[t.start:])
	return unicode.IsUpper(r)
}

// numValue reads a token of plain digits (no separators); ok is false for
// anything else or more than 9 digits.
func numValue(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// tokenBuffer sizes a token buffer for the longest of the texts: about one
// token per five bytes, so a paragraph rarely has to grow it.
// scanParagraphs scans the headline (index -1, when there is one) and each
// paragraph once, for the date and figure finders to share.
func scanParagraphs(title string, paras []string, fn func(p string, idx int, toks []scanTok, spans *sentenceCache)) {
	longest := len(title)
	for _, p := range paras {
		longest = max(longest, len(p))
	}
	toks := make([]scanTok, 0, longest/5+8)
	var spans sentenceCache
	if title != "" {
		toks = scanTokens(title, toks)
		spans.reset()
		fn(title, -1, toks, &spans)
	}
	for i, p := range paras {
		toks = scanTokens(p, toks)
		spans.reset()
		fn(p, i, toks, &spans)
	}
}

// sentenceCache holds one paragraph's sentences once asked for: the date
// and the figure finders both want them for some paragraphs.
type sentenceCache struct {
	spans []text.Span
	done  bool
}

func (c *sentenceCache) reset() { *c = sentenceCache{} }

func (c *sentenceCache) of(p string) []text.Span {
	if !c.done {
		c.spans, c.done = text.Sentences(p), true
	}
	return c.spans
}
