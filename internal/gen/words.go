package gen

import "strings"

// Invented words, built from syllables so every index names a different
// word and no real name or phrase is reproduced.

var (
	onsets  = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "tr", "st", "sh"}
	nuclei  = []string{"a", "e", "i", "o", "u", "ai", "ou", "ei"}
	codas   = []string{"", "", "n", "r", "l", "s", "k", "m"}
	syllLen = len(onsets) * len(nuclei) * len(codas) // 1280 syllables
)

// syllable returns syllable i mod syllLen.
func syllable(i int) string {
	i %= syllLen
	o := onsets[i%len(onsets)]
	i /= len(onsets)
	n := nuclei[i%len(nuclei)]
	i /= len(nuclei)
	return o + n + codas[i%len(codas)]
}

// word returns the invented word number i (i ≥ 0) with syl syllables. The
// syllable sequence is one-to-one for i < syllLen^syl (7919 is prime, so
// coprime with syllLen^syl); concatenation can rarely make two sequences
// spell the same word, which real vocabularies do too. The multiplier
// scatters consecutive indexes so neighbouring words do not look alike.
func word(i, syl int) string {
	var b strings.Builder
	m := 1
	for range syl {
		m *= syllLen
	}
	x := (i*7919 + 13) % m
	for range syl {
		b.WriteString(syllable(x % syllLen))
		x /= syllLen
	}
	return b.String()
}

// Word spaces: disjoint index ranges so a person's name is never also a
// topic word.
const (
	vocabSize   = 6000 // background and topic words
	firstNames  = 400
	lastNames   = 3000
	placeNames  = 3000
	orgNames    = 600
	outletNames = 40
)

func vocabWord(i int) string { return word(i, 2+i%2) }
func firstName(i int) string { return title(word(100000+i, 2)) }
func lastName(i int) string  { return title(word(200000+i, 3)) }
func placeName(i int) string { return title(word(300000+i, 2+i%2)) }
func orgName(i int) string   { return title(word(400000+i, 2)) + " " + orgKinds[i%len(orgKinds)] }
func outletName(i int) string {
	return "The " + title(word(500000+i, 2)) + " " + outletKinds[i%len(outletKinds)]
}

var (
	orgKinds    = []string{"Council", "Party", "Bank", "Institute", "Union", "Ministry", "Agency", "Group"}
	outletKinds = []string{"Times", "Herald", "Post", "Gazette", "Observer", "Tribune", "Daily", "Journal"}
)

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// function words and news verbs glue generated sentences together, as real
// text has them; the clusterer must see past them.
var (
	glue = strings.Fields(`the the the a a of of of to to in in and and that for on with as by at from
was is were has had have it its their this which after before over about would could will said also`)
	verbs = strings.Fields(`said announced warned confirmed denied proposed rejected criticised defended urged
demanded signed approved blocked met visited accused praised questioned promised`)
)
