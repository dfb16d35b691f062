package enrich

import (
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
	words := strings.Fields(f)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return strings.Join(words, " ")
}

// foldName lower-cases, strips diacritics and punctuation that spellings
// disagree on, and collapses spaces; hyphens become spaces.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	if !isASCII(s) { // NFD leaves ASCII as it is; most names are ASCII
		s = norm.NFD.String(s)
	}
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
	if len(w) > 4 {
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

// slavicName reports a word with a Slavic family name's ending.
func slavicName(w string) bool {
	for _, end := range slavicEndings {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// foldGermanSlavic rewrites the German romanisation of a Slavic name in
// the English one: "tsch" → "ch", "sch" → "sh", "w" → "v", "j" → "y", and
// an initial "s" before a vowel, German's voiced s, → "z" (Selenskyj →
// zelensky, Schewtschenko → shevchenko, Janukowytsch → yanukovych).
func foldGermanSlavic(w string) string {
	w = strings.NewReplacer("tsch", "ch", "sch", "sh", "w", "v", "j", "y").Replace(w)
	if len(w) > 1 && w[0] == 's' && strings.ContainsRune("aeiouy", rune(w[1])) {
		w = "z" + w[1:]
	}
	return w
}
