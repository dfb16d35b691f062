package extract

import "math"

// page is a parsed dump: its lines, their classes, the indexes the
// features need, and the model's verdict on each line.
type page struct {
	lines   []dumpLine
	classes []lineClass

	prev, next     []int // nearest non-empty line before/after, -1 when none
	rank           []int // non-empty lines before each line
	wordsUpTo      []int // words of the first k non-empty lines
	proseWordsUpTo []int // words of the prose among them
	headsUpTo      []int // related-stories headings before each line
	boilerUpTo     []int // furniture lines before each line
	afterHead      []bool
	post           []bool     // text of an embedded social post
	colonList      []bool     // item of a list introduced by a colon
	list           []int      // last line of the list holding each line, -1 when none
	led            int        // first line of the list the article leads into, -1 when none
	shingles       [][]uint64 // each line's shingle hashes, filled as asked
	comment        []bool     // line of a comment thread
	layout         layout     // how the page sets its prose
	coreFrom       int        // the densest region by the hand-set scores, -1 when none
	coreTo         int

	prob     []float64 // model probability that each line is article text
	from, to int       // the article region, from = -1 when none
}

// newPage parses and classifies a dump and, given the model's weights w,
// rates its lines and finds the article region (training passes nil and
// reads the features only).
func newPage(s string, w *featureVec) *page {
	p := &page{lines: parseLines(s), led: -1}
	n := len(p.lines)
	p.classes = make([]lineClass, n)
	scores := make([]float64, n)
	for i, l := range p.lines {
		p.classes[i] = classify(l)
	}
	p.markAppeals()
	p.layout = measureLayout(p.lines, p.classes)
	p.index()
	p.markComments()
	for i, l := range p.lines {
		scores[i] = lineScore(l, p.classes[i])
		if p.comment[i] {
			scores[i] = min(scores[i], -1)
		}
	}
	p.coreFrom, p.coreTo = densestRegion(scores)
	p.markPosts()
	p.markColonLists()
	p.markLists()
	if w != nil {
		p.rate(w)
	}
	return p
}

// rate runs the line model over the page and finds the article region: the
// densest run of lines the model rates above regionThreshold. A page whose
// best line falls short of it (a short article in a long page, or a
// layout unlike any the model saw) is read against its own best line of
// prose, so the best region is returned instead of nothing; a page
// without prose (a menu) stays empty.
func (p *page) rate(w *featureVec) {
	p.prob = make([]float64, len(p.lines))
	best := 0.0
	for i, l := range p.lines {
		if !l.empty() {
			f := p.lineFeatures(i)
			p.prob[i] = logistic(w[:], f[:])
			if p.classes[i] == clsProse && !p.comment[i] {
				best = max(best, p.prob[i])
			}
		}
	}
	p.from, p.to = densestRegion(p.regionScores())
	if p.from >= 0 || best == 0 {
		return
	}
	shift := logit(fallbackBest) - logit(best)
	for i, pr := range p.prob {
		if pr > 0 {
			p.prob[i] = 1 / (1 + math.Exp(-(logit(pr) + shift)))
		}
	}
	p.from, p.to = densestRegion(p.regionScores())
}

// fallbackBest is the verdict a page's best line of prose is raised to
// when no line reaches regionThreshold; every other line moves by the
// same log-odds, so the page is read against its own best line.
const fallbackBest = 0.95

func logit(p float64) float64 {
	p = max(1e-9, min(1-1e-9, p))
	return math.Log(p / (1 - p))
}

// regionScores weighs each line's verdict by its length: a line counts for
// the region as far as the model rates it above regionThreshold.
func (p *page) regionScores() []float64 {
	scores := make([]float64, len(p.lines))
	for i, l := range p.lines {
		switch {
		case l.empty() || p.post[i]: // an embedded post counts neither for nor against: quoted from elsewhere
		case p.comment[i]:
			scores[i] = -float64(min(max(l.words, 4), 80))
		default:
			scores[i] = (p.prob[i] - regionThreshold) * float64(min(max(l.words, 4), 80))
		}
	}
	return scores
}

