package compare

import (
	"sort"
	"strings"

	"parallax/internal/model"
)

const (
	// claimSim is the cosine at which two sentences state the same fact,
	// provided their predicates (words other than names and titles) agree
	// to predSim: sharing who without sharing what is not one claim.
	claimSim = 0.28
	predSim  = 0.22
	// nearSim and nearPred mark a sentence that another outlet nearly
	// states too: too loose to share a claim, too close to call the claim
	// exclusive, so such a lone sentence is left out of the claims.
	nearSim  = 0.17
	nearPred = 0.12
	// claimLink is the mean similarity two groups need to merge, so that a
	// group does not drift through a chain of loosely related sentences.
	claimLink = 0.24
)

// pair is two sentences of different articles and their similarity.
type pair struct {
	a, b int // indices into the sentence list
	sim  float64
}

// claimGroup is one claim under construction.
type claimGroup struct {
	members []int // sentence indices
	arts    map[int]bool
}

// isStatement keeps sentences that can carry a fact: long enough, with
// content words, and not a bare heading.
func isStatement(s *sent) bool {
	t := strings.TrimSpace(s.text)
	if len(strings.Fields(t)) < 6 || len(s.vec) < 3 {
		return false
	}
	last := strings.TrimRight(t, `"'”’)»`)
	return strings.HasSuffix(last, ".") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?") || strings.HasSuffix(last, "…")
}

