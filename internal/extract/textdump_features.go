package extract

import (
	"math"
	"strings"
)

// The features of a line describe it and its surroundings; a logistic
// model (weights in textdump_weights.go) turns them into the probability
// that the line is article text.
const (
	fBias = iota
	fJunk
	fProse
	fShort
	fBullet
	fHead
	fLink
	fCaption
	fSignature
	fBoiler
	fTeaser
	fLogWords
	fTerminal
	fListMarker
	fIndented
	fRepeated
	fDate
	fTimeAgo
	fTable
	fAllCaps
	fTitleCase
	fCommas
	fEndsColon
	fStartsQuote
	fDigits
	fPrevProse
	fPrevShort
	fPrevFurniture
	fNextProse
	fNextShort
	fNextFurniture
	fBlankAround
	fProseDensity
	fInCore
	fBeforeCore
	fAfterCore
	fHeadsToCore
	fBoilerToCore
	fAfterHead
	fPosition
	fColonList
	fOutdented
	nFeatures
)

var featureNames = [nFeatures]string{
	"bias", "junk", "prose", "short", "bullet", "head", "link", "caption", "signature", "boiler", "teaser",
	"log_words", "terminal", "list_marker", "indented", "repeated", "date", "time_ago", "table",
	"all_caps", "title_case", "commas", "ends_colon", "starts_quote", "digits",
	"prev_prose", "prev_short", "prev_furniture", "next_prose", "next_short", "next_furniture",
	"blank_around", "prose_density", "in_core", "before_core", "after_core", "heads_to_core",
	"boiler_to_core", "after_head", "position", "colon_list", "outdented",
}

type featureVec [nFeatures]float64

// lineFeatures describes line i of the page.
func (p *page) lineFeatures(i int) featureVec {
	var f featureVec
	l, c := p.lines[i], p.classes[i]
	f[fBias] = 1
	if c >= clsJunk && c <= clsTeaser {
		f[fJunk+int(c-clsJunk)] = 1
	}
	f[fLogWords] = math.Log1p(float64(l.words)) / 4
	f[fTerminal] = b2f(l.terminal)
	f[fListMarker] = b2f(l.bullet)
	rel := p.layout.relIndent(l)
	f[fIndented] = b2f(!l.bullet && rel >= 2)
	f[fOutdented] = b2f(!l.bullet && rel <= -2)
	f[fRepeated] = b2f(l.repeats > 1)
	f[fDate] = b2f(l.words <= 20 && l.dated)
	f[fTimeAgo] = b2f(isTimeAgo(l.text))
	f[fTable] = b2f(l.table)
	f[fAllCaps], f[fTitleCase], f[fDigits] = l.shape.allCaps, l.shape.titleCase, l.shape.digits
	f[fCommas] = math.Min(1, 5*float64(strings.Count(l.text, ","))/float64(max(l.words, 1)))
	f[fEndsColon] = b2f(strings.HasSuffix(l.text, ":"))
	f[fStartsQuote] = b2f(strings.ContainsAny(firstRune(l.text), "\"“‘'«„"))
	p.contextFeatures(i, &f)
	return f
}

// contextFeatures fills in what surrounds line i: its neighbours, the
// density of prose nearby and where it sits relative to the core region.
func (p *page) contextFeatures(i int, f *featureVec) {
	if j := p.prev[i]; j >= 0 {
		f[fPrevProse+neighbourKind(p.classes[j])] = 1
	}
	if j := p.next[i]; j >= 0 {
		f[fNextProse+neighbourKind(p.classes[j])] = 1
	}
	f[fBlankAround] = min(1, blankAround(p.lines, i)+1-p.layout.blank)
	f[fProseDensity] = p.proseDensity(i)
	f[fAfterHead] = b2f(p.afterHead[i])
	f[fPosition] = float64(i) / float64(len(p.lines))
	f[fColonList] = b2f(p.colonList[i])
	switch {
	case p.coreFrom < 0:
	case i < p.coreFrom:
		f[fBeforeCore] = math.Log1p(float64(p.nonEmptyBetween(i, p.coreFrom))) / 4
		f[fHeadsToCore] = math.Min(3, float64(p.headsUpTo[p.coreFrom]-p.headsUpTo[i])) / 3
		f[fBoilerToCore] = math.Min(3, float64(p.boilerUpTo[p.coreFrom]-p.boilerUpTo[i])) / 3
	case i > p.coreTo:
		f[fAfterCore] = math.Log1p(float64(p.nonEmptyBetween(p.coreTo, i))) / 4
		f[fHeadsToCore] = math.Min(3, float64(p.headsUpTo[i]-p.headsUpTo[p.coreTo])) / 3
		f[fBoilerToCore] = math.Min(3, float64(p.boilerUpTo[i]-p.boilerUpTo[p.coreTo])) / 3
	default:
		f[fInCore] = 1
	}
}

// neighbourKind folds a neighbour's class into prose (0), short text (1)
// or furniture (2), matching the fPrev*/fNext* feature order.
func neighbourKind(c lineClass) int {
	switch c {
	case clsProse:
		return 0
	case clsShort, clsBullet:
		return 1
	}
	return 2
}

// proseDensity is the share of words in prose lines among the five
// non-empty lines either side of i.
func (p *page) proseDensity(i int) float64 {
	k := p.rank[i]
	lo, hi := max(0, k-5), min(len(p.wordsUpTo)-2, k+5)
	prose := p.proseWordsUpTo[hi+1] - p.proseWordsUpTo[lo]
	all := p.wordsUpTo[hi+1] - p.wordsUpTo[lo]
	if all == 0 {
		return 0
	}
	return float64(prose) / float64(all)
}

// nonEmptyBetween counts the non-empty lines from a to b.
func (p *page) nonEmptyBetween(a, b int) int { return abs(p.rank[b] - p.rank[a]) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
