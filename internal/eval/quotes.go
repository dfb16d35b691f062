package eval

import (
	"errors"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// QuoteGold is one annotated fragment of a quotation: the article's record
// id, the words and who said them.
type QuoteGold struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

// QuoteMiss is a gold fragment that was not found, and why.
type QuoteMiss struct {
	QuoteGold
	Reason string `json:"reason"`
	// Got is the speaker of the quotation that holds the words, when the
	// words were found but the speaker did not match; GotDescription is
	// how the article describes that speaker (model.Quote.SpeakerDescription).
	Got            string `json:"got,omitempty"`
	GotDescription string `json:"got_description,omitempty"`
}

// QuoteScore is quotation recall over a gold file.
type QuoteScore struct {
	Found  int         `json:"found"`
	Total  int         `json:"total"`
	Recall float64     `json:"recall"`
	Misses []QuoteMiss `json:"misses"`
}

// LoadQuoteGold reads JSON lines of {"id", "text", "speaker"}; blank lines
// are skipped, other fields ignored.
func LoadQuoteGold(r io.Reader) ([]QuoteGold, error) {
	out, err := readJSONLines(r, "quote gold", func(g QuoteGold) error {
		if g.ID == "" || g.Text == "" {
			return errors.New("id and text are required")
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		return nil, errors.New("no quotations")
	}
	return out, err
}

// ScoreQuotes counts the gold fragments found among the extracted
// quotations, keyed by article record id. A fragment is found when every
// part of it that lies inside quotation marks is contained, after
// normalising quotation marks, whitespace and case, in one extracted
// quotation of that article whose speaker matches the gold speaker (see
// speakerMatches). A fragment that spans the
// attribution ("A," he said, "B.") is split at its marks and the words
// outside them (he said) are not required; a fragment with no marks is one
// part.
func ScoreQuotes(gold []QuoteGold, quotes map[string][]model.Quote) QuoteScore {
	s := QuoteScore{Total: len(gold), Misses: []QuoteMiss{}}
	for _, g := range gold {
		if miss, ok := findGold(g, quotes[g.ID]); ok {
			s.Found++
		} else {
			s.Misses = append(s.Misses, miss)
		}
	}
	if s.Total > 0 {
		s.Recall = float64(s.Found) / float64(s.Total)
	}
	sort.SliceStable(s.Misses, func(i, j int) bool { return s.Misses[i].ID < s.Misses[j].ID })
	return s
}

// findGold checks one fragment against an article's quotations.
func findGold(g QuoteGold, qs []model.Quote) (QuoteMiss, bool) {
	miss := QuoteMiss{QuoteGold: g, Reason: "no quotation holds the words"}
	for _, part := range quotedParts(g.Text) {
		found := false
		for _, q := range qs {
			if !strings.Contains(normQuote(q.Text), part) {
				continue
			}
			if speakerMatches(g.Speaker, q) {
				found = true
				break
			}
			miss.Reason, miss.Got, miss.GotDescription = "speaker differs", q.Speaker, q.SpeakerDescription
		}
		if !found {
			return miss, false
		}
	}
	return miss, true
}

// quotedParts splits a fragment at its double quotation marks and keeps the
// normalised parts inside them: parts alternate inside and outside, starting
// inside unless the fragment opens with a mark.
func quotedParts(s string) []string {
	s = strings.TrimSpace(s)
	var pieces []string
	start := 0
	for i, r := range s {
		if isDoubleQuote(r) {
			pieces = append(pieces, s[start:i])
			start = i + len(string(r))
		}
	}
	pieces = append(pieces, s[start:])
	first := 0 // the first piece inside marks
	if r, _ := utf8.DecodeRuneInString(s); isDoubleQuote(r) {
		first = 1
	}
	var out []string
	for i, piece := range pieces {
		if i >= first && (i-first)%2 == 0 {
			if p := normQuote(piece); p != "" {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		if p := normQuote(s); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// normQuote lower-cases, drops double quotation marks, unifies single
// marks and ellipses, collapses spaces and trims punctuation at the ends.
func normQuote(s string) string {
	r := strings.NewReplacer("“", "", "”", "", "\"", "", "„", "", "«", "", "»", "",
		"‘", "'", "’", "'", "…", "...")
	s = strings.ToLower(strings.Join(strings.Fields(r.Replace(s)), " "))
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// speakerMatches reports whether a quotation's speaker is the gold one:
// the gold speaker shares a name word with the quotation's Speaker or with
// its SpeakerDescription. Gold files often name the side or group a person
// speaks for ("Republican lawmakers", "the Karvik campaign") where the
// article names the person and describes them ("Rep. Dana Orly (R-Minn.)",
// "Ana Pell, a spokeswoman for the Karvik campaign"); the description
// carries the group's name.
func speakerMatches(gold string, q model.Quote) bool {
	return namesOverlap(q.Speaker, gold) || namesOverlap(q.SpeakerDescription, gold)
}

// namesOverlap reports whether two speaker names share a word: case
// folded, three letters or more, not a function word ("the", "and",
// "for"), after light stemming (see stemName), so that "Democrats" meets
// "Democratic" and "officials" meets "official".
func namesOverlap(a, b string) bool {
	bw := nameWords(b)
	for _, x := range nameWords(a) {
		for _, y := range bw {
			if x == y {
				return true
			}
		}
	}
	return false
}

// nameWords are the stemmed words of a name that can match.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 3 || nameStopWords[w] {
			continue
		}
		out = append(out, stemName(w))
	}
	return out
}

// nameStopWords are words of three letters or more that name nobody.
var nameStopWords = map[string]bool{
	"the": true, "and": true, "for": true, "from": true, "with": true, "who": true, "whose": true,
	"was": true, "were": true, "are": true, "has": true, "had": true, "have": true, "his": true,
	"her": true, "its": true, "their": true, "that": true, "this": true, "not": true, "but": true,
}

// stemName folds plural and adjective endings: "companies" → "company",
// "officials" → "official", "Democrats" and "Democratic" → "democrat"
// ("-ic" only after five letters, so "public" stays).
func stemName(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ews") && len(w) > 3:
		w = w[:len(w)-1]
	}
	if strings.HasSuffix(w, "ic") && len([]rune(w)) >= 7 {
		w = w[:len(w)-2]
	}
	return w
}