// statements lists every statement sentence of the story in article order.
func statements(docs []*doc) []*sent {
	var out []*sent
	for _, d := range docs {
		for _, s := range d.sents {
			if isStatement(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// similarPairs finds every pair of sentences from different articles whose
// similarity reaches min, through an index of their terms. Terms in more
// than a third of the sentences are left out of the index: they bring every
// pair as a candidate yet decide none.
func similarPairs(ss []*sent, min float64) []pair {
	index := make(map[int32][]int)
	for i, s := range ss {
		for _, t := range s.sparse.ids {
			index[t] = append(index[t], i)
		}
	}
	common := len(ss)/3 + 2
	var out []pair
	seen := make([]int, len(ss)) // seen[j] == i+1: j already a candidate of i
	var cands []int
	for i, s := range ss {
		cands = cands[:0]
		for _, t := range s.sparse.ids {
			if len(index[t]) > common {
				continue
			}
			for _, j := range index[t] {
				if j > i && seen[j] != i+1 && ss[j].doc != s.doc {
					seen[j] = i + 1
					cands = append(cands, j)
				}
			}
		}
		for _, j := range cands {
			if sim := cosine(s, ss[j]); sim >= min {
				out = append(out, pair{i, j, sim})
			}
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].sim != out[y].sim {
			return out[x].sim > out[y].sim
		}
		if out[x].a != out[y].a {
			return out[x].a < out[y].a
		}
		return out[x].b < out[y].b
	})
	return out
}

// groupClaims merges the closest pairs first; a group holds at most one
// sentence per article and merges only when its members agree on average.
func groupClaims(ss []*sent, pairs []pair) [][]int {
	sims := make(map[[2]int]float64, len(pairs))
	for _, p := range pairs {
		sims[[2]int{p.a, p.b}] = p.sim
	}
	owner := make([]*claimGroup, len(ss))
	for i, s := range ss {
		owner[i] = &claimGroup{members: []int{i}, arts: map[int]bool{s.doc.idx: true}}
	}
	for _, p := range pairs {
		ga, gb := owner[p.a], owner[p.b]
		if ga == gb || p.sim < claimSim || overlaps(ga, gb) || predicateCosine(ss[p.a], ss[p.b]) < predSim ||
			meanLink(ga, gb, sims) < claimLink {
			continue
		}
		ga.members = append(ga.members, gb.members...)
		for a := range gb.arts {
			ga.arts[a] = true
		}
		for _, m := range gb.members {
			owner[m] = ga
		}
	}
	var out [][]int
	seen := make(map[*claimGroup]bool)
	for i := range ss {
		g := owner[i]
		if seen[g] {
			continue
		}
		seen[g] = true
		sort.Ints(g.members)
		out = append(out, g.members)
	}
	return out
}

func overlaps(a, b *claimGroup) bool {
	for x := range a.arts {
		if b.arts[x] {
			return true
		}
	}
	return false
}

func meanLink(a, b *claimGroup, sims map[[2]int]float64) float64 {
	var sum float64
	for _, x := range a.members {
		for _, y := range b.members {
			if x > y {
				x, y = y, x
			}
			sum += sims[[2]int{x, y}]
		}
	}
	return sum / float64(len(a.members)*len(b.members))
}

// rankedClaim is a claim with what the brief needs to choose among them.
type rankedClaim struct {
	c   model.Claim
	rep *sent   // the representative sentence
	pos float64 // mean position of its sentences in their articles
	// members are the claim's sentences, as indices into the statements.
	members []int
}

// nearlyShared lists the sentences that some other outlet's sentence
// nearly matches.
func nearlyShared(ss []*sent, pairs []pair) map[int]bool {
	out := make(map[int]bool)
	for _, p := range pairs {
		a, b := ss[p.a], ss[p.b]
		if p.sim >= nearSim && a.doc.outlet != b.doc.outlet && predicateCosine(a, b) >= nearPred {
			out[p.a], out[p.b] = true, true
		}
	}
	return out
}

// claimsOf turns the groups into claims, shared ones first. A lone
// sentence that another outlet nearly states is dropped: it is neither
// surely shared nor surely exclusive.
func claimsOf(ss []*sent, groups [][]int, sims map[[2]int]float64, near map[int]bool) []rankedClaim {
	rs := make([]rankedClaim, 0, len(groups))
	for _, g := range groups {
		if len(g) == 1 && near[g[0]] {
			continue
		}
		var c model.Claim
		var pos float64
		for _, m := range g {
			s := ss[m]
			c.Sentences = append(c.Sentences, sentenceOf(s))
			pos += relPos(s)
		}
		rep := ss[medoid(g, sims)]
		c.Text = rep.text
		c.ArticleIDs, c.Outlets = citeSentences(c.Sentences)
		rs = append(rs, rankedClaim{c: c, rep: rep, pos: pos / float64(len(g)), members: g})
	}
	rankClaims(rs)
	return rs
}

// rankClaims puts the claims more outlets and articles state first, then
// those nearer the top of their articles.
func rankClaims(rs []rankedClaim) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if len(a.c.Outlets) != len(b.c.Outlets) {
			return len(a.c.Outlets) > len(b.c.Outlets)
		}
		if len(a.c.ArticleIDs) != len(b.c.ArticleIDs) {
			return len(a.c.ArticleIDs) > len(b.c.ArticleIDs)
		}
		return a.pos < b.pos
	})
}

// relPos is how far into its article a sentence stands, 0 to 1: leads
// carry the news.
func relPos(s *sent) float64 {
	if n := len(s.doc.sents); n > 1 {
		return float64(s.pos) / float64(n-1)
	}
	return 0
}

// medoid is the member most similar to the others: the wording that best
// stands for the group. Ties go to the earliest sentence.
func medoid(g []int, sims map[[2]int]float64) int {
	best, bestSum := g[0], -1.0
	for _, x := range g {
		var sum float64
		for _, y := range g {
			a, b := x, y
			if a > b {
				a, b = b, a
			}
			sum += sims[[2]int{a, b}]
		}
		if sum > bestSum {
			best, bestSum = x, sum
		}
	}
	return best
}

func sentenceOf(s *sent) model.Sentence {
	return model.Sentence{ArticleID: s.doc.art.ID, Outlet: s.doc.outlet, Text: s.text}
}

// citeSentences lists the sorted article IDs and outlets behind sentences.
func citeSentences(ss []model.Sentence) ([]int64, []string) {
	ids := make(map[int64]bool)
	outlets := make(map[string]bool)
	for _, s := range ss {
		ids[s.ArticleID] = true
		outlets[s.Outlet] = true
	}
	return sortedIDs(ids), sortedStrings(outlets)
}

func sortedIDs(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func sortedStrings(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
