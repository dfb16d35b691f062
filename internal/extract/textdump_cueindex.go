package extract

import (
	"math/bits"
	"strings"
)

// The cues look for phrases in every line of megabyte dumps. A line's key
// (its lower-cased words joined by single spaces) is scanned once, in
// measureLine, for every phrase the rules look for anywhere in a line,
// through one index by first word: a map lookup a word, however many
// phrases there are.

// cueKind names a family of phrases looked for anywhere in a line.
type cueKind uint8

const (
	cueCaption   cueKind = 1 << iota // photo captions and credits: "getty images"
	cueBoiler                        // furniture: "privacy policy", "newsletter"
	cueCookie                        // "cookie", "cookies"
	cueCookieUse                     // what a cookie notice asks: "use", "accept", "policy"
)

var cuePhrases = map[cueKind][]string{
	cueCaption: {"ap photo", "getty images", "shutterstock", "submitted photo", "photo credit", "file photo", "pictured"},
	cueBoiler: {
		"all rights reserved", "privacy policy", "terms of use", "terms of service", "newsletter", "newsletters",
		"javascript", "join the discussion", "join the conversation", "responses to", "response to",
	},
	cueCookie:    {"cookie", "cookies"},
	cueCookieUse: {"use", "accept", "policy"},
}

// cueEntry is one phrase of the index: its family, or its place among
// appealPhrases (plus one; 0 for none).
type cueEntry struct {
	phrase string
	kind   cueKind
	appeal int
}

var cueIndex = func() map[string][]cueEntry {
	ix := make(map[string][]cueEntry)
	add := func(e cueEntry) {
		first := firstWord(e.phrase)
		ix[first] = append(ix[first], e)
	}
	for kind, ps := range cuePhrases {
		for _, p := range ps {
			add(cueEntry{phrase: p, kind: kind})
		}
	}
	for i, p := range appealPhrases {
		add(cueEntry{phrase: p, appeal: i + 1})
	}
	return ix
}()

// lineCues scans key once: the families of phrases it holds as whole
// words, and how many distinct appeal phrases.
func lineCues(key string) (kinds cueKind, appeals int) {
	var seen uint64 // appeal phrases found, by place
	for i := 0; i < len(key); {
		j := strings.IndexByte(key[i:], ' ')
		if j < 0 {
			j = len(key) - i
		}
		for _, e := range cueIndex[key[i:i+j]] {
			p := e.phrase
			if !strings.HasPrefix(key[i:], p) || len(key)-i != len(p) && key[i+len(p)] != ' ' {
				continue
			}
			kinds |= e.kind
			if e.appeal > 0 {
				seen |= 1 << (e.appeal - 1)
			}
		}
		i += j + 1
	}
	return kinds, bits.OnesCount64(seen)
}

// phrases matches whole-word phrases against a line: its whole key, the
// key's opening words, or a family of phrases anywhere in it.
type phrases struct {
	whole    map[string]bool
	prefix   phraseSet
	anywhere cueKind
}

func newPhrases(whole, prefix []string, anywhere cueKind) phrases {
	return phrases{wordSet(whole), newPhraseSet(prefix), anywhere}
}

func (ph phrases) match(l dumpLine) bool {
	return ph.whole[l.key] || ph.prefix.at(l.key, 0) >= 0 || l.cues&ph.anywhere != 0
}

// phraseSet finds phrases at a place in a key by their first word.
type phraseSet struct {
	byFirst map[string][]int // first word -> indexes into list
	list    []string
}

func newPhraseSet(ps []string) phraseSet {
	s := phraseSet{byFirst: make(map[string][]int), list: ps}
	for i, p := range ps {
		first, _, _ := strings.Cut(p, " ")
		s.byFirst[first] = append(s.byFirst[first], i)
	}
	return s
}

// at returns the index of a phrase that key holds as whole words from
// byte i (the start of a word), -1 when none.
func (s phraseSet) at(key string, i int) int {
	j := strings.IndexByte(key[i:], ' ')
	if j < 0 {
		j = len(key) - i
	}
	for _, k := range s.byFirst[key[i:i+j]] {
		p := s.list[k]
		if strings.HasPrefix(key[i:], p) && (len(key)-i == len(p) || key[i+len(p)] == ' ') {
			return k
		}
	}
	return -1
}
