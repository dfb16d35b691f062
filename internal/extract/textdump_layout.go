package extract

// Text browsers lay out the same page differently: w3m sets paragraphs
// flush left with a blank line between them; lynx indents them by three
// columns and puts headings flush left; other dumpers drop blank lines.
// The features read a line's layout against the page's own prose, so a
// habit every paragraph shares says nothing about any one line.

// layout is how a page sets its prose: the indent most of its prose
// words sit at, and how often a prose line stands between blank lines.
type layout struct {
	indent int
	blank  float64
}

// measureLayout reads the layout of the page's prose lines, weighting each
// by its words so that a few long paragraphs outvote many short ones.
func measureLayout(lines []dumpLine, classes []lineClass) layout {
	weight := make(map[int]int)
	var blank, all float64
	for i, l := range lines {
		if classes[i] != clsProse || l.bullet {
			continue
		}
		weight[l.indent] += l.words
		w := float64(l.words)
		blank += w * blankAround(lines, i)
		all += w
	}
	var lay layout
	best := 0
	for ind, w := range weight {
		if w > best || (w == best && ind < lay.indent) {
			lay.indent, best = ind, w
		}
	}
	if all > 0 {
		lay.blank = blank / all
	}
	return lay
}

// blankAround is the share of line i's two sides that are blank lines (or
// the edge of the page).
func blankAround(lines []dumpLine, i int) float64 {
	above := i == 0 || lines[i-1].empty()
	below := i+1 == len(lines) || lines[i+1].empty()
	return (b2f(above) + b2f(below)) / 2
}

// relIndent is line l's indent against the page's prose: positive deeper,
// negative shallower.
func (lay layout) relIndent(l dumpLine) int { return l.indent - lay.indent }
