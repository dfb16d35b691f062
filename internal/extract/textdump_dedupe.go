package extract

import (
	"cmp"
	"slices"
	"strings"
)

// Pages repeat text: a standfirst that the first paragraph restates, an
// embedded post quoting a line the article already quoted, a caption shown
// twice, a machine-readable copy of the whole article further down. These
// rules keep one copy, judged by 4-word shingles.

const (
	dupShare    = 0.7 // share of a line's shingles that makes it a copy
	maxPostings = 8   // lines holding one shingle beyond which it is a stock phrase
)

// dedupe drops from keep (line indexes in page order) the lines whose text
// the article already has: later copies of earlier text, then earlier
// lines that a single later, longer line restates.
func (p *page) dedupe(keep []int) []int {
	sh := make([][]uint64, len(keep))
	for k, i := range keep {
		sh[k] = p.lineShingles(i)
	}
	g := groupShingles(sh)
	origin := make([]int, g.n) // group -> first kept line holding it, -1 when none
	for i := range origin {
		origin[i] = -1
	}
	var kept []int
	for k, i := range keep {
		if len(sh[k]) > 0 && p.isLaterCopy(i, g.of[k], origin) {
			continue
		}
		for _, gid := range g.of[k] {
			if origin[gid] < 0 {
				origin[gid] = k
			}
		}
		kept = append(kept, k)
	}
	post := newPostings(g, kept)
	hits := make([]int, len(kept))
	var out []int
	for n, k := range kept {
		if !restatedLater(g.of, kept, post, n, hits) {
			out = append(out, keep[k])
		}
	}
	return out
}

// shingleGroups numbers the distinct shingles of a set of lines: of[k][j]
// is the group of line k's j-th shingle, n the number of groups. Sorting
// the hashes does what a map would, with two flat arrays.
type shingleGroups struct {
	of [][]int
	n  int
}

func groupShingles(sh [][]uint64) shingleGroups {
	type occ struct {
		h   uint64
		pos int // index into the flat array of all shingles
	}
	var all []occ
	for _, hs := range sh {
		for _, h := range hs {
			all = append(all, occ{h, len(all)})
		}
	}
	g := shingleGroups{of: make([][]int, len(sh))}
	flat := make([]int, len(all))
	slices.SortFunc(all, func(a, b occ) int { return cmp.Compare(a.h, b.h) })
	for i, o := range all {
		if i > 0 && o.h != all[i-1].h {
			g.n++
		}
		flat[o.pos] = g.n
	}
	if len(all) > 0 {
		g.n++
	}
	at := 0
	for k, hs := range sh {
		g.of[k] = flat[at : at+len(hs) : at+len(hs)]
		at += len(hs)
	}
	return g
}

// postings lists, for each shingle group, the kept lines (by position in
// kept) that hold it, once per occurrence and in order, so finding a
// restating line stays linear: group gid's lines are lines[start[gid]:
// start[gid+1]].
type postings struct {
	start, lines []int
}

func newPostings(g shingleGroups, kept []int) postings {
	p := postings{start: make([]int, g.n+1)}
	for _, k := range kept {
		for _, gid := range g.of[k] {
			p.start[gid+1]++
		}
	}
	for i := 1; i <= g.n; i++ {
		p.start[i] += p.start[i-1]
	}
	p.lines = make([]int, p.start[g.n])
	fill := slices.Clone(p.start[:g.n])
	for n, k := range kept {
		for _, gid := range g.of[k] {
			p.lines[fill[gid]] = n
			fill[gid]++
		}
	}
	return p
}

func (p postings) of(gid int) []int { return p.lines[p.start[gid]:p.start[gid+1]] }

// restatedLater reports whether one kept line after kept[n], longer than
// it, holds most of its shingles. hits is scratch space, all zero, as
// long as kept, and left all zero.
func restatedLater(of [][]int, kept []int, post postings, n int, hits []int) bool {
	own := of[kept[n]]
	if len(own) == 0 {
		return false
	}
	var touched []int
	for _, gid := range own {
		holders := post.of(gid)
		if len(holders) > maxPostings {
			continue // a stock phrase many lines share says nothing
		}
		for _, m := range holders {
			if m > n && 2*len(of[kept[m]]) >= 3*len(own) {
				if hits[m] == 0 {
					touched = append(touched, m)
				}
				hits[m]++
			}
		}
	}
	restated := false
	for _, m := range touched {
		restated = restated || float64(hits[m]) >= dupShare*float64(len(own))
		hits[m] = 0
	}
	return restated
}

// isLaterCopy reports a line whose shingles the kept lines before it
// already hold, and which is either cut short with an ellipsis (an embedded
// post quoting the article) or stitched from three or more earlier lines (a
// machine-readable copy of the article). Lines that merely resemble one
// earlier line stay: lists and recipes repeat items on purpose. gids are
// the line's shingle groups, origin the first kept line of each group.
func (p *page) isLaterCopy(i int, gids []int, origin []int) bool {
	var from []int // the distinct earlier lines it draws on, up to three
	covered := 0
	for _, gid := range gids {
		if k := origin[gid]; k >= 0 {
			covered++
			if len(from) < 3 && !slices.Contains(from, k) {
				from = append(from, k)
			}
		}
	}
	if float64(covered) < dupShare*float64(len(gids)) {
		return false
	}
	return endsTeaser(p.lines[i].text) || len(from) >= 3
}

// lineShingles returns the shingle hashes of line i, hashing each line
// once however often the rules ask.
func (p *page) lineShingles(i int) []uint64 {
	if p.shingles == nil {
		p.shingles = make([][]uint64, len(p.lines))
	}
	if p.shingles[i] == nil {
		p.shingles[i] = shingleHashes(p.lines[i].key)
	}
	return p.shingles[i]
}

// shingleHashes hashes the 4-word shingles of a line's key (FNV-1a over
// the four words, each followed by a space); lines under four words have
// none, so short lines are never judged copies.
func shingleHashes(key string) []uint64 {
	var starts []int // byte offset of each word, then len(key)+1
	for i := 0; i < len(key); {
		starts = append(starts, i)
		j := strings.IndexByte(key[i:], ' ')
		if j < 0 {
			break
		}
		i += j + 1
	}
	if len(starts) < 4 {
		return []uint64{}
	}
	starts = append(starts, len(key)+1)
	out := make([]uint64, 0, len(starts)-4)
	for w := 0; w+4 < len(starts); w++ {
		out = append(out, fnvSpaced(key[starts[w]:starts[w+4]-1]))
	}
	return out
}

// fnvSpaced is FNV-1a of s followed by a space: four words joined by
// single spaces hash as the words each followed by a space.
func fnvSpaced(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return (h ^ ' ') * prime
}
