package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/text"
)

// dumpLine is one line of a text dump with the measurements the boilerplate
// remover decides on. Lines are 1-based, as an editor shows them.
type dumpLine struct {
	n      int    // 1-based line number
	text   string // trimmed, list marker removed, inner spaces collapsed
	key    string // lower-cased words joined by one space: compares lines
	indent int    // leading spaces of the raw line
	bullet bool   // the raw line began with a list marker

	words    int  // length in words; runs of Han or Kana count one word per two runes
	letters  int  // letter runes
	terminal bool // ends like a sentence: . ! ? … 。 or a closing quote after one
	table    bool // columns separated by runs of spaces, as w3m renders tables
	buttons  bool // a bar of button labels apart by runs of spaces: "Share   Email   Copy link"
	form     bool // held a form control: a text field, a checkbox, a button
	stand    bool // held nothing but a renderer's stand-ins ("IFRAME: ...", "(BUTTON)")
	date     foundDate
	dated    bool // a line of at most dateWords words mentions a calendar date: date is the first
	by       bool // byRe matches: the line opens like a byline
	cues     cueKind
	appeals  int // distinct appeal phrases in the line
	shape    lineShape
	repeats  int  // how many lines of the page share key
	twin     bool // the next or previous non-empty line is the same text
}

// dateWords is the longest line whose date the rules read: datelines,
// bylines and captions are short, and reading dates in every paragraph of
// a megabyte dump would cost more than all the rest.
const dateWords = 70

// listMarkers are the glyphs w3m and similar dumpers put before list items.
const listMarkers = "•□☆○◦▪▫■●·*-–+►▶"

