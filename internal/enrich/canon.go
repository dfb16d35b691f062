package enrich

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key is the canonical cross-article key for a name: lower case, diacritics
// removed ("Erdoğan" → "erdogan"), dots and apostrophes dropped ("U.S." →
// "us"), common transliteration variants folded (word endings -iy, -yy, -ii
// → -y; doubled letters single), and known exonym pairs and country aliases
// mapped to one form ("Kiev" → "kyiv", "Turkey" → "turkiye", "U.S." →
// "united states"). It folds the whole name; an Entity's Key for a person is
// Key of the family name alone, so "Volodymyr Zelenskiy" and "Zelensky"
// share "zelensky".
func Key(name string) string {
	f := foldName(name)
	if to, ok := exonyms[f]; ok {
		f = to
	} else if to, ok := exonyms[strings.TrimPrefix(f, "the ")]; ok {
		f = to
	}
	// f's words are single-spaced; most fold to themselves, and then f is
	// the key as it is, with no copy.
	var b []byte
	for i := 0; i < len(f); {
		j := strings.IndexByte(f[i:], ' ')
		if j < 0 {
			j = len(f)
		} else {
			j += i
		}
		w := f[i:j]
		fw := foldWord(w)
		if b == nil && fw != w {
			b = append(make([]byte, 0, len(f)), f[:i]...)
		}
		if b != nil {
			b = append(b, fw...)
			if j < len(f) {
				b = append(b, ' ')
			}
		}
		i = j + 1
	}
	if b == nil {
		return f
	}
	return string(b)
}

// foldName lower-cases, strips diacritics and punctuation that spellings
// disagree on, and collapses spaces; hyphens become spaces.
func foldName(s string) string {
	if isASCII(s) { // most names are
		return foldASCIIName(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true
	s = norm.NFD.String(s)
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(foldRune(unicode.ToLower(r)))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// foldASCIIName is foldName for ASCII s, a byte at a time: it returns s
// itself when s is folded already (a lower-case word or name).
func foldASCIIName(s string) string {
	var stack [64]byte
	var b []byte
	copying := false // while false, s[:i] is its own folding
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		out, keep := c, true
		switch {
		case 'A' <= c && c <= 'Z':
			out = c + 'a' - 'A'
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == '.' || c == '\'' || c == '`':
			keep = false
		default:
			out, keep = ' ', !space
		}
		if keep {
			space = out == ' '
		}
		if !copying && (!keep || out != c) {
			copying = true
			if len(s) <= len(stack) {
				b = stack[:0]
			} else {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[:i]...)
		}
		if copying && keep {
			b = append(b, out)
		}
	}
	if !copying {
		return strings.TrimSpace(s)
	}
	return string(bytes.TrimSpace(b))
}

// foldRune maps letters that do not decompose into a base letter and a mark.
func foldRune(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'đ', 'ð':
		return "d"
	case 'ı':
		return "i"
	case 'þ':
		return "th"
	}
	return string(r)
}

// foldWord folds transliteration variants of one word: Ukrainian and
// Russian names end in -iy, -yy, -ii, -yj or -yi in different
// romanisations, Polish and Spanish write -ski for -sky, doubled letters
// come and go (Zelenskyy, Odessa), and German writes a Slavic name's
// sounds its own way (Selenskyj, Schewtschenko, Janukowytsch; see
// foldGermanSlavic).
func foldWord(w string) string {
	if n := len(w); n > 4 && (w[n-1] == 'y' || w[n-1] == 'i' || w[n-1] == 'j') {
		for _, end := range []string{"iy", "yy", "ii", "ij", "yi", "yj"} {
			if strings.HasSuffix(w, end) {
				w = w[:len(w)-2] + "y"
				break
			}
		}
	}
	if len(w) > 5 && strings.HasSuffix(w, "ski") {
		w = w[:len(w)-1] + "y"
	}
	if slavicName(w) {
		w = foldGermanSlavic(w)
	}
	if !doubledLetter(w) { // the common case: nothing to drop, no copy
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	var prev rune
	for _, r := range w {
		if r == prev && unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// doubledLetter reports a letter written twice in a row in w.
func doubledLetter(w string) bool {
	if isASCII(w) {
		for i := 1; i < len(w); i++ {
			if w[i] == w[i-1] && asciiWord[w[i]] && !('0' <= w[i] && w[i] <= '9') {
				return true
			}
		}
		return false
	}
	var prev rune
	for _, r := range w {
		if r == prev && unicode.IsLetter(r) {
			return true
		}
		prev = r
	}
	return false
}

// isASCII reports a string of ASCII bytes only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// slavicEndings end Slavic family names in any romanisation.
var slavicEndings = []string{"sky", "cky", "zky", "enko", "chuk", "czuk", "ov", "ova", "ev", "eva", "ych", "itsch", "ytsch", "owitsch"}

// slavicLast marks the last letters of slavicEndings.
var slavicLast = func() (t [256]bool) {
	for _, end := range slavicEndings {
		t[end[len(end)-1]] = true
	}
	return t
}()

// slavicName reports a word with a Slavic family name's ending.
func slavicName(w string) bool {
	if len(w) < 5 || !slavicLast[w[len(w)-1]] {
		return false
	}
	for _, end := range slavicEndings {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

var germanSlavic = strings.NewReplacer("tsch", "ch", "sch", "sh", "w", "v", "j", "y")

// foldGermanSlavic rewrites the German romanisation of a Slavic name in
// the English one: "tsch" → "ch", "sch" → "sh", "w" → "v", "j" → "y", and
// an initial "s" before a vowel, German's voiced s, → "z" (Selenskyj →
// zelensky, Schewtschenko → shevchenko, Janukowytsch → yanukovych).
func foldGermanSlavic(w string) string {
	w = germanSlavic.Replace(w)
	if len(w) > 1 && w[0] == 's' && strings.ContainsRune("aeiouy", rune(w[1])) {
		w = "z" + w[1:]
	}
	return w
}
