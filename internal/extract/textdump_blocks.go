package extract

import "strings"

// Some structures span several lines: an embedded social post (its text,
// then a "— Name (@handle) date" signature) and a list introduced by a
// line ending in a colon.

// markPosts flags the text of embedded posts: the lines just above a
// signature. An indented post runs up through the lines at the signature's
// indent; an unindented one is the single line above the signature.
func (p *page) markPosts() {
	p.post = make([]bool, len(p.lines))
	for i, c := range p.classes {
		if c != clsSignature {
			continue
		}
		ind := p.lines[i].indent
		for j := p.prev[i]; j >= 0 && i-j <= 12; j = p.prev[j] {
			l := p.lines[j]
			if p.classes[j] == clsSignature || (ind > 0 && l.indent != ind) {
				break
			}
			p.post[j] = true
			if ind == 0 {
				break
			}
		}
	}
}

// markColonLists flags the lines of a list that a line ending in a colon
// introduces: the non-prose lines below it, up to a blank line (a blank
// line followed by a bullet continues a bulleted list).
func (p *page) markColonLists() {
	p.colonList = make([]bool, len(p.lines))
	open := false
	for i, l := range p.lines {
		if l.empty() {
			if j := p.next[i]; open && (j < 0 || !p.lines[j].bullet) {
				open = false
			}
			continue
		}
		if open && (l.bullet || p.classes[i] != clsProse) {
			p.colonList[i] = true
		} else {
			open = false
		}
		if strings.HasSuffix(l.text, ":") && l.words >= 2 {
			open = true
		}
	}
}
