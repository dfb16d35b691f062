package extract

import (
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
	origin := make([]int32, g.n) // group -> first kept line holding it, -1 when none
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
				origin[gid] = int32(k)
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
// is the group of line k's j-th shingle, n the number of groups.
type shingleGroups struct {
	of [][]int32
	n  int
}

// groupShingles numbers the shingles through an open-addressing table of
// two flat arrays: what a map would do, without a bucket per shingle for
// the collector to sweep.
func groupShingles(sh [][]uint64) shingleGroups {
	total := 0
	for _, hs := range sh {
		total += len(hs)
	}
	size := 16
	for size < 2*total {
		size *= 2
	}
	keys, ids := make([]uint64, size), make([]int32, size) // ids hold group+1, 0 when free
	g := shingleGroups{of: make([][]int32, len(sh))}
	flat := make([]int32, total)
	at := 0
	for k, hs := range sh {
		for j, h := range hs {
			slot := int((h * 0x9E3779B97F4A7C15) >> 32 & uint64(size-1))
			for ids[slot] != 0 && keys[slot] != h {
				slot = (slot + 1) & (size - 1)
			}
			if ids[slot] == 0 {
				g.n++
				keys[slot], ids[slot] = h, int32(g.n)
			}
			flat[at+j] = ids[slot] - 1
		}
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
	start, lines []int32
}

func newPostings(g shingleGroups, kept []int) postings {
	p := postings{start: make([]int32, g.n+1)}
	for _, k := range kept {
		for _, gid := range g.of[k] {
			p.start[gid+1]++
		}
	}
	for i := 1; i <= g.n; i++ {
		p.start[i] += p.start[i-1]
	}
	p.lines = make([]int32, p.start[g.n])
	fill := slices.Clone(p.start[:g.n])
	for n, k := range kept {
		for _, gid := range g.of[k] {
			p.lines[fill[gid]] = int32(n)
			fill[gid]++
		}
	}
	return p
}

func (p postings) of(gid int32) []int32 { return p.lines[p.start[gid]:p.start[gid+1]] }

// restatedLater reports whether one kept line after kept[n], longer than
// it, holds most of its shingles. hits is scratch space, all zero, as
// long as kept, and left all zero.
func restatedLater(of [][]int32, kept []int, post postings, n int, hits []int) bool {
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
		for _, m32 := range holders {
			if m := int(m32); m > n && 2*len(of[kept[m]]) >= 3*len(own) {
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
func (p *page) isLaterCopy(i int, gids []int32, origin []int32) bool {
	var from []int32 // the distinct earlier lines it draws on, up to three
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
	words := strings.Count(key, " ") + 1
	if key == "" || words < 4 {
		return []uint64{}
	}
	out := make([]uint64, 0, words-3)
	var starts [4]int // the last four words' starts, as a ring
	n := 0
	for i := 0; ; {
		starts[n%4] = i
		n++
		j := strings.IndexByte(key[i:], ' ')
		end := len(key)
		if j >= 0 {
			end = i + j
		}
		if n >= 4 {
			out = append(out, fnvSpaced(key[starts[(n-4)%4]:end]))
		}
		if j < 0 {
			return out
		}
		i = end + 1
	}
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
