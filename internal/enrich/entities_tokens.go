package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/text"
)

// token is one word of a paragraph.
type token struct {
	start, end int    // byte offsets of the word (without a possessive 's)
	text       string // as written
	lower      string
	sep        string // the text between the previous token and this one
	cap        bool   // starts with an upper-case letter
	shout      bool   // all capitals and longer than five letters: emphasis
	poss       bool   // followed by a possessive 's
	dot        bool   // followed directly by a full stop
	sentStart  bool   // first word of a sentence, a quotation or a headline segment
	sent       int    // index of its sentence in the paragraph
}

// para is one paragraph (or the headline) ready for analysis.
type para struct {
	idx   int // index into Article.Paragraphs(); -1 for the headline
	text  string
	toks  []token
	sents []text.Span
	// heading is true for the headline and for subheadings in the body:
	// title case, so names are matched against the body's, not guessed.
	heading bool
	quotes  []qspan // scanQuotes(text), computed once
	// leadClose closes a quotation left open by the paragraph before
	// (leadingClose), nil when the paragraph has no such mark.
	leadClose *qspan
}

func newPara(idx int, s string) *para {
	s = strings.ReplaceAll(s, "''", "\"") // archives type a double quotation mark as two apostrophes
	p := &para{idx: idx, text: s, sents: text.Sentences(s)}
	p.toks = tokenize(s)
	p.markSentences()
	p.quotes = scanQuotes(s)
	p.leadClose = leadingClose(s, p.quotes)
	p.heading = idx < 0 || isSubheading(p) && !creditLine(p)
	return p
}

// isSubheading reports a short body line in title case with no closing
// punctuation ("Trump Pushes for Negotiations").
func isSubheading(p *para) bool {
	if len(p.toks) == 0 || len(p.toks) > 10 || strings.ContainsAny(p.text, "\"“”") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p.text)
	if strings.ContainsRune(".!?:;,", last) {
		return false
	}
	caps, words := 0, 0
	for _, t := range p.toks {
		if functionWords[t.lower] && !t.sentStart {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 2 && caps*10 >= words*8
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// wordStarts estimates how many words tokenize finds in s, to size its
// slice once: it counts where a run of word bytes begins, taking every
// non-ASCII byte for part of a word. Two in five paragraphs had more
// words than a fixed share of their length allowed for.
func wordStarts(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		w := c >= utf8.RuneSelf || asciiWord[c]
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// tokenize splits s into words. A word keeps inner apostrophes, hyphens and
// the dots of initialisms ("O'Brien", "al-Assad", "U.S."); a trailing 's is
// cut off and noted as possessive.
func tokenize(s string) []token {
	toks := make([]token, 0, wordStarts(s)+1)
	// Lowered once for the paragraph: an ASCII word's lower case is a
	// slice of it, not a copy of its own (capitalised words are many).
	low := lowerASCII(s)
	prevEnd := 0
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		j := wordEnd(s, i)
		t := token{start: i, end: j, sep: s[prevEnd:i]}
		w := s[i:j]
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			w = w[:len(w)-len("s")-len(string(runeBefore(w, len(w)-1)))]
			t.poss = true
			t.end = i + len(w)
		}
		if strings.Contains(w, ".") && j < len(s) && s[j] == '.' {
			j++
			w = s[i:j]
			t.end = j
		}
		t.text = w
		if isASCII(w) {
			t.lower = low[i:t.end]
		} else {
			t.lower = strings.ToLower(w)
		}
		t.dot = t.end < len(s) && s[t.end] == '.'
		first, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(first)
		t.shout = t.cap && utf8.RuneCountInString(w) > 5 && allUpper(w)
		toks = append(toks, t)
		prevEnd = j
		i = j
	}
	return toks
}

// allUpper reports whether w is its own upper case, as strings.ToUpper(w)
// == w would, without making the copy.
func allUpper(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError && !strings.HasPrefix(w[i:], "\uFFFD") {
			return false // ToUpper would write a bad byte as U+FFFD
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// wordEnd returns the end of the word starting at i.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := runeAt(s, j)
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' {
			r2, _ := runeAt(s, j+n)
			if isWordRune(r2) && (r != '.' || initialDot(s, i, j)) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

// initialDot reports whether the dot at j follows a one-letter segment, as
// in "U.S" or "a.m", so it belongs to the word.
func initialDot(s string, start, j int) bool {
	k := j
	for k > start {
		r := runeBefore(s, k)
		if r == '.' {
			break
		}
		k -= utf8.RuneLen(r)
	}
	return utf8.RuneCountInString(s[k:j]) == 1
}

// markSentences sets sent and sentStart on every token.
func (p *para) markSentences() {
	si := 0
	for k := range p.toks {
		t := &p.toks[k]
		for si < len(p.sents)-1 && t.start >= p.sents[si+1].Start {
			si++
		}
		t.sent = si
		if k == 0 || p.toks[k-1].sent != si || opensClause(t.sep) {
			t.sentStart = true
		}
	}
}

// opensClause reports whether the separator before a word starts a new
// capitalised segment: an opening quotation mark, a colon or a dash.
func opensClause(sep string) bool {
	s := strings.TrimRight(sep, " \t\n\u00a0")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '"', '“', '‘', '\'', ':', '—', '–', '(', '[', '«':
		return true
	}
	return false
}
