package compare

import (
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

// contextWords open sentences that lean on the one before them.
var contextWords = setOf(`he she it they this that these those his her its their but and however
meanwhile also yet so still then there such instead besides moreover him them now if neither
both either others another true even`)

// briefable keeps claims that read well alone: a whole statement of
// moderate length, mostly in the outlet's voice, not leaning on context.
func briefable(r rankedClaim) bool {
	t := r.rep.text
	n := len(strings.Fields(t))
	if n < 8 || n > 45 || strings.HasSuffix(strings.TrimRight(t, `"'”’`), "?") {
		return false
	}
	if first := lexWords(t); len(first) == 0 || contextWords[first[0]] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); quoteMarks[r] != 0 || r == '”' || r == '\'' || r == '‘' {
		return false // a quotation reads as one voice, not as the story
	}
	return balancedQuotes(t) && len(strings.Fields(r.rep.bare)) >= n/2
}

// balancedQuotes rejects a piece of a quotation cut off by the sentence
// splitter: an odd number of straight double quotes, or curly ones that do
// not pair.
func balancedQuotes(t string) bool {
	return strings.Count(t, `"`)%2 == 0 && strings.Count(t, "“") == strings.Count(t, "”")
}

// brief picks at most five claims, preferring those most outlets share and
// those near the top of articles, skipping repeats; they read in the order
// the articles tell them.
func brief(claims []rankedClaim, _ []*sent) []model.SummarySentence {
	cands := make([]rankedClaim, 0, len(claims))
	for _, r := range claims {
		if briefable(r) {
			cands = append(cands, r)
		}
	}
	score := func(r rankedClaim) float64 {
		return 2*float64(len(r.c.Outlets)) + 0.5*float64(len(r.c.ArticleIDs)) + (1 - r.pos)
	}
	sort.SliceStable(cands, func(i, j int) bool { return score(cands[i]) > score(cands[j]) })
	var picked []rankedClaim
	for _, r := range cands {
		if len(picked) == briefLen {
			break
		}
		if !repeats(r, picked) {
			picked = append(picked, r)
		}
	}
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].pos < picked[j].pos })
	out := make([]model.SummarySentence, 0, len(picked))
	for _, r := range picked {
		out = append(out, model.SummarySentence{Text: r.c.Text, ArticleIDs: r.c.ArticleIDs, Outlets: r.c.Outlets})
	}
	return out
}

func repeats(r rankedClaim, picked []rankedClaim) bool {
	for _, p := range picked {
		if cosine(r.rep, p.rep) >= briefOverlap {
			return true
		}
	}
	return false
}
