package compare

import "strings"

// loadedClasses lists evaluative or loaded words by the plain wording a
// neutral report would use for the same thing. The key is the plain class;
// plain lists neutral words of the class, loaded the charged ones (every
// inflection written out, so matching needs no stemmer).
var loadedClasses = []struct {
	plain  string
	plains []string
	loaded []string
}{
	{"said", words("said says say saying stated"),
		words("claimed claiming insisted insists admitted admits conceded concedes boasted boasts bragged brags ranted rants whined whines gloated gloats touted touts")},
	{"criticized", words("criticized criticised criticizes criticises criticism criticizing"),
		words("slammed slams slamming blasted blasts blasting ripped rips bashed bashes bashing lambasted lambastes torched scolded berated excoriated skewered hammered assailed denounced railed savaged mocked ridiculed")},
	{"government", words("government administration authorities"),
		words("regime regimes junta cronies puppet")},
	{"militants", words("militants fighters group rebels"),
		words("terrorists thugs")},
	{"leader", words("leader president head"),
		words("dictator dictators tyrant strongman despot")},
	{"immigrants", words("immigrants migrants"),
		words("illegals aliens")},
	{"controversial", nil,
		words("embattled beleaguered disgraced notorious infamous scandal-plagued controversial firebrand radical hardline far-right far-left ultraconservative ultraliberal")},
	{"statement", words("statement remarks comments"),
		words("tirade rant diatribe screed outburst propaganda")},
	{"serious", nil,
		words("shocking stunning outrageous disastrous catastrophic devastating reckless draconian brutal ruthless shameful disgraceful scathing blistering furious fiery explosive bombshell staggering unprecedented")},
	{"killed", words("killed killing deaths died"),
		words("slaughtered slaughter massacred massacre butchered bloodbath")},
	{"changed position", nil,
		words("caved backtracked flip-flopped flip-flop capitulated")},
	{"so-called", nil, words("so-called")},
}

func words(s string) []string { return strings.Fields(s) }

// loadedIndex maps each loaded word to its class index; plainIndex each
// plain word.
var loadedIndex, plainIndex = indexLexicon()

func indexLexicon() (map[string]int, map[string]int) {
	loaded := make(map[string]int)
	plain := make(map[string]int)
	for i, c := range loadedClasses {
		for _, w := range c.loaded {
			loaded[w] = i
		}
		for _, w := range c.plains {
			plain[w] = i
		}
	}
	return loaded, plain
}

// determiners before a word make it a noun: "those claims", "the massacre"
// stays loaded but "the claims" is no speech verb.
var determiners = setOf("the a an those these such his her their its our your any no of")

// lexWords splits s into lower-case words keeping inner hyphens, so that
// "so-called" and "far-right" stay one word.
func lexWords(s string) []string {
	f := lexWordRunes.fields(strings.ToLower(s))
	for i, w := range f {
		f[i] = strings.Trim(w, "-'’")
	}
	return f
}

// ownWords lists the words of an outlet's own sentence that can be loaded:
// lower-case words (a capital marks a name: "Ms. Slaughter"), with speech
// verbs that follow a determiner left out, being nouns there.
func ownWords(s string) []string {
	raw := lexWordRunes.fields(s)
	var out []string
	prev := ""
	for i, w := range raw {
		w = strings.Trim(w, "-'’")
		l := strings.ToLower(w)
		capital := w != "" && isCapital(w) && i > 0
		cls, loaded := loadedIndex[l]
		noun := loaded && cls == 0 && determiners[prev]
		if !capital && !noun {
			out = append(out, l)
		}
		prev = l
	}
	return out
}
