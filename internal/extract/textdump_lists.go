package extract

// An article may end in, or hold, a list: tour dates under a heading, the
// steps of a plan after a colon. Its items are short and alike, which the
// line model reads as a menu, so they fall below the bar one by one. The
// page's own layout says they belong together: a run of three or more
// items set alike (the same indent, all bulleted or none, no blank line
// between) is judged as one list, and a list the article leads into or
// ends inside is the article's.

// listFloor is the mean verdict a list needs to join the article: well
// below a line's bar, well above what menus and tag lists score.
const listFloor = 0.2

// listItem reports a line that may be an item of a list: short text or a
// list item, not furniture.
func (p *page) listItem(i int) bool {
	l, c := p.lines[i], p.classes[i]
	return !l.empty() && !furniture(c) && !p.comment[i] && (l.bullet || c == clsShort || c == clsBullet)
}

// markLists finds the lists of the page: p.list[i] is the index of the
// last line of the list holding line i, -1 when it is in none.
func (p *page) markLists() {
	p.list = make([]int, len(p.lines))
	for i := range p.list {
		p.list[i] = -1
	}
	for i := 0; i < len(p.lines); {
		j := i
		for j+1 < len(p.lines) && p.listItem(i) && p.listItem(j+1) && alike(p.lines[i], p.lines[j+1]) {
			j++
		}
		if j-i+1 >= 3 {
			for k := i; k <= j; k++ {
				p.list[k] = j
			}
		}
		i = j + 1
	}
}

func alike(a, b dumpLine) bool { return a.indent == b.indent && a.bullet == b.bullet }

// listStart returns the first line of the list that ends at end.
func (p *page) listStart(end int) int {
	i := end
	for i > 0 && p.list[i-1] == end {
		i--
	}
	return i
}

// listTrusted reports a list whose items the model rates, on average, at
// least listFloor.
func (p *page) listTrusted(end int) bool {
	sum, n := 0.0, 0
	for i := p.listStart(end); i <= end; i++ {
		sum += p.prob[i]
		n++
	}
	return n > 0 && sum >= listFloor*float64(n)
}

// extendToList carries the region's end through the list its last line,
// or a heading right under it, leads into (a line ending in a colon, or a
// heading, with at most a blank line before the list): the article
// announced it, whatever its items look like. Failing that, it carries the
// end through the list the region ends inside, when the model trusts it.
func (p *page) extendToList() {
	if p.from < 0 {
		return
	}
	if j := p.ledList(p.to); j >= 0 {
		p.led, p.to = j, p.list[j]
		return
	}
	// A heading right under the region, which the model does not reject,
	// leads the list as well. Without a colon it must lead lines of
	// phrases, as a schedule is set: a bulleted list or a list of single
	// words under a bare heading is as likely links to other stories or
	// tags.
	if h := p.next[p.to]; h >= 0 && p.prob[h] >= listFloor && p.classes[h] == clsShort {
		if j := p.ledList(h); j >= 0 && (lastByte(p.lines[h].text) == ':' || !p.lines[j].bullet && p.listWordy(p.list[j])) {
			p.led, p.to = j, p.list[j]
			return
		}
	}
	if end := p.list[p.to]; end > p.to && p.listTrusted(end) {
		p.to = end
	}
}

// ledList returns the first item of the list line i leads into, -1 when
// none: i ends in a colon or is a heading, and a list starts right under
// it (the dumper may set the lead-in alike, as the list's first line).
func (p *page) ledList(i int) int {
	l := p.lines[i]
	if l.words > 12 || !(lastByte(l.text) == ':' || p.classes[i] == clsShort && !l.terminal) {
		return -1
	}
	j := p.next[i]
	if j < 0 || j-i > 2 || p.list[j] < 0 {
		return -1
	}
	if start := p.listStart(p.list[j]); start != j && start != i {
		return -1
	}
	return j
}

func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// listWordy reports a list whose items average three words or more:
// phrases, not tags or menu items.
func (p *page) listWordy(end int) bool {
	words, n := 0, 0
	for i := p.listStart(end); i <= end; i++ {
		words += p.lines[i].words
		n++
	}
	return words >= 3*n
}

// inTrustedList reports an item of a list that joins the article as a
// whole: one the model trusts, or the one the article leads into.
func (p *page) inTrustedList(i int) bool {
	return p.list[i] >= 0 && (p.listTrusted(p.list[i]) || p.led >= 0 && p.list[p.led] == p.list[i])
}
