// Package text holds the small text utilities every stage shares: words,
// shingles and normalisation.
package text

import (
	"strings"
	"unicode"
)

// Words splits s into words: maximal runs of Unicode letters, digits and
// underscores (the extraction benchmark's definition), lower-cased.
func Words(s string) []string {
	out := make([]string, 0, len(s)/6+1) // about a word in six bytes of prose: grown by appending, it was a third of the cost
	start := -1
	for i, r := range s {
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// IsWordRune reports a rune that Words counts as part of a word.
func IsWordRune(r rune) bool {
	if r < 0x80 { // the common case, without the Unicode tables
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.N, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Shingles counts the n-word shingles of s. A text shorter than n words
// yields one shingle of all its words, so short texts still count.
func Shingles(s string, n int) map[string]int {
	w := Words(s)
	out := make(map[string]int)
	if len(w) == 0 {
		return out
	}
	if len(w) < n {
		out[strings.Join(w, " ")]++
		return out
	}
	for i := 0; i+n <= len(w); i++ {
		out[strings.Join(w[i:i+n], " ")]++
	}
	return out
}
