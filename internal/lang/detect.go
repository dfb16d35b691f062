package lang

import (
	"math"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// whatlanggo scores a text against a script's languages by looking up
// each language's 300 trigrams in a map of the text's trigrams, as
// strings: about 18,000 map lookups and a string allocation per trigram
// of the text, the largest single cost of ingesting a JSONL article
// (0.8 ms of 5.7). profileIndex.detect gives the same answer (the same
// scores, the same confidence) from an index the other way round: each
// trigram of the text, packed into an integer, is counted under its number
// in the index (if any language lists it), and each distinct one's
// postings then add to the languages that list it.

//go:generate ./gen_profiles.sh

// maxTrigramDistance is whatlanggo's weight of a language's first trigram.
const maxTrigramDistance = 300

// profileIndex is one script's languages with their trigrams indexed.
type profileIndex struct {
	langs []whatlanggo.Lang
	// lists numbers the trigrams any language lists; postings[n] are
	// trigram n's postings. A text's trigrams that no language lists
	// weigh nothing and are not counted.
	lists    map[uint64]int32
	postings [][]posting
	scratch  sync.Pool // of *scratch sized for this index
}

// posting says that a language lists a trigram at a rank.
type posting struct {
	lang uint16 // index into profileIndex.langs
	rank uint16
}

var (
	indexOnce sync.Once
	indexes   map[*unicode.RangeTable]*profileIndex
)

func scriptIndexes() map[*unicode.RangeTable]*profileIndex {
	indexOnce.Do(func() {
		indexes = map[*unicode.RangeTable]*profileIndex{
			unicode.Latin:      newProfileIndex(latinLangs),
			unicode.Cyrillic:   newProfileIndex(cyrillicLangs),
			unicode.Devanagari: newProfileIndex(devanagariLangs),
			unicode.Hebrew:     newProfileIndex(hebrewLangs),
			unicode.Ethiopic:   newProfileIndex(ethiopicLangs),
			unicode.Arabic:     newProfileIndex(arabicLangs),
		}
	})
	return indexes
}

func newProfileIndex(list langProfileList) *profileIndex {
	ix := &profileIndex{lists: map[uint64]int32{}}
	for l := range whatlanggo.Langs { // any order: ties are settled below
		trigrams, ok := list[l]
		if !ok {
			continue
		}
		li := uint16(len(ix.langs))
		ix.langs = append(ix.langs, l)
		for rank, t := range trigrams {
			key, ok := packString(t)
			if !ok {
				continue // not three characters: no trigram of a text equals it
			}
			n, ok := ix.lists[key]
			if !ok {
				n = int32(len(ix.postings))
				ix.lists[key] = n
				ix.postings = append(ix.postings, nil)
			}
			ix.postings[n] = append(ix.postings[n], posting{li, uint16(rank)})
		}
	}
	return ix
}

// pack packs three code points (21 bits each) into one key.
func pack(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

func packString(s string) (uint64, bool) {
	var rs [3]rune
	n := 0
	for _, r := range s {
		if n == 3 {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n != 3 || !utf8.ValidString(s) {
		return 0, false
	}
	return pack(rs[0], rs[1], rs[2]), true
}

// scratch is one detection's working memory, reused: the count of each
// listed trigram, which trigrams were met, and each language's score.
type scratch struct {
	counts     []int32
	met        []int32
	dist, seen []int
}

func (ix *profileIndex) getScratch() *scratch {
	if sc, ok := ix.scratch.Get().(*scratch); ok {
		return sc
	}
	n := len(ix.langs)
	return &scratch{counts: make([]int32, len(ix.postings)), dist: make([]int, n), seen: make([]int, n)}
}

// detect is whatlanggo.Detect with the profiles indexed (see above) and
// the script found as whatlanggo finds it, faster (detectScript).
func detect(text string) whatlanggo.Info {
	script := detectScript(text)
	ix, ok := scriptIndexes()[script]
	if script == nil || !ok {
		return whatlanggo.Detect(text) // one answer per script, no profiles
	}
	l, conf := ix.detect(text)
	return whatlanggo.Info{Lang: l, Script: script, Confidence: conf}
}

// detect scores text as whatlanggo's detectLangInProfiles does: each
// language gets, for each of its trigrams the text has, (300 − rank) ×
// the trigram's count in the text; the confidence compares the best two.
func (ix *profileIndex) detect(text string) (whatlanggo.Lang, float64) {
	sc := ix.getScratch()
	sc.met = sc.met[:0]
	eachTrigram(text, func(key uint64) {
		if n, ok := ix.lists[key]; ok {
			if sc.counts[n] == 0 {
				sc.met = append(sc.met, n)
			}
			sc.counts[n]++
		}
	})
	dist, seen := sc.dist, sc.seen
	clear(dist)
	clear(seen)
	for _, t := range sc.met {
		w := int(sc.counts[t])
		sc.counts[t] = 0 // ready for the next text
		for _, p := range ix.postings[t] {
			seen[p.lang]++
			dist[p.lang] += (maxTrigramDistance - int(p.rank)) * w
		}
	}
	l, conf := ix.best(dist, seen)
	// Returned only when the counts are all back to zero: a panic above
	// leaves this scratch to the collector.
	ix.scratch.Put(sc)
	return l, conf
}

// best names the language with the highest score and whatlanggo's
// confidence in it.
func (ix *profileIndex) best(dist, seen []int) (whatlanggo.Lang, float64) {
	n := len(ix.langs)
	if n == 1 {
		return ix.langs[0], 1
	}
	// The best two. whatlanggo sorts languages met in map order, so which
	// of two tied best it names is chance; a tie gives confidence 0
	// whichever it is (below), so take the lower Lang.
	best, second := -1, -1
	for i := range n {
		switch {
		case best < 0 || dist[i] > dist[best] || dist[i] == dist[best] && ix.langs[i] < ix.langs[best]:
			second, best = best, i
		case second < 0 || dist[i] > dist[second]:
			second = i
		}
	}
	score1, score2 := dist[best], dist[second]
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		// whatlanggo's float64(score1 / 500.0) divides integers.
		return ix.langs[best], min(float64(score1/500), 1.0)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(seen[best]) + 0.05
	confidence := 1.0
	if rate <= confidentRate {
		confidence = rate / confidentRate
	}
	return ix.langs[best], math.Round(confidence*100) / 100
}

// eachTrigram calls fn with each of text's trigrams as whatlanggo's
// count counts them: punctuation, symbols, spaces and digits become
// spaces, letters are lowered, a space is put before the first character
// and after the last, and a trigram whose middle is a space with a space
// on either side is left out.
func eachTrigram(text string, fn func(key uint64)) {
	r1, r2, first := ' ', ' ', true
	add := func(r3 rune) {
		if first { // whatlanggo starts with (' ', text[0]) and reads on
			r2, first = r3, false
			return
		}
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			fn(pack(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		if isStop(r) {
			r = ' '
		}
		add(unicode.ToLower(r))
	}
	add(' ')
}

// asciiStop is whatlanggo's isStopChar for ASCII, looked up.
var asciiStop = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = stopChar(r)
	}
	return t
}()

func isStop(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiStop[r]
	}
	return stopChar(r)
}

// stopChar is whatlanggo's isStopChar: spaces, punctuation, symbols and
// digits separate words.
func stopChar(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// hiraganaKatakana is whatlanggo's table for Japanese kana, built the same
// way (its ranges concatenated, so unicode.Is answers alike); as a script
// it stands for Japanese.
var hiraganaKatakana = &unicode.RangeTable{
	R16: append(append([]unicode.Range16(nil), unicode.Hiragana.R16...), unicode.Katakana.R16...),
	R32: append(append([]unicode.Range32(nil), unicode.Hiragana.R32...), unicode.Katakana.R32...),
}

// scripts are the scripts whatlanggo counts, in its order.
var scripts = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, hiraganaKatakana,
	unicode.Ethiopic, unicode.Hebrew, unicode.Bengali, unicode.Georgian, unicode.Han,
	unicode.Hangul, unicode.Greek, unicode.Kannada, unicode.Tamil, unicode.Thai,
	unicode.Gujarati, unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

// noScript marks a character of none of the scripts.
const noScript = -1

// scriptOf is the index in scripts of the one script r belongs to (they
// do not overlap), or noScript.
func scriptOf(r rune) int {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return 0
		}
		return noScript
	}
	for i, t := range scripts {
		if unicode.Is(t, r) {
			return i
		}
	}
	return noScript
}

// detectScript is whatlanggo.DetectScript, which tests every character
// against all its 23 scripts. This finds the character's one script
// instead, and keeps whatlanggo's counters in whatlanggo's order (a
// script found moves one place forward), since that order settles ties:
// the same script comes out, or nil for the scripts whatlanggo.Detect
// answers without profiles (detect then asks whatlanggo).
func detectScript(text string) *unicode.RangeTable {
	halfLen := len(text) / 2
	var order [len(scripts)]int // order[k]: the script counted k-th
	var pos [len(scripts)]int   // pos[s]: where script s is in order
	var counts [len(scripts)]int
	for i := range order {
		order[i], pos[i] = i, i
	}
	for _, r := range text {
		if isStop(r) {
			continue
		}
		s := scriptOf(r)
		if s == noScript {
			continue
		}
		counts[s]++
		if counts[s] > halfLen {
			return scripts[s]
		}
		if k := pos[s]; k > 0 {
			other := order[k-1]
			order[k-1], order[k] = s, other
			pos[s], pos[other] = k-1, k
		}
	}
	// The script counted most; whatlanggo takes the first of a tie in its
	// order, and calls Han Japanese when kana led before it.
	jpCount, best, bestScript := 0, 0, -1
	for _, s := range order {
		if counts[s] > best {
			best, bestScript = counts[s], s
			if scripts[s] == hiraganaKatakana {
				jpCount = best
			}
		}
	}
	switch {
	case best == 0:
		return nil
	case scripts[bestScript] == unicode.Han && jpCount > 0:
		return hiraganaKatakana
	}
	return scripts[bestScript]
}
