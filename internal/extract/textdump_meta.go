package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Metadata sits around the top of the article: the headline a few lines
// above the first paragraph (often repeated from the page title at the top
// of the dump), then a byline and a dateline.

// meta is what the text says about the article besides its body.
type meta struct {
	title     string
	titleAt   int // line index of the headline, -1 when none
	authors   []string
	outlet    string
	published string
}

// titleWindow is how many non-empty lines above the first body line the
// headline may sit: bylines, datelines, share buttons and captions come
// between.
const titleWindow = 40

// findMeta reads the headline, byline and dateline around the article
// whose lines are body, and returns the body without the headline and
// whatever the region took in above it.
func (p *page) findMeta(body []int) (meta, []int) {
	m := meta{titleAt: -1}
	if len(body) == 0 {
		return m, body
	}
	m.titleAt = p.findTitle(body)
	first, below := body[0], -1 // below: the line a standfirst may follow
	if m.titleAt >= 0 {
		m.title, m.outlet = splitTitleSuffix(p.lines[m.titleAt].text)
		body = p.afterTitle(body, m.titleAt)
		body, below = p.pastByline(m.titleAt, body)
		first = m.titleAt
	}
	// The byline and dateline sit above the first paragraph of prose: a
	// short line the region took in (a timestamp, a share count) may come
	// before them.
	end := len(p.lines)
	for k, i := range body {
		if end = i; k == 2 || p.classes[i] == clsProse {
			break
		}
	}
	var byOutlet string
	m.authors, byOutlet = p.findByline(first, end)
	if m.outlet == "" {
		m.outlet = byOutlet
	}
	if m.outlet == "" {
		m.outlet = p.masthead(first)
	}
	m.published = p.findPublished(first, end)
	if m.titleAt >= 0 {
		body = p.dedupe(append(p.standfirst(below, body), body...))
	}
	return m, body
}

// findTitle picks the most headline-like line among those above the body
// and the first body lines: a region that starts early takes in the
// headline, and sometimes a ticker above it. A headline stacked above the
// pick wins over it: the pick is then the deck.
func (p *page) findTitle(body []int) int {
	pageTitle := ""
	if j := p.firstNonEmpty(); j >= 0 {
		pageTitle, _ = splitTitleSuffix(p.lines[j].text)
		pageTitle = strings.Join(strings.Fields(strings.ToLower(pageTitle)), " ")
	}
	best, bestScore := -1, 0.0
	consider := func(i, dist int) {
		if s := p.titleScore(i, dist, pageTitle); s > bestScore {
			best, bestScore = i, s
		}
	}
	dist := 0
	for i := p.prev[body[0]]; i >= 0 && dist < titleWindow; i = p.prev[i] {
		dist++
		consider(i, dist)
	}
	for k, i := range body[:min(len(body), 12)] {
		if k < 3 || p.bylineBelow(i) {
			consider(i, k)
		}
	}
	if up := p.headlineAbove(best, pageTitle); up >= 0 {
		return up
	}
	return best
}

// headlineAbove returns the headline stacked above line t when t is the
// deck under it: two headline-like lines, each set apart by blank lines
// with nothing between them, over the byline. The first is the headline,
// the second its subtitle. It returns -1 when the line above t is not a
// headline.
func (p *page) headlineAbove(t int, pageTitle string) int {
	if t < 0 || !p.bylineBelow(t) {
		return -1
	}
	up := p.prev[t]
	if up < 0 || t-up < 2 || !p.standsApart(up) {
		return -1
	}
	l := p.lines[up]
	if l.words < 5 || l.words > 25 || strings.HasSuffix(l.text, ".") || strings.Contains(l.text, "://") ||
		strings.Contains(" "+l.key+" ", " "+p.lines[t].key+" ") || p.titleScore(up, 1, pageTitle) <= 0 {
		return -1 // a breadcrumb ending in the headline, a link
	}
	return up
}

// afterTitle drops the headline and the body lines above it, unless they
// hold much of the text and the headline has no byline to vouch for it.
func (p *page) afterTitle(body []int, t int) []int {
	var above, all int
	cut := 0
	for k, i := range body {
		all += p.lines[i].words
		if i <= t {
			above += p.lines[i].words
			cut = k + 1
		}
	}
	if cut == 0 || 10*above < 3*all || p.bylineBelow(t) {
		return body[cut:]
	}
	return removeIndex(body, t)
}

// pastByline drops from body the standfirst a page sets between the
// headline t and the byline or dateline, at most two prose lines: pages
// show it as a teaser, and the article starts below the byline. It
// returns the line below which a standfirst may still count as text: the
// last byline or dateline line when there was one to step over, else t.
func (p *page) pastByline(t int, body []int) ([]int, int) {
	if len(body) == 0 {
		return body, t
	}
	prose, last := 0, -1
	for i, k := p.next[t], 0; i >= 0 && k < 6; i, k = p.next[i], k+1 {
		l := p.lines[i]
		if isByline(l) || (l.words <= 12 && l.dated) {
			last = i
			continue
		}
		if last >= 0 || p.classes[i] != clsProse || prose == 2 {
			break
		}
		prose++
	}
	if last < 0 || prose == 0 {
		return body, t
	}
	k := 0
	for k < len(body) && body[k] <= last {
		k++
	}
	return body[k:], last
}

