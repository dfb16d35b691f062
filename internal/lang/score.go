package lang

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
	_ "unsafe" // go:linkname: the detector's trigram profiles

	"github.com/RadhiFadlillah/whatlanggo"
)

// whatlanggo scores a text against a script's languages with one string
// map lookup per profile trigram: some 27,000 lookups for a Latin text of
// any length, about 0.9 ms an article and the largest single cost of
// ingesting records. We score with the same profiles turned around (each
// of the text's distinct trigrams looked up once) and get its answers:
// TestDetectMatchesWhatlanggo and FuzzDetect hold us to them. The
// profiles are not exported, hence the link names; go.mod pins the
// version they were checked against.

//go:linkname latinLangs github.com/RadhiFadlillah/whatlanggo.latinLangs
var latinLangs map[whatlanggo.Lang][]string

//go:linkname cyrillicLangs github.com/RadhiFadlillah/whatlanggo.cyrillicLangs
var cyrillicLangs map[whatlanggo.Lang][]string

//go:linkname arabicLangs github.com/RadhiFadlillah/whatlanggo.arabicLangs
var arabicLangs map[whatlanggo.Lang][]string

//go:linkname devanagariLangs github.com/RadhiFadlillah/whatlanggo.devanagariLangs
var devanagariLangs map[whatlanggo.Lang][]string

//go:linkname hebrewLangs github.com/RadhiFadlillah/whatlanggo.hebrewLangs
var hebrewLangs map[whatlanggo.Lang][]string

//go:linkname ethiopicLangs github.com/RadhiFadlillah/whatlanggo.ethiopicLangs
var ethiopicLangs map[whatlanggo.Lang][]string

// The constants of whatlanggo's scoring (constants.go, detect.go).
const (
	maxTrigramDistance = 300
	reliable           = whatlanggo.ReliableConfidenceThreshold
)

// scorer holds one script's profiles, indexed by trigram.
type scorer struct {
	langs []whatlanggo.Lang // in Lang order, so that ties fall the same way each time
	index map[uint64][]posting
}

// posting is one language's weight for a trigram: maxTrigramDistance
// less the trigram's rank in that language's profile.
type posting struct {
	lang   int32
	weight int32
}

func newScorer(profiles map[whatlanggo.Lang][]string) *scorer {
	s := &scorer{index: make(map[uint64][]posting)}
	for l := range profiles {
		s.langs = append(s.langs, l)
	}
	slices.Sort(s.langs)
	for li, l := range s.langs {
		for rank, tg := range profiles[l] {
			rs := []rune(tg)
			if len(rs) != 3 {
				continue // cannot equal a text trigram, which has three runes
			}
			k := trigramKey(rs[0], rs[1], rs[2])
			s.index[k] = append(s.index[k], posting{int32(li), int32(maxTrigramDistance - rank)})
		}
	}
	return s
}

func trigramKey(a, b, c rune) uint64 {
	return uint64(uint32(a))<<42 | uint64(uint32(b))<<21 | uint64(uint32(c))
}

// scorers are built on first use; a script's profiles do not change.
var scorers = map[*unicode.RangeTable]func() *scorer{
	unicode.Latin:      sync.OnceValue(func() *scorer { return newScorer(latinLangs) }),
	unicode.Cyrillic:   sync.OnceValue(func() *scorer { return newScorer(cyrillicLangs) }),
	unicode.Arabic:     sync.OnceValue(func() *scorer { return newScorer(arabicLangs) }),
	unicode.Devanagari: sync.OnceValue(func() *scorer { return newScorer(devanagariLangs) }),
	unicode.Hebrew:     sync.OnceValue(func() *scorer { return newScorer(hebrewLangs) }),
	unicode.Ethiopic:   sync.OnceValue(func() *scorer { return newScorer(ethiopicLangs) }),
}

// detect is whatlanggo.Detect's language and confidence for text.
func detect(text string) (whatlanggo.Lang, float64) {
	script := detectScript(text)
	s, ok := scorers[script]
	if script == nil || !ok {
		info := whatlanggo.Detect(text) // one language for the script: nothing to score
		return info.Lang, info.Confidence
	}
	return s().score(text)
}

// score is whatlanggo's detectLangInProfiles and calculateConfidence.
func (s *scorer) score(text string) (whatlanggo.Lang, float64) {
	switch len(s.langs) {
	case 0:
		return -1, 0
	case 1:
		return s.langs[0], 1
	}
	dist := make([]int, len(s.langs))
	hits := make([]int, len(s.langs))
	for k, n := range countTrigrams(text) {
		for _, p := range s.index[k] {
			dist[p.lang] += int(p.weight) * n
			hits[p.lang]++
		}
	}
	order := make([]int, len(s.langs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(dist[b], dist[a]) })
	first, second := order[0], order[1]
	score1, score2 := dist[first], dist[second]
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		return s.langs[first], min(float64(score1/500), 1) // whatlanggo divides in integers here
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(hits[first]) + 0.05
	confidence := 1.0
	if rate <= confidentRate {
		confidence = rate / confidentRate
	}
	return s.langs[first], math.Round(confidence*100) / 100
}

// countTrigrams is whatlanggo's count: the text lower-cased, with
// punctuation, symbols, digits and spaces as one space, and a trigram
// kept unless its middle is a space beside another.
func countTrigrams(text string) map[uint64]int {
	out := make(map[uint64]int, len(text)/2)
	var r1, r2 rune = ' ', -1 // r2 < 0 until the first rune
	add := func(r3 rune) {
		if r2 < 0 {
			r2 = r3
			return
		}
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			out[trigramKey(r1, r2, r3)]++
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		add(trigramRune(r))
	}
	add(' ') // whatlanggo closes the text with a space
	return out
}

// trigramRune is unicode.ToLower(toTrigramChar(r)).
func trigramRune(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiTrigram[r]
	}
	if stopRune(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

func stopRune(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

var asciiTrigram = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		if stopRune(rune(r)) {
			t[r] = ' '
		} else {
			t[r] = unicode.ToLower(rune(r))
		}
	}
	return t
}()

// detectScript is whatlanggo.DetectScript, answered without it when every
// rune it counts is Latin (accented letters too; curly quotes and dashes
// are not counted): then the answer is Latin when there is one, and
// whatlanggo's 23 script tables need not be asked of each rune.
func detectScript(text string) *unicode.RangeTable {
	letters := false
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			letters = letters || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		case stopRune(r):
		case unicode.Is(unicode.Latin, r):
			letters = true
		default:
			return whatlanggo.DetectScript(text)
		}
	}
	if letters {
		return unicode.Latin
	}
	return nil
}
