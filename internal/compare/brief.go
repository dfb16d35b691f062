package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"parallax/internal/model"
)

const (
	briefLen = 5
	// briefOverlap is the similarity above which a candidate repeats a
	// sentence already in the brief.
	briefOverlap = 0.3
)

// briefCand is a claim with the wording the brief would use for it.
type briefCand struct {
	r    rankedClaim
	s    *sent  // the member sentence that reads alone
	text string // its text without a dateline
}

// briefable keeps sentences that read well alone: a whole statement of
// moderate length, mostly in the outlet's voice, not leaning on context
// and not a piece of a longer quotation.
func briefable(s *sent) (string, bool) {
	t := stripDateline(s.text)
	n := len(strings.Fields(t))
	if n < 8 || n > 45 || strings.HasSuffix(strings.TrimRight(t, `"'”’`), "?") {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(t); quoteMarks[r] != 0 || r == '”' || r == '\'' || r == '‘' {
		return "", false // a quotation reads as one voice, not as the story
	}
	if !balancedQuotes(t) || len(strings.Fields(stripQuoted(t))) < n/2 {
		return "", false
	}
	if !standsAlone(t, s.doc.surface) || insideQuotation(s) || continuesSpeech(s) || refersBack(s) {
		return "", false
	}
	return t, true
}

// balancedQuotes rejects a piece of a quotation cut off by the sentence
// splitter: an odd number of straight double quotes, or curly ones that do
// not pair.
func balancedQuotes(t string) bool {
	return strings.Count(t, `"`)%2 == 0 && strings.Count(t, "“") == strings.Count(t, "”")
}

// insideQuotation: the sentence is one sentence of a longer quotation
// whose marks stand in the sentences around it.
func insideQuotation(s *sent) bool {
	core := strings.TrimSpace(strings.Trim(s.text, `"“”'‘’ `))
	if len(strings.Fields(core)) < 4 {
		return false
	}
	for _, q := range s.doc.enr.Quotes {
		if len(q.Text) > len(core) && strings.Contains(q.Text, core) {
			return true
		}
	}
	return false
}

// continuesSpeech: the sentence before, in the same paragraph, ends on a
// speaker named only by a pronoun ("Both parties are to blame, he said."),
// so this one most likely goes on reporting what that speaker said.
func continuesSpeech(s *sent) bool {
	if s.pos == 0 {
		return false
	}
	prev := s.doc.sents[s.pos-1]
	if prev.para != s.para {
		return false
	}
	ws := lexWords(prev.text)
	if len(ws) < 2 {
		return false
	}
	a, b := ws[len(ws)-2], ws[len(ws)-1]
	return thirdPerson[a] && pronounSpeechVerbs[b] || pronounSpeechVerbs[a] && thirdPerson[b]
}

// refersBack: the sentence speaks of "the law" or "the ad" that one of
// the two sentences before it introduced, so it is only clear after them.
// "The X of…", "the X that…" say which X themselves, and an X the
// article's title or lead names is the story's own subject.
func refersBack(s *sent) bool {
	if s.pos < 2 {
		return false
	}
	ws := rawWords(stripQuoted(s.text))
	for i := 0; i+1 < len(ws); i++ {
		if !strings.EqualFold(ws[i], "the") || isCapital(ws[i+1]) || len(ws[i+1]) < 3 {
			continue
		}
		if i+2 < len(ws) && restrictiveNext[strings.ToLower(ws[i+2])] {
			continue
		}
		w := strings.ToLower(ws[i+1])
		if stopwords[w] {
			continue
		}
		st := stem(w)
		if hasStem(s.doc.sents[s.pos-2:s.pos], st) && !hasStem(s.doc.sents[:1], st) && !hasStem(nil, st, s.doc.art.Title) {
			return true
		}
	}
	return false
}

// restrictiveNext follow a noun and say which one is meant.
var restrictiveNext = setOf(`of that who which whose for to`)

// hasStem: one of the sentences, or of the texts, has the stem.
func hasStem(ss []*sent, st string, texts ...string) bool {
	for _, e := range ss {
		if slices.Contains(e.words, st) {
			return true
		}
	}
	for _, t := range texts {
		if slices.Contains(contentWords(t), st) {
			return true
		}
	}
	return false
}

// briefWording picks the claim's wording for the brief: its
// representative sentence if that reads alone, else the first other member
// that does.
func briefWording(r rankedClaim, ss []*sent) (briefCand, bool) {
	order := []*sent{r.rep}
	for _, m := range r.members {
		if ss[m] != r.rep {
			order = append(order, ss[m])
		}
	}
	for _, s := range order {
		if t, ok := briefable(s); ok {
			return briefCand{r: r, s: s, text: t}, true
		}
	}
	return briefCand{}, false
}

// brief picks at most five claims, preferring those most outlets share and
// those near the top of articles, skipping repeats; they read in the order
// the articles tell them, each citing every article that states it.
func brief(claims []rankedClaim, ss []*sent, pairs []pair) []model.SummarySentence {
	score := func(r rankedClaim) float64 {
		return 2*float64(len(r.c.Outlets)) + 0.5*float64(len(r.c.ArticleIDs)) + (1 - r.pos)
	}
	order := append([]rankedClaim(nil), claims...)
	sort.SliceStable(order, func(i, j int) bool { return score(order[i]) > score(order[j]) })
	var picked []briefCand
	for _, r := range order {
		if len(picked) == briefLen {
			break
		}
		c, ok := briefWording(r, ss)
		if ok && !repeats(c, picked) {
			picked = append(picked, c)
		}
	}
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].r.pos < picked[j].r.pos })
	out := make([]model.SummarySentence, 0, len(picked))
	for _, c := range picked {
		ids, outlets := supporters(c, ss, pairs)
		out = append(out, model.SummarySentence{Text: c.text, ArticleIDs: ids, Outlets: outlets})
	}
	return out
}

// supporters are the claim's articles and outlets, with any other article
// whose sentence states the brief's wording as closely as a claim's
// members do: grouping keeps one sentence per article and so can leave a
// supporting article out of the claim.
func supporters(c briefCand, ss []*sent, pairs []pair) ([]int64, []string) {
	sents := append([]model.Sentence(nil), c.r.c.Sentences...)
	for _, p := range pairs {
		if p.sim < claimSim {
			break // pairs are sorted by similarity, highest first
		}
		a, b := ss[p.a], ss[p.b]
		if b == c.s {
			a, b = b, a
		}
		if a == c.s && predicateCosine(a, b) >= predSim {
			sents = append(sents, sentenceOf(b))
		}
	}
	return citeSentences(sents)
}

func repeats(c briefCand, picked []briefCand) bool {
	for _, p := range picked {
		if cosine(c.s, p.s) >= briefOverlap {
			return true
		}
	}
	return false
}
