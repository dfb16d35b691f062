package extract

import (
	"hash/fnv"
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
		sh[k] = shingleHashes(p.lines[i].key)
	}
	origin := make(map[uint64]int) // shingle -> first kept line holding it
	var kept []int
	for k, i := range keep {
		if len(sh[k]) > 0 && p.isLaterCopy(i, sh[k], origin) {
			continue
		}
		for _, h := range sh[k] {
			if _, ok := origin[h]; !ok {
				origin[h] = k
			}
		}
		kept = append(kept, k)
	}
	// postings maps each shingle to the kept lines (by position in kept)
	// that hold it, so finding a restating line stays linear.
	postings := make(map[uint64][]int)
	for n, k := range kept {
		for _, h := range sh[k] {
			postings[h] = append(postings[h], n)
		}
	}
	var out []int
	for n, k := range kept {
		if !restatedLater(sh, kept, postings, n) {
			out = append(out, keep[k])
		}
	}
	return out
}

// restatedLater reports whether one kept line after kept[n], longer than
// it, holds most of its shingles.
func restatedLater(sh [][]uint64, kept []int, postings map[uint64][]int, n int) bool {
	own := sh[kept[n]]
	if len(own) == 0 {
		return false
	}
	hits := make(map[int]int)
	for _, h := range own {
		if len(postings[h]) > maxPostings {
			continue // a stock phrase many lines share says nothing
		}
		for _, m := range postings[h] {
			if m > n && 2*len(sh[kept[m]]) >= 3*len(own) {
				hits[m]++
			}
		}
	}
	for _, c := range hits {
		if float64(c) >= dupShare*float64(len(own)) {
			return true
		}
	}
	return false
}

// isLaterCopy reports a line whose shingles the kept lines before it
// already hold, and which is either cut short with an ellipsis (an embedded
// post quoting the article) or stitched from three or more earlier lines (a
// machine-readable copy of the article). Lines that merely resemble one
// earlier line stay: lists and recipes repeat items on purpose.
func (p *page) isLaterCopy(i int, hs []uint64, origin map[uint64]int) bool {
	from := make(map[int]bool)
	covered := 0
	for _, h := range hs {
		if k, ok := origin[h]; ok {
			covered++
			from[k] = true
		}
	}
	if float64(covered) < dupShare*float64(len(hs)) {
		return false
	}
	return endsTeaser(p.lines[i].text) || len(from) >= 3
}

// shingleHashes hashes the 4-word shingles of a line's key; lines under
// four words have none, so short lines are never judged copies.
func shingleHashes(key string) []uint64 {
	ws := strings.Fields(key)
	if len(ws) < 4 {
		return nil
	}
	out := make([]uint64, 0, len(ws)-3)
	for i := 0; i+4 <= len(ws); i++ {
		h := fnv.New64a()
		for _, w := range ws[i : i+4] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		out = append(out, h.Sum64())
	}
	return out
}
