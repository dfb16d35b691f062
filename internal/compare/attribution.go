package compare

import (
	"strings"

	"parallax/internal/model"
)

// attributionConflicts turns quotations whose articles name different
// speakers into discrepancies of kind "attribution".
func attributionConflicts(docs []*doc, quotes []model.QuoteGroup) []model.Discrepancy {
	out := []model.Discrepancy{}
	byID := make(map[int64]*doc, len(docs))
	for _, d := range docs {
		byID[d.art.ID] = d
	}
	for _, g := range quotes {
		if len(g.Speakers) < 2 {
			continue
		}
		d := model.Discrepancy{Kind: "attribution", Subject: shorten(g.Text, 14)}
		used := make(map[int64]int) // article → sides it is on
		words := make(map[string][]string)
		for _, sp := range g.Speakers {
			v := model.DiscrepancyValue{Value: sp}
			for _, id := range g.ArticleIDs {
				if s, q := quoteSentence(byID[id], g, sp); s != nil {
					v.ArticleIDs = append(v.ArticleIDs, id)
					v.Sentences = append(v.Sentences, sentenceOf(s))
					used[id]++
					words[sp] = append(words[sp], q)
				}
			}
			if len(v.ArticleIDs) > 0 {
				d.Values = append(d.Values, v)
			}
		}
		d.Values = unmixed(d.Values)
		if len(d.Values) >= 2 && disjoint(used) && distinctPeople(d.Values) && oneQuotation(d.Values, words) {
			out = append(out, d)
		}
	}
	return out
}

// unmixed drops the sentences that name another side's speaker too: there
// the article may well give the words to that other person.
func unmixed(vs []model.DiscrepancyValue) []model.DiscrepancyValue {
	var out []model.DiscrepancyValue
	for i, v := range vs {
		kept := model.DiscrepancyValue{Value: v.Value}
		for k, s := range v.Sentences {
			if !namesOther(s.Text, vs, i) {
				kept.ArticleIDs = append(kept.ArticleIDs, v.ArticleIDs[k])
				kept.Sentences = append(kept.Sentences, s)
			}
		}
		if len(kept.ArticleIDs) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// namesOther reports a sentence naming the speaker of a side other than i
// (by the last word of the name, the surname).
func namesOther(text string, vs []model.DiscrepancyValue, i int) bool {
	for j, v := range vs {
		f := strings.Fields(v.Value)
		if j != i && len(f) > 0 && indexWord(text, f[len(f)-1]) >= 0 {
			return true
		}
	}
	return false
}

// disjoint: no article gives the quotation to two speakers (then it is
// the article that is unclear, not the outlets that disagree).
func disjoint(used map[int64]int) bool {
	for _, n := range used {
		if n > 1 {
			return false
		}
	}
	return true
}

// distinctPeople: the speakers share no name word ("Jesse Jackson Jr" and
// "Jesse L. Jackson Jr" are one man spelt twice).
func distinctPeople(vs []model.DiscrepancyValue) bool {
	seen := make(map[string]int)
	for i, v := range vs {
		for _, w := range lexWords(v.Value) {
			if j, ok := seen[w]; ok && j != i && len(w) > 2 {
				return false
			}
			seen[w] = i
		}
	}
	return true
}

// quoteSentence finds the sentence of an article where it gives one of the
// group's wordings to a person named in that very sentence or paragraph:
// a quotation given through a pronoun ("he added") is the enrichment's
// reading, too weak to set outlets against each other.
func quoteSentence(d *doc, g model.QuoteGroup, speaker string) (*sent, string) {
	if d == nil {
		return nil, ""
	}
	for _, q := range d.enr.Quotes {
		if q.Speaker != speaker || q.SpeakerKey == "" || !inGroup(q.Text, g) || !isPerson(d, q.SpeakerKey) {
			continue
		}
		head := strings.Join(strings.Fields(q.Text)[:min(4, len(strings.Fields(q.Text)))], " ")
		if s := sentenceFor(d, q.Paragraph, "", head); s != nil && s.keys[q.SpeakerKey] && saysNear(s.text, speaker) {
			return s, q.Text
		}
	}
	return nil, ""
}

// oneQuotation: every two sides give wordings that share at least half
// the words of the shorter, so the finding is one quotation given to two
// people, not two quotations a group happened to join.
func oneQuotation(vs []model.DiscrepancyValue, texts map[string][]string) bool {
	for i, a := range vs {
		for _, b := range vs[i+1:] {
			if !anyOverlap(texts[a.Value], texts[b.Value]) {
				return false
			}
		}
	}
	return true
}

func anyOverlap(as, bs []string) bool {
	for _, a := range as {
		for _, b := range bs {
			if wordOverlap(a, b) >= 0.5 {
				return true
			}
		}
	}
	return false
}

// wordOverlap is the share of the shorter text's distinct words the other
// text uses too.
func wordOverlap(a, b string) float64 {
	wa, wb := setOf(strings.Join(lexWords(a), " ")), setOf(strings.Join(lexWords(b), " "))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return 0
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// speechVerbs introduce what someone said.
var speechVerbs = setOf("said says say told tells wrote writes asked added adds stated declared tweeted posted according")

// saysNear reports the speaker's surname within three words of a speech
// verb: "Gibbs said", "said Mr. Gibbs", "according to Gibbs".
func saysNear(text, speaker string) bool {
	f := strings.Fields(speaker)
	if len(f) == 0 {
		return false
	}
	surname := strings.ToLower(f[len(f)-1])
	ws := lexWords(text)
	for i, w := range ws {
		if w != surname {
			continue
		}
		for j := max(0, i-3); j <= min(len(ws)-1, i+3); j++ {
			if speechVerbs[ws[j]] {
				return true
			}
		}
	}
	return false
}

func isPerson(d *doc, key string) bool {
	for _, e := range d.enr.Entities {
		if e.Key == key {
			return e.Type == model.Person
		}
	}
	return false
}

// inGroup reports whether text is one of the group's wordings, punctuation
// and case aside.
func inGroup(text string, g model.QuoteGroup) bool {
	k := strings.Join(keys(tokenize(text)), " ")
	for _, v := range g.Variants {
		if strings.Join(keys(tokenize(v.Text)), " ") == k {
			return true
		}
	}
	return false
}

// shorten keeps the first n words of s, marking a cut with "…".
func shorten(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " …"
}
