// Package lang names the language an article is written in. It wraps a
// maintained trigram detector (github.com/RadhiFadlillah/whatlanggo, the
// fork go-trafilatura already links, so it adds nothing to the binary);
// docs/QUALITY.md has the measurement that chose it over lingua-go and
// the original whatlanggo. Its profiles are scored here, by score.go,
// with the detector's answers and a tenth of its time.
package lang

import (
	"strings"
	"unicode/utf8"
)

// sample bounds the text handed to the detector: some 250 words decide
// the language as well as the whole body (on BASIL's and PolNeAR's 990
// articles, 1,200 characters gave every answer and every certainty that
// 4,000 did) and cost about half as much; detection was the single
// largest cost of an ingest's enrichment.
const sample = 1500

// Of returns the ISO 639-1 code of the language title and body are
// written in: the detector's answer when it is sure of it, else the
// language the page declares (its primary subtag: "en" for "en-GB"),
// else "". A page's declaration is often a site-wide default, so a sure
// detection wins over it.
func Of(title, body, declared string) string {
	text := title + "\n" + body
	if len(text) > sample {
		text = text[:sample]
		for !utf8.ValidString(text) { // do not cut a character in two
			text = text[:len(text)-1]
		}
	}
	if code, sure := Detect(text); sure {
		return code
	}
	return Primary(declared)
}

// Detect returns the ISO 639-1 code the detector gives text and whether
// it is sure of it (its confidence above its own threshold). Languages
// without a two-letter code get "".
func Detect(text string) (code string, sure bool) {
	l, confidence := detect(text)
	code = l.Iso6391()
	return code, code != "" && confidence > reliable
}

// Primary returns a language tag's primary subtag in lower case ("pt" for
// "pt-BR", "en" for "EN_us"), or "" when it is not two or three letters.
func Primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if n := len(tag); n < 2 || n > 3 || strings.IndexFunc(tag, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	return tag
}
