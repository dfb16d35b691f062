package compare

import (
	"regexp"
	"strings"
	"unicode"

	"parallax/internal/model"
)

// leadSentences is how much of an article's top says what its story is.
const leadSentences = 3

// headlines chooses the story's title: the member headline that best
// agrees with what the other outlets lead with (its words and names found
// in their headlines and first sentences, weighed against the words most
// of them share), less a penalty for shouting and scare quotes. The first
// headline wins ties; every other headline is listed.
func headlines(docs []*doc) (string, []model.Headline) {
	leads := make([]map[string]bool, len(docs))
	for i, d := range docs {
		leads[i] = leadTerms(d)
	}
	consensus := sharedTerms(docs, leads)
	best, bestScore := -1, 0.0
	for i, d := range docs {
		if strings.TrimSpace(d.art.Title) == "" {
			continue
		}
		score := headlineScore(d, headlineTerms(d), docs, leads, consensus)
		if best < 0 || score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	others := []model.Headline{}
	if best < 0 {
		return "", others
	}
	for i, d := range docs {
		if i != best && strings.TrimSpace(d.art.Title) != "" {
			others = append(others, model.Headline{ArticleID: d.art.ID, Outlet: d.outlet, Text: d.art.Title})
		}
	}
	return docs[best].art.Title, others
}

// headlineScore is the F1 of a headline's terms against the others'
// leads: precision is how many outlets back each of its terms, recall how
// many of the widely shared terms it carries.
func headlineScore(d *doc, terms map[string]bool, docs []*doc, leads []map[string]bool, consensus map[string]bool) float64 {
	if len(terms) == 0 {
		return 0
	}
	others := 0
	for _, o := range docs {
		if o.outlet != d.outlet {
			others++
		}
	}
	var backed float64
	hits := 0
	for t := range terms {
		if others > 0 {
			n := 0
			for i, o := range docs {
				if o.outlet != d.outlet && leads[i][t] {
					n++
				}
			}
			backed += float64(n) / float64(others)
		}
		if consensus[t] {
			hits++
		}
	}
	p := backed / float64(len(terms))
	if others == 0 {
		p = 1
	}
	r := 1.0
	if len(consensus) > 0 {
		r = float64(hits) / float64(len(consensus))
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	penalty := 0.1 * float64(sensational(d.art.Title))
	if misattributes(d, docs) {
		penalty += 0.5
	}
	return f - penalty
}

// possession is "Putin's proposal": whose (an entity key) and what (a
// noun, proposals folded to one class).
type possession struct{ owner, thing string }

// proposalNouns are one thing for possession: whose offer it was.
var proposalNouns = setOf(`offer offers proposal proposals plan plans invitation initiative idea demand demands call`)

// possessions lists the "Name's thing" phrases of a text.
func possessions(text string, d *doc) []possession {
	var out []possession
	for _, f := range d.surface {
		for _, apos := range []string{"'s ", "’s "} {
			from := 0
			for {
				i := strings.Index(text[from:], f.form+apos)
				if i < 0 {
					break
				}
				at := from + i + len(f.form) + len(apos)
				from = at
				if ws := lexWords(text[at:]); len(ws) > 0 {
					thing := ws[0]
					if proposalNouns[thing] {
						thing = "proposal"
					}
					out = append(out, possession{f.key, thing})
				}
			}
		}
	}
	return out
}

// misattributes: the headline gives a thing to an owner ("Trump's offer")
// that no article of the story gives it to, while they give it to
// someone else ("Putin's proposal").
func misattributes(d *doc, docs []*doc) bool {
	for _, p := range possessions(d.art.Title, d) {
		same, other := false, false
		for _, o := range docs {
			for _, s := range o.sents {
				for _, q := range possessions(s.text, o) {
					if q.thing != p.thing {
						continue
					}
					same = same || q.owner == p.owner
					other = other || q.owner != p.owner
				}
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}

// headlineTerms are the entity keys and content stems of the headline.
func headlineTerms(d *doc) map[string]bool {
	if d.headline == nil {
		d.headline = termsOf(d.art.Title, d)
	}
	return d.headline
}

// leadTerms are the terms of an article's headline and first sentences.
func leadTerms(d *doc) map[string]bool {
	out := termsOf(d.art.Title, d)
	for i, s := range d.sents {
		if i == leadSentences {
			break
		}
		for t := range termsOf(s.text, d) {
			out[t] = true
		}
	}
	return out
}

func termsOf(text string, d *doc) map[string]bool {
	keys, rest := findNames(text, d.surface)
	out := make(map[string]bool)
	for k := range keys {
		out["@"+k] = true
	}
	for _, w := range contentWords(strings.ToLower(rest)) {
		out[w] = true
	}
	return out
}

// sharedTerms are the terms at least half the outlets (two or more) lead
// with.
func sharedTerms(docs []*doc, leads []map[string]bool) map[string]bool {
	byOutlet := make(map[string]map[string]bool)
	for i, d := range docs {
		if byOutlet[d.outlet] == nil {
			byOutlet[d.outlet] = make(map[string]bool)
		}
		for t := range leads[i] {
			byOutlet[d.outlet][t] = true
		}
	}
	count := make(map[string]int)
	for _, ts := range byOutlet {
		for t := range ts {
			count[t]++
		}
	}
	need := max(2, (len(byOutlet)+1)/2)
	out := make(map[string]bool)
	for t, n := range count {
		if n >= need {
			out[t] = true
		}
	}
	return out
}

// sensational counts what a neutral headline does without: words shouted
// in capitals, words in quotation marks, exclamation marks.
func sensational(title string) int {
	n := strings.Count(title, "!")
	for _, w := range rawWords(title) {
		if len([]rune(w)) >= 4 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n + len(quotedInTitle.FindAllString(title, -1))
}

// quotedInTitle matches words set in quotation marks ('BLOODBATH'), not
// apostrophes ("Trump's").
var quotedInTitle = regexp.MustCompile(`(^|\s)['‘"“][^'‘’"“”]+['’"”]`)
