package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EntityFunc finds the named people, places and organisations of an
// article. It returns one normalised name (lower case, words joined by one
// space) per mention, so repetition can weigh. The clusterer calls it once
// per article; Config.Entities lets a real recogniser replace the heuristic.
type EntityFunc func(title, body string) []string

// HeuristicEntities is the default EntityFunc, for want of a real
// recogniser: runs of capitalised words that are not merely the first word of
// a sentence, split at titles and function words ("President Donald Trump
// said" gives "donald trump"). A sentence-initial word counts only when the
// text also capitalises it mid-sentence, which separates "Putin said" from
// "Despite the talks". Words in capitals longer than five letters are
// emphasis or datelines ("IMMEDIATELY", "WASHINGTON —"), not acronyms. The
// headline, being title case, contributes only words the body capitalises.
func HeuristicEntities(title, body string) []string {
	return tokenEntities(capTokens(title), capTokens(body))
}

// tokenEntities is HeuristicEntities on tokenised text, so the clusterer
// can tokenise once for terms, shingles and names.
func tokenEntities(title, body []capToken) []string {
	mid := make(map[string]struct{})
	for _, t := range body {
		if t.cap && !t.start {
			mid[t.lower] = struct{}{}
		}
	}
	var out []string
	if len(title) > 0 {
		out = capSequences(title, mid, mid)
	}
	return append(out, capSequences(body, mid, nil)...)
}

// capToken is one word with what the entity heuristic needs to know.
type capToken struct {
	lower string
	cap   bool // starts with an upper-case letter (and is not shouting)
	caps  bool // all capitals, two letters or more: an acronym ("US", not "us")
	start bool // first word of a sentence
	join  bool // only spaces separate it from the previous word
}

// capTokens splits s into words, noting capitals and sentence starts.
func capTokens(s string) []capToken {
	toks := make([]capToken, 0, len(s)/5)
	start, join := true, false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isAlnum(r) {
			start, join = afterPunct(s, i, r, toks, start, join)
			i += n
			continue
		}
		j := wordEnd(s, i)
		w := trimPossessive(s[i:j])
		toks = append(toks, capToken{lower: strings.ToLower(w), cap: isCapWord(w), caps: isAcronym(w), start: start, join: join})
		start, join = false, true
		i = j
	}
	return toks
}

// afterPunct updates the sentence-start and join state for a separator rune.
func afterPunct(s string, i int, r rune, toks []capToken, start, join bool) (bool, bool) {
	switch r {
	case ' ', '\t', '\u00a0':
		return start, join
	case '.':
		if len(toks) > 0 && isAbbrev(toks[len(toks)-1].lower) {
			return start, join // "Mr. Steele", "U.S. Senate": not an end
		}
		return true, false
	case '!', '?', '\n', ':', '•', '—', '|':
		return true, false
	}
	return start, false
}

// wordEnd returns the end of the word starting at i: letters and digits,
// with inner apostrophes and hyphens ("O'Brien", "Wal-Mart").
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && (isASCIILetter(c) || isASCIIDigit(c)) {
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if isAlnum(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' {
			if k := j + n; k < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsLetter(r2) {
					j = k
					continue
				}
			}
		}
		break
	}
	return j
}

// isAlnum is unicode.IsLetter || unicode.IsDigit with an ASCII fast path.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || isASCIIDigit(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// trimPossessive drops a possessive "'s" so "Obama's" is "Obama".
func trimPossessive(w string) string {
	if len(w) < 3 || (w[len(w)-1] != 's' && w[len(w)-1] != 'S') {
		return w
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// isCapWord says whether w starts with a capital and is not shouting.
func isCapWord(w string) bool {
	if c := w[0]; c < utf8.RuneSelf && !('A' <= c && c <= 'Z') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters <= 5 || upper < letters
}

// isAcronym says whether w is two or more capitals and nothing else.
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

var abbrevs = makeSet(`mr mrs ms dr st jr sr sen rep gov gen col lt sgt capt adm rev prof inc corp co ltd vs no
jan feb mar apr aug sep sept oct nov dec ft mt a b c d e f g h i j k l m n o p q r s t u v w x y z`)

func isAbbrev(w string) bool {
	_, ok := abbrevs[w]
	return ok
}

// connectors may sit inside a name between capitalised words
// ("Department of Justice", "Charles de Gaulle").
var connectors = makeSet(`of de del della da di du la le van von der den al bin ibn and`)

// capSequences groups capitalised words into names. mid holds the words the
// body capitalises mid-sentence; when only is non-nil a word must also be in
// it (used for the title-case headline).
func capSequences(toks []capToken, mid, only map[string]struct{}) []string {
	var out, cur []string
	flush := func() {
		for len(cur) > 0 {
			if _, ok := connectors[cur[len(cur)-1]]; !ok {
				break
			}
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
		cur = cur[:0]
	}
	for i, t := range toks {
		if !t.join {
			flush()
		}
		if !nameWord(t, mid, only) {
			if _, ok := connectors[t.lower]; ok && len(cur) > 0 && i+1 < len(toks) && toks[i+1].cap && toks[i+1].join {
				cur = append(cur, t.lower)
				continue
			}
			flush()
			continue
		}
		cur = append(cur, t.lower)
	}
	flush()
	return out
}

// nameWord says whether a token may be part of a name.
func nameWord(t capToken, mid, only map[string]struct{}) bool {
	if !t.cap || !t.caps && isEntityStopword(t.lower) || isAllDigits(t.lower) {
		return false
	}
	if t.start {
		if _, ok := mid[t.lower]; !ok {
			return false
		}
	}
	if only != nil {
		if _, ok := only[t.lower]; !ok {
			return false
		}
	}
	return true
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