// standfirst returns the summary paragraph between line t (the headline,
// or the byline below a standfirst already dropped) and the body, if
// there is one: prose within a few lines under t, past the byline and
// dateline. It is article text unless the article restates it, which
// dedupe judges.
func (p *page) standfirst(t int, body []int) []int {
	end := len(p.lines)
	if len(body) > 0 {
		end = body[0]
	}
	var out []int
	for i, k := p.next[t], 0; i >= 0 && i < end && k < 8 && len(out) < 2; i, k = p.next[i], k+1 {
		l := p.lines[i]
		if p.classes[i] == clsProse && l.terminal && l.words >= 8 && !p.post[i] && !l.by {
			out = append(out, i)
		}
	}
	return out
}

func removeIndex(xs []int, v int) []int {
	out := xs[:0:0]
	for _, x := range xs {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

func (p *page) firstNonEmpty() int {
	for i, l := range p.lines {
		if !l.empty() {
			return i
		}
	}
	return -1
}

// titleScore rates line i, dist non-empty lines above the article, as its
// headline; 0 or less means it cannot be.
func (p *page) titleScore(i, dist int, pageTitle string) float64 {
	l, c := p.lines[i], p.classes[i]
	if l.words < 3 || l.words > 30 || l.bullet || l.table || strings.HasSuffix(l.text, ":") ||
		!strings.Contains(l.text, " ") || l.by || looksNotTitle(l) {
		return 0
	}
	if furniture(c) && !l.twin {
		return 0
	}
	if l.words <= 20 && l.dated {
		return 0
	}
	s := 3 - 0.1*float64(dist)
	head, _ := splitTitleSuffix(l.text)
	if k := strings.ToLower(strings.Join(strings.Fields(head), " ")); pageTitle != "" && (k == pageTitle || strings.HasPrefix(pageTitle, k)) && i != p.firstNonEmpty() {
		s += 3 // the page title at the top of the dump repeats the headline
	}
	if i == p.firstNonEmpty() && l.words >= 5 {
		s++ // dumps often open with the page title
	}
	if l.repeats > 1 && l.words >= 5 {
		s++
	}
	if p.bylineBelow(i) {
		s += 2
	}
	if l.words >= 5 && l.words <= 20 {
		s++
	}
	if strings.HasSuffix(l.text, ".") {
		s -= 1.5 // standfirsts end with a full stop, headlines seldom do
	}
	if i > 0 && !p.lines[i-1].empty() {
		s -= 2 // a headline stands apart; a line glued to the one above is a ticker or list item
	}
	if c == clsProse && l.words > 25 {
		s -= 2
	}
	return s
}

// bylineBelow reports a byline or dateline within the few lines under i.
func (p *page) bylineBelow(i int) bool {
	j := i
	for k := 0; k < 6; k++ {
		if j = p.next[j]; j < 0 {
			return false
		}
		l, c := p.lines[j], p.classes[j]
		if c == clsSignature || c == clsCaption || c == clsTeaser {
			continue
		}
		if l.by || (l.words <= 12 && l.dated) {
			return true
		}
	}
	return false
}

// notTitleRe matches lines shaped like datelines and share bars rather
// than headlines.
var notTitleRe = regexp.MustCompile(`(?i)^(published|updated|posted|last (modified|updated)|share|close)\b|\b\d{1,2}:\d{2}\s*(am|pm)\b`)

// notTitleFirst are the words notTitleRe's lines open with.
var notTitleFirst = wordSet([]string{"published", "updated", "posted", "last", "share", "close"})

// looksNotTitle reports a line notTitleRe matches, which needs one of
// notTitleFirst first or a time ("8:03 am").
func looksNotTitle(l dumpLine) bool {
	if !notTitleFirst[firstWord(l.key)] && !strings.Contains(l.text, ":") {
		return false
	}
	return notTitleRe.MatchString(l.text)
}

// titleSepRe splits "Headline - Outlet" and "Headline | Outlet".
var titleSepRe = regexp.MustCompile(`\s+[-|–—:]\s+`)

// splitTitleSuffix separates a trailing outlet name from a headline, as in
// "Headline - Some News": the part after the last separator must be a short
// run of capitalised words.
func splitTitleSuffix(t string) (title, outlet string) {
	locs := titleSepRe.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t, ""
	}
	last := locs[len(locs)-1]
	head, tail := t[:last[0]], strings.TrimSpace(t[last[1]:])
	if len(strings.Fields(head)) < 4 || !isNameLike(tail, 4) {
		return t, ""
	}
	return strings.TrimSpace(head), tail
}

// isNameLike reports a short run (at most maxWords) of capitalised words,
// the shape of a person's or an outlet's name.
func isNameLike(s string, maxWords int) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > maxWords {
		return false
	}
	for _, w := range f {
		r := []rune(w)[0]
		// Scripts without case, such as Arabic or Chinese, pass.
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Lo, r) && !isNameParticle(w) {
			return false
		}
	}
	return true
}

func isNameParticle(w string) bool {
	switch strings.ToLower(w) {
	case "de", "da", "del", "der", "van", "von", "di", "la", "le", "bin", "al", "el", "of", "the", "and", "&":
		return true
	}
	return false
}
