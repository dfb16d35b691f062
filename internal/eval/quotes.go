package eval

import (
	"errors"
	"fmt"
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
	// SpeakerKind says how the gold words the speaker (PolNeAR's
	// convention): "name" for a named person or body, "pronoun", "other"
	// for a description, "none" when no source was annotated; "" when the
	// gold does not say, and then every speaker but a group counts as a
	// name.
	SpeakerKind string `json:"speaker_kind,omitempty"`
}

// named reports whether the gold names the speaker: its kind is "name"
// and the speaker is not a description (see descriptionSpeaker), or it
// gives no kind and the speaker is neither a group (see groupSpeaker) nor
// a description.
func (g QuoteGold) named() bool {
	if descriptionSpeaker(g.Speaker) {
		return false
	}
	if g.SpeakerKind == "" {
		return strings.TrimSpace(g.Speaker) != "" && !groupSpeaker(g.Speaker)
	}
	return g.SpeakerKind == "name"
}

// QuoteOptions choose how speakers are compared.
type QuoteOptions struct {
	// Strict compares speakers by name only: our Speaker (not its
	// description) must share a name word, titles and party words aside,
	// with the gold speaker; and only fragments whose gold speaker is a
	// name are checked for the speaker (a pronoun or a description in the
	// gold cannot be compared by name). The default, lenient rule also
	// accepts a word shared with SpeakerDescription and checks every
	// fragment's speaker.
	Strict bool
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

// QuoteExtra is an extracted quotation that holds no gold fragment.
type QuoteExtra struct {
	ID string `json:"id"`
	model.Quote
}

// QuoteScore scores extracted quotations against a gold file.
type QuoteScore struct {
	// Found fragments lie inside one quotation whose speaker matches;
	// Recall is Found ÷ Total.
	Found  int     `json:"found"`
	Total  int     `json:"total"`
	Recall float64 `json:"recall"`
	// TextFound fragments lie inside quotations, whoever the speaker;
	// TextRecall is TextFound ÷ Total.
	TextFound  int     `json:"text_found"`
	TextRecall float64 `json:"text_recall"`
	// Named counts the fragments with a named gold speaker whose words
	// were found, NamedRight those of them whose speaker matches;
	// SpeakerAccuracy is NamedRight ÷ Named.
	Named           int     `json:"named"`
	NamedRight      int     `json:"named_right"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// Extracted counts the quotations of the gold's articles, InGold those
	// holding at least one gold fragment; Precision is InGold ÷ Extracted.
	// Gold files rarely mark every quotation, so it is a lower bound:
	// read Extra to judge it.
	Extracted int          `json:"extracted"`
	InGold    int          `json:"in_gold"`
	Precision float64      `json:"precision"`
	Misses    []QuoteMiss  `json:"misses"`
	Extra     []QuoteExtra `json:"extra"`
}

// LoadQuoteGold reads JSON lines of {"id", "text", "speaker"} and an
// optional "speaker_kind"; blank lines are skipped, other fields ignored.
func LoadQuoteGold(r io.Reader) ([]QuoteGold, error) {
	out, err := readJSONLines(r, "quote gold", func(g QuoteGold) error {
		if g.ID == "" || g.Text == "" {
			return errors.New("id and text are required")
		}
		switch g.SpeakerKind {
		case "", "name", "pronoun", "other", "none":
			return nil
		}
		return fmt.Errorf("unknown speaker_kind %q", g.SpeakerKind)
	})
	if err == nil && len(out) == 0 {
		return nil, errors.New("no quotations")
	}
	return out, err
}

// ScoreQuotes scores the extracted quotations, keyed by article record
// id, against the gold fragments. A fragment's words are found when every
// part of it that lies inside quotation marks is contained, after
// normalising quotation marks, whitespace and case, in one extracted
// quotation of that article; it is found when, besides, that quotation's
// speaker matches the gold speaker (see speakerMatches, strictMatches). A
// fragment that spans the attribution ("A," he said, "B.") is split at its
// marks and the words outside them (he said) are not required; a fragment
// with no marks is one part.
func ScoreQuotes(gold []QuoteGold, quotes map[string][]model.Quote, opt QuoteOptions) QuoteScore {
	s := QuoteScore{Total: len(gold), Misses: []QuoteMiss{}, Extra: []QuoteExtra{}}
	for _, g := range gold {
		res := findGold(g, quotes[g.ID], opt)
		if res.text {
			s.TextFound++
			if g.named() {
				s.Named++
			}
		}
		if res.speaker {
			s.Found++
			if g.named() {
				s.NamedRight++
			}
		} else {
			s.Misses = append(s.Misses, res.miss)
		}
	}
	s.countExtra(gold, quotes)
	s.Recall = ratio(s.Found, s.Total)
	s.TextRecall = ratio(s.TextFound, s.Total)
	s.SpeakerAccuracy = ratio(s.NamedRight, s.Named)
	s.Precision = ratio(s.InGold, s.Extracted)
	sort.SliceStable(s.Misses, func(i, j int) bool { return s.Misses[i].ID < s.Misses[j].ID })
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// countExtra counts the quotations of the gold's articles and those that
// hold no gold fragment's part.
func (s *QuoteScore) countExtra(gold []QuoteGold, quotes map[string][]model.Quote) {
	parts := make(map[string][]string)
	var ids []string
	for _, g := range gold {
		if _, seen := parts[g.ID]; !seen {
			ids = append(ids, g.ID)
		}
		parts[g.ID] = append(parts[g.ID], quotedParts(g.Text)...)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, q := range quotes[id] {
			s.Extracted++
			if holdsAny(normQuote(q.Text), parts[id]) {
				s.InGold++
			} else {
				s.Extra = append(s.Extra, QuoteExtra{ID: id, Quote: q})
			}
		}
	}
}

func holdsAny(text string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// goldResult is what findGold learnt about one fragment.
type goldResult struct {
	text    bool // every part lies inside some quotation
	speaker bool // every part lies inside a quotation whose speaker matches
	miss    QuoteMiss
}

// findGold checks one fragment against an article's quotations.
func findGold(g QuoteGold, qs []model.Quote, opt QuoteOptions) goldResult {
	res := goldResult{text: true, speaker: true}
	res.miss = QuoteMiss{QuoteGold: g, Reason: "no quotation holds the words"}
	checkSpeaker := !opt.Strict || g.named()
	for _, part := range quotedParts(g.Text) {
		text, speaker := false, false
		for _, q := range qs {
			if !strings.Contains(normQuote(q.Text), part) {
				continue
			}
			text = true
			if !checkSpeaker || opt.match(g.Speaker, q) {
				speaker = true
				break
			}
			res.miss.Reason, res.miss.Got, res.miss.GotDescription = "speaker differs", q.Speaker, q.SpeakerDescription
		}
		res.text = res.text && text
		res.speaker = res.speaker && speaker
	}
	if !res.text {
		res.miss.Reason, res.miss.Got, res.miss.GotDescription = "no quotation holds the words", "", ""
	}
	return res
}

func (opt QuoteOptions) match(gold string, q model.Quote) bool {
	if opt.Strict {
		return strictMatches(gold, q)
	}
	return speakerMatches(gold, q)
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
