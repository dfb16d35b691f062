package compare

import (
	"parallax/internal/model"
)

// Build compares the story's articles, every one counted as independent.
func Build(s model.Story, arts []model.Article) model.Report {
	return BuildWith(s, arts, Options{})
}

// BuildWith compares the story's articles, leaving out near-duplicates named
// in opt. The report is deterministic: the same articles in any order give
// the same report. Every slice is non-nil.
func BuildWith(s model.Story, arts []model.Article, opt Options) model.Report {
	chosen, some := Select(arts, opt.Duplicates)
	docs := prepare(chosen)
	ss := statements(docs)
	pairs := similarPairs(ss, pairFloor)
	sims := make(map[[2]int]float64, len(pairs))
	for _, p := range pairs {
		sims[[2]int{p.a, p.b}] = p.sim
	}
	ranked := claimsOf(ss, groupClaims(ss, pairs), sims, nearlyShared(ss, pairs))
	cv := newCoverer(docs)
	coverClaims(ranked, ss, docs, cv)
	quotes := buildQuotes(docs)
	discs := discrepancies(docs, ss, pairs, quotes)
	summary := brief(ranked, ss, newBriefContext(docs, cv, discs))
	rankClaims(ranked)
	claims := make([]model.Claim, len(ranked))
	for i, r := range ranked {
		claims[i] = r.c
	}
	title, others := headlines(docs)
	return model.Report{
		StoryID:       s.ID,
		Title:         title,
		Headlines:     others,
		Claims:        claims,
		Quotes:        quotes,
		Discrepancies: discs,
		Framing:       framing(docs, ss),
		Timeline:      timeline(docs),
		Summary:       summary,
		Compared:      comparedIDs(chosen, some),
	}
}

// comparedIDs lists the compared articles when some were left out.
func comparedIDs(chosen []model.Article, some bool) []int64 {
	if !some {
		return nil
	}
	out := make([]int64, len(chosen))
	for i, a := range chosen {
		out[i] = a.ID
	}
	return out
}

// pairFloor is the least similarity worth keeping a pair for: discrepancy
// rules look at sentences that share a subject but differ in a value,
// which lowers their similarity below claimSim.
const pairFloor = 0.15
