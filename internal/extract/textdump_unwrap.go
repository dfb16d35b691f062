package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// w3m -dump wraps text at the terminal width (80 columns unless told
// otherwise), breaking every paragraph into lines that no longer end like
// sentences. unwrap detects a wrapped dump and joins each paragraph's lines
// back into one, so the line measures mean the same at any width.

// rawLine is one logical line of the dump: its text and the number of the
// first physical line it came from.
type rawLine struct {
	n    int
	text string
}

// unwrap joins the physical lines of a wrapped dump into logical lines;
// a dump with lines wider than any terminal is returned line for line.
func unwrap(phys []string) []rawLine {
	width := wrapWidth(phys)
	out := make([]rawLine, 0, len(phys))
	if width == 0 {
		for i, l := range phys {
			out = append(out, rawLine{n: i + 1, text: l})
		}
		return out
	}
	var b strings.Builder // the logical line being built
	start, col := 0, 0    // its first physical line, where its text starts
	flush := func(end int) {
		if end > start {
			out = append(out, rawLine{n: start + 1, text: b.String()})
		}
	}
	for i, l := range phys {
		if width > 0 && i > start && continues(phys[i-1], col, l, width) {
			t := strings.TrimSpace(l)
			if !wideJoin(phys[i-1], t) {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			continue
		}
		flush(i)
		b.Reset()
		b.WriteString(l)
		start, col = i, textColumn(l)
	}
	flush(len(phys))
	return out
}

// wideJoin reports a wrap between two wide East Asian runes: those scripts
// break lines anywhere, without a space to restore.
func wideJoin(a, b string) bool {
	r1, _ := utf8.DecodeLastRuneInString(strings.TrimRight(a, " "))
	r2, _ := utf8.DecodeRuneInString(b)
	return isWide(r1) && isWide(r2)
}

// wrapWidth returns the column a dump was wrapped at, or 0 when it was
// not. In a wrapped dump no line of several words is wider than 120
// columns (a lone long word, such as a URL, cannot be wrapped), and the
// lines that reach the wrap column run on into the next line. Each of the
// widest widths is tried as the wrap column; the one most lines run on at
// wins, if at least three lines, and a quarter of those reaching it, do.
func wrapWidth(phys []string) int {
	widths := make([]int, len(phys))
	var multi []int
	for i, l := range phys {
		widths[i] = displayWidth(strings.TrimRight(l, " "))
		if strings.Contains(strings.TrimSpace(l), " ") {
			if widths[i] > 120 {
				return 0 // a line no terminal wraps: the dump is not wrapped
			}
			multi = append(multi, widths[i])
		}
	}
	if len(multi) == 0 {
		return 0
	}
	slices.Sort(multi)
	slices.Reverse(multi)
	multi = slices.Compact(multi)
	best, bestRunOn := 0, 0
	for _, w := range multi[:min(len(multi), 12)] {
		if w < 40 {
			break
		}
		full, runOn := 0, 0
		for i, l := range phys[:len(phys)-1] {
			if widths[i] >= w-10 && widths[i] <= w {
				full++
				if continues(l, textColumn(l), phys[i+1], w) {
					runOn++
				}
			}
		}
		if runOn >= 3 && 4*runOn >= full && runOn > bestRunOn {
			best, bestRunOn = w, runOn
		}
	}
	return best
}

// continues reports whether next is the wrapped continuation of the
// physical line last: last is full (the next line's first word would not
// have fitted after it) and next, without a list marker, is indented to
// col, where the text of the line being continued starts.
func continues(last string, col int, next string, width int) bool {
	t := strings.TrimSpace(next)
	if t == "" || strings.TrimSpace(last) == "" || leadingSpaces(next) != col {
		return false
	}
	if _, marker := stripMarker(t); marker {
		return false
	}
	first, _, _ := strings.Cut(t, " ")
	return displayWidth(strings.TrimRight(last, " "))+1+displayWidth(first) > width
}

// textColumn is the column where a line's text starts, after its indent
// and list marker.
func textColumn(l string) int {
	ind := leadingSpaces(l)
	t := strings.TrimLeft(l, " \u00a0\t")
	rest, marker := stripMarker(t)
	if !marker {
		return ind
	}
	return ind + displayWidth(t[:len(t)-len(rest)])
}

// displayWidth counts terminal columns: two for wide East Asian runes.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			w++
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isWide(r rune) bool {
	return r >= 0x1100 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60))
}