// parseLines splits a dump into measured lines, joining the lines of a
// paragraph a dumper wrapped and dropping none, so that every line keeps
// the number of its first physical line.
func parseLines(s string) []dumpLine {
	raw := unwrap(strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n"))
	lines := make([]dumpLine, len(raw))
	counts := make(map[string]int)
	for i, r := range raw {
		lines[i] = measureLine(r.n, r.text)
		if k := lines[i].key; k != "" {
			counts[k]++
		}
	}
	last := -1
	for i := range lines {
		lines[i].repeats = counts[lines[i].key]
		if lines[i].empty() {
			continue
		}
		// A line shown twice in a row is a caption printed as image alt
		// text and again as a caption, or a headline and its repeat.
		if last >= 0 && lines[last].key == lines[i].key && lines[i].words >= 3 {
			lines[last].twin, lines[i].twin = true, true
		}
		last = i
	}
	return lines
}

func measureLine(n int, raw string) dumpLine {
	raw = strings.ToValidUTF8(raw, "\uFFFD")
	l := dumpLine{n: n, indent: leadingSpaces(raw)}
	t := strings.TrimSpace(raw)
	t, l.bullet = stripMarker(t)
	// lynx marks third-level list items with "o", set deeper than its
	// paragraphs (three columns): one of those opening with the word "o"
	// stays text.
	if !l.bullet && l.indent >= 6 && strings.HasPrefix(t, "o ") {
		t, l.bullet = strings.TrimSpace(t[2:]), true
	}
	t, l.form, l.stand = dropStandIns(t)
	l.text = collapseSpaces(t)
	sc := scanLine(l.text)
	l.key, l.words, l.letters, l.shape = sc.key, sc.words, sc.letters, sc.shape
	l.by = matchesBy(l.text, l.key)
	l.cues, l.appeals = lineCues(l.key)
	l.terminal = endsSentence(l.text)
	if l.words <= dateWords {
		l.date, l.dated = findDate(l.text)
	}
	l.table = columnGaps(t) >= 2
	l.buttons = isButtonBar(t)
	return l
}

func leadingSpaces(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// stripMarker removes list markers ("•", "□", "1.", "-") from the start of
// a trimmed line, reporting whether there was one. w3m nests them, as in
// "• • LIVE" or "•   -   Item".
func stripMarker(t string) (string, bool) {
	found := false
	for {
		r, size := utf8.DecodeRuneInString(t)
		if size == 0 || !strings.ContainsRune(listMarkers, r) {
			break
		}
		rest := t[size:]
		if rest != "" && !startsWithSpace(rest) {
			break // "-5%" or "*Note" is text, not a marker
		}
		t, found = strings.TrimSpace(rest), true
	}
	if n := orderedMarker(t); n > 0 && len(t) > n && startsWithSpace(t[n:]) {
		t, found = strings.TrimSpace(t[n:]), true
	}
	return t, found
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// orderedMarker returns the length of an ordered-list marker such as "12."
// at the start of t, or 0.
func orderedMarker(t string) int {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || t[i] != '.' {
		return 0
	}
	return i + 1
}

// lineScan is what one pass over a line's text reads.
type lineScan struct {
	key     string // its words, lower-cased, joined by single spaces
	words   int    // a run of Han or Kana (written without spaces) counts one word per two runes
	letters int
	shape   lineShape
}

// lineShape is the casing and digits of a line, as the features read
// them.
type lineShape struct {
	allCaps   float64 // 1 for a line in capitals, two words or more
	titleCase float64 // share of its words that start with a capital letter
	digits    float64 // share of its non-space characters that are digits
}

// scanLine reads s in one pass. Key words are text.Words's (runs of
// letters, digits, marks and underscores); the shape's words are runs
// between spaces, and Japanese and Chinese lines measure like spaced
// languages.
func scanLine(s string) lineScan {
	var b strings.Builder
	b.Grow(len(s))
	var sc lineScan
	var cnt shapeCounts
	inWord, cjk := false, 0
	for _, r := range s {
		letter := cnt.add(r)
		ascii := r < utf8.RuneSelf
		if ascii && !isWordByte(byte(r)) || !ascii && !text.IsWordRune(r) {
			if inWord {
				sc.words += max(1, cjk/2)
			}
			inWord, cjk = false, 0
			continue
		}
		if !inWord && b.Len() > 0 {
			b.WriteByte(' ')
		}
		inWord = true
		if letter {
			sc.letters++
		}
		if ascii {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			cjk++
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if inWord {
		sc.words += max(1, cjk/2)
	}
	sc.key, sc.shape = b.String(), cnt.shape()
	return sc
}

// shapeCounts counts, rune by rune, what lineShape is made of.
type shapeCounts struct {
	upper, lower, words, capped, nonSpace, digit int
	afterText                                    bool // the previous rune was not a space
}

// add counts r and reports whether it is a letter.
func (c *shapeCounts) add(r rune) (letter bool) {
	space, up, low, dig := runeClass(r)
	switch {
	case space:
	case up:
		c.upper++
		if !c.afterText {
			c.capped++
		}
	case low:
		c.lower++
	case dig:
		c.digit++
	}
	letter = up || low || r >= utf8.RuneSelf && unicode.IsLetter(r)
	if letter && !c.afterText {
		c.words++
	}
	if !space {
		c.nonSpace++
	}
	c.afterText = !space
	return letter
}

func (c *shapeCounts) shape() lineShape {
	var sh lineShape
	if c.nonSpace > 0 {
		sh.digits = float64(c.digit) / float64(c.nonSpace)
	}
	if c.words > 0 {
		sh.allCaps = b2f(c.words >= 2 && c.upper > 3*c.lower)
		sh.titleCase = float64(c.capped) / float64(c.words)
	}
	return sh
}

// runeClass says whether r is a space, an upper-case or lower-case letter
// or a digit, without a table lookup for ASCII.
func runeClass(r rune) (space, upper, lower, digit bool) {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r', 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z', '0' <= r && r <= '9'
	}
	return unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsDigit(r)
}

// collapseSpaces trims s and joins its words with single spaces, returning
// s itself when it already is so (most lines are).
func collapseSpaces(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace, i = false, i+n-1
			continue
		}
		if c != ' ' && (c < '\t' || c > '\r') {
			prevSpace = false
			continue
		}
		if c != ' ' || prevSpace {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = true
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// endsSentence reports whether t ends like prose: terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, "\"'”’»)]*")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…。！？:;", r)
}

// hasLetters reports whether the line says anything.
func (l dumpLine) hasLetters() bool { return l.letters > 0 }

// empty reports a blank or letterless line.
func (l dumpLine) empty() bool { return l.text == "" }

// prose reports a sentence-like line long enough to be article text.
func (l dumpLine) prose() bool {
	if l.words >= 14 && !endsTeaser(l.text) {
		return true
	}
	return l.words >= 6 && l.terminal && !strings.HasSuffix(l.text, ":") && !endsTeaser(l.text)
}

// endsTeaser reports a line cut short with an ellipsis, the mark of a
// teaser snippet pointing at another story.
func endsTeaser(t string) bool {
	t = strings.TrimRight(t, " \"”’")
	return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

// columnGaps counts the runs of three or more spaces inside t: w3m pads
// table cells with them.
func columnGaps(t string) int {
	n, run := 0, 0
	for _, r := range t {
		if r == ' ' {
			run++
			continue
		}
		if run >= 3 {
			n++
		}
		run = 0
	}
	return n
}
