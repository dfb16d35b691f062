package compare

import (
	"strings"
	"unicode"
)

// A word an outlet sets in quotation marks is a scare quote only when the
// outlet gives it to no one: the outlet's own distance from the word. A
// word someone said ("calling them “ultimatums”", "according to Trump",
// a word of a quotation the story carries) is a quotation, and listing it
// as the outlet's scare quote would tell the reader the outlet sneers
// where it only quotes.

// attributionCues are words that give the quoted words of their sentence
// to someone: verbs and nouns of speech, "according to".
var attributionCues = setOf(`said says say saying told tells tell added adds wrote writes write called calling
calls call described describes describing describe characterized characterised characterizes characterising
characterizing termed terms term dubbed dubs labeled labelled labels labeling labelling branded brands warned
warns warning warnings insisted insists insisting stressed stresses argued argues arguing claimed claims
claiming promised promises pledged pledges vowed vows urged urges urging demanded demands demanding proposed
proposes proposing according declared declares announced announces stated states statement statements
remarks remarked tweeted tweets posted posts referred refers quoted quoting cited cites asked asks
replied replies answered answers noted notes explained explains suggested suggests acknowledged admitted
denied denies accused accuses dismissed dismisses rejected rejects condemned condemns welcomed welcomes
praised praises hailed hails blasted slammed criticized criticised decried denounced mocked`)

// scareQuotes keeps the terms of an article that no one is given: not
// words of a quotation the story carries, and not in a sentence that
// gives its quoted words to someone.
func scareQuotes(d *doc, quoted []string) []string {
	var out []string
	for _, t := range d.enr.Terms {
		text := strings.TrimSpace(t.Text)
		if text == "" || inQuotation(text, quoted) {
			continue
		}
		if attributed(termSentences(d, t.Paragraph, text), text) {
			continue
		}
		out = append(out, text)
	}
	return out
}

// storyQuotations lists the words of every attributed quotation of the
// story, lower-cased, for matching terms against.
func storyQuotations(docs []*doc) []string {
	var out []string
	for _, d := range docs {
		for _, q := range d.enr.Quotes {
			if q.Speaker != "" || q.SpeakerKey != "" || q.SpeakerDescription != "" {
				out = append(out, strings.ToLower(q.Text))
			}
		}
	}
	return out
}

// inQuotation: the term's words stand, as words, in a quotation.
func inQuotation(term string, quoted []string) bool {
	low := strings.ToLower(strings.Trim(term, "'‘’\"“” "))
	if low == "" {
		return false
	}
	for _, q := range quoted {
		if indexWord(q, low) >= 0 {
			return true
		}
	}
	return false
}

// termSentences are the sentences of the term's paragraph (the headline
// for -1) that carry it.
func termSentences(d *doc, para int, term string) []string {
	if para < 0 {
		return []string{d.art.Title}
	}
	var out []string
	for _, s := range d.sents {
		if s.para == para && strings.Contains(s.text, term) {
			out = append(out, s.text)
		}
	}
	return out
}

// attributed: a sentence gives its quoted term to someone, by a cue
// outside quotation marks before the term ("calling them “ultimatums”",
// "according to Trump, … “bloodbath”") or by a speech tag right after it
// ("“…,” he said"). "so-called" before it is the outlet's own distance.
func attributed(sentences []string, term string) bool {
	for _, s := range sentences {
		at := strings.Index(s, term)
		if at < 0 {
			continue
		}
		before := lexWords(stripQuoted(stripSingleQuoted(s[:at])))
		if n := len(before); n > 0 && before[n-1] == "so-called" {
			continue
		}
		for _, w := range before {
			if attributionCues[w] {
				return true
			}
		}
		if speechTag(s[at+len(term):]) {
			return true
		}
	}
	return false
}

// speechTag: the text after a quoted term opens with a speech tag, "”
// he said" or "”, officials warned".
func speechTag(after string) bool {
	ws := lexWords(stripQuoted(strings.TrimLeft(after, `"'”’ ,`)))
	for i, w := range ws {
		if i == 4 {
			break
		}
		if attributionCues[w] {
			return true
		}
	}
	return false
}

// stripSingleQuoted removes words set in single quotation marks
// ('IMMEDIATELY'), which stripQuoted keeps: headlines quote so.
func stripSingleQuoted(s string) string {
	var b strings.Builder
	inside := false
	rs := []rune(s)
	for i, r := range rs {
		open := (r == '\'' || r == '‘') && (i == 0 || unicode.IsSpace(rs[i-1])) && !inside
		closeMark := (r == '\'' || r == '’') && inside && (i+1 == len(rs) || !unicode.IsLetter(rs[i+1]))
		switch {
		case open:
			inside = true
		case closeMark:
			inside = false
			b.WriteRune(' ')
		case !inside:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// spellingOnly: two forms of a name differ only by diacritics or by a
// transliteration habit (endings -iy, -yy, -ii; doubled letters), which
// is spelling, not a choice of name ("Erdogan" and "Erdoğan",
// "Zelenskiy" and "Zelensky").
func spellingOnly(a, b string) bool {
	return translitFold(a) == translitFold(b)
}

func translitFold(w string) string {
	w = strings.ToLower(foldAccents(w))
	if len(w) > 4 {
		for _, end := range []string{"iy", "yy", "ii", "ij", "yi"} {
			if strings.HasSuffix(w, end) {
				w = w[:len(w)-2] + "y"
				break
			}
		}
	}
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if r != prev || !unicode.IsLetter(r) {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