// A line counts for the region when the model rates it above
// regionThreshold; inside the region, a lower bar keeps the subheads and
// short lines the model is less sure of.
const (
	regionThreshold   = 0.5
	inRegionThreshold = 0.3
)

// index builds the neighbour links and running counts the features read.
func (p *page) index() {
	n := len(p.lines)
	p.prev, p.next, p.rank = make([]int, n), make([]int, n), make([]int, n)
	p.headsUpTo, p.boilerUpTo = make([]int, n+1), make([]int, n+1)
	p.afterHead = make([]bool, n)
	p.wordsUpTo, p.proseWordsUpTo = []int{0}, []int{0}
	last, k, inHead := -1, 0, false
	for i, l := range p.lines {
		p.prev[i], p.rank[i] = last, k
		c := p.classes[i]
		p.headsUpTo[i+1] = p.headsUpTo[i] + b2i(c == clsHead)
		p.boilerUpTo[i+1] = p.boilerUpTo[i] + b2i(c == clsBoiler)
		if c == clsHead {
			inHead = true
		} else if c == clsProse && l.words >= 15 {
			inHead = false
		}
		p.afterHead[i] = inHead && c != clsHead
		if l.empty() {
			continue
		}
		prose := 0
		if c == clsProse {
			prose = l.words
		}
		p.wordsUpTo = append(p.wordsUpTo, p.wordsUpTo[k]+l.words)
		p.proseWordsUpTo = append(p.proseWordsUpTo, p.proseWordsUpTo[k]+prose)
		last, k = i, k+1
	}
	next := -1
	for i := n - 1; i >= 0; i-- {
		p.next[i] = next
		if !p.lines[i].empty() {
			next = i
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// logistic is the probability a logistic model with weights w gives the
// feature vector f.
func logistic(w, f []float64) float64 {
	z := 0.0
	for i, x := range f {
		z += w[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// bodyLines picks the article's lines: those in the region the model rates
// as text, and subheads between them, minus furniture the rules recognise
// for certain, invitations to contact the newsroom and repeated text.
func (p *page) bodyLines() []int {
	p.widenRegion()
	p.extendToList()
	keep := make([]bool, len(p.lines))
	for i := p.from; i >= 0 && i <= p.to; i++ {
		if p.lines[i].empty() || (p.prob[i] < inRegionThreshold && !p.post[i] && !isWireCredit(p.lines[i]) && !p.inTrustedList(i)) {
			continue
		}
		keep[i] = !furniture(p.classes[i]) && !p.comment[i] && !isContactLine(p.lines[i])
	}
	var out []int
	for i := p.from; i >= 0 && i <= p.to; i++ {
		if keep[i] || p.isSubhead(i, keep) {
			out = append(out, i)
		}
	}
	return p.dedupe(out)
}

// widenRegion takes in prose lines the model rates nearly as text just
// past the region's edges, stepping over furniture (a caption between two
// paragraphs): the last paragraph of a page that ends with the article
// scores low for sitting at the bottom.
func (p *page) widenRegion() {
	if p.from < 0 {
		return
	}
	for j := p.next[p.to]; j >= 0 && p.nearText(j); j = p.next[j] {
		if !furniture(p.classes[j]) {
			p.to = j
		}
	}
	for j := p.prev[p.from]; j >= 0 && p.nearText(j); j = p.prev[j] {
		if !furniture(p.classes[j]) {
			p.from = j
		}
	}
}

// nearText reports prose the model nearly trusts, furniture that the
// widening may step over, or the credit line that ends a wire story.
func (p *page) nearText(i int) bool {
	c := p.classes[i]
	return (c == clsProse && p.prob[i] >= edgeThreshold) || c == clsCaption || c == clsJunk || isWireCredit(p.lines[i])
}

const edgeThreshold = 0.4

// isSubhead reports a short heading line between two kept lines, the
// second of them prose.
func (p *page) isSubhead(i int, keep []bool) bool {
	l := p.lines[i]
	if p.classes[i] != clsShort || l.words > 12 || l.repeats > 1 || l.terminal {
		return false
	}
	a, b := p.prev[i], p.next[i]
	return a >= 0 && b >= 0 && keep[a] && keep[b] && p.classes[b] == clsProse
}
