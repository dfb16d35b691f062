package compare

import "math/bits"

// Finding where a short wording (a quotation) best fits in a longer one
// is the inner loop of quote grouping and of looking for quoted words in
// articles. Windows are bounded by the words they share with the short
// wording, counted as a multiset, before any is aligned.

// window is where a short wording best fits inside a longer one.
type window struct {
	shared int  // words shared in order
	run    int  // longest run of consecutive shared words
	edge   bool // the window starts or ends the longer wording
}

// bestWindow finds the window of long, a little longer than short (room for
// an inserted word), that shares the most words with short in order. A
// caller that rejects any window sharing fewer than need words gets the
// zero window instead of one it would reject.
func bestWindow(short, long []string, need int) window {
	ids, quota := matchIDs(short, long)
	return bestWindowIDs(short, long, ids, quota, need)
}

// matchIDs numbers short's distinct words: ids[i] is the number of
// long[i] (-1 when short lacks it), quota[k] how often short has word k.
func matchIDs(short, long []string) (ids, quota []int32) {
	num := make(map[string]int32, len(short))
	for _, k := range short {
		if _, ok := num[k]; !ok {
			num[k] = int32(len(quota))
			quota = append(quota, 0)
		}
		quota[num[k]]++
	}
	ids = make([]int32, len(long))
	for i, k := range long {
		if n, ok := num[k]; ok {
			ids[i] = n
		} else {
			ids[i] = -1
		}
	}
	return ids, quota
}

// bestWindowIDs is bestWindow given matchIDs. The best window is the same
// in any order of trying (most words shared, then the longest run, then an
// edge if any such window is one), so windows are tried from the highest
// bound down and the search stops when no window left can do better.
func bestWindowIDs(short, long []string, ids, quota []int32, need int) window {
	w := min(len(short)+len(short)/4, len(long))
	if sharedBound(ids, quota) < need {
		return window{}
	}
	byBound := windowsByBound(ids, quota, w, len(short), need)
	al := newAligner(short, ids, quota)
	var best window
	for bound := len(short); bound > 0 && bound >= best.shared; bound-- {
		for _, start := range byBound[bound] {
			edge := start == 0 || start+w == len(long)
			if bound == best.shared && best.run >= bound && (best.edge || !edge) {
				continue // it could at best tie
			}
			n := al.lcs(long, start, start+w)
			if n < best.shared {
				continue
			}
			cand := window{shared: n, run: al.run(long, start, start+w), edge: edge}
			if n > best.shared || cand.run > best.run || (cand.run == best.run && cand.edge && !best.edge) {
				best = cand
			}
		}
	}
	return best
}

// aligner aligns short against windows of long. Up to 64 words, the
// longest common subsequence is counted bit-parallel (Hyyrö's form of
// Allison and Dix), one machine word per window word, and runs over word
// numbers; longer wordings fall back to the string tables.
type aligner struct {
	short    []string
	ids      []int32  // long's words numbered as short's (matchIDs)
	shortIDs []int32  // short's own words numbered
	masks    []uint64 // masks[k]: where word k stands in short
	buf      []int
}

func newAligner(short []string, ids, quota []int32) *aligner {
	al := &aligner{short: short, ids: ids, buf: make([]int, 2*(len(short)+1))}
	if len(short) > 64 {
		return al
	}
	num := make(map[string]int32, len(quota))
	al.masks = make([]uint64, len(quota))
	for i, k := range short {
		n, ok := num[k]
		if !ok {
			n = int32(len(num))
			num[k] = n
		}
		al.shortIDs = append(al.shortIDs, n)
		al.masks[n] |= 1 << uint(i)
	}
	return al
}

// lcs is lcsLen(short, long[from:to]).
func (al *aligner) lcs(long []string, from, to int) int {
	if al.masks == nil {
		return lcsLen(al.short, long[from:to], al.buf)
	}
	v := ^uint64(0)
	for _, k := range al.ids[from:to] {
		if k >= 0 {
			u := v & al.masks[k]
			v = (v + u) | (v - u)
		}
	}
	m := len(al.short)
	low := ^uint64(0)
	if m < 64 {
		low = 1<<uint(m) - 1
	}
	return m - bits.OnesCount64(v&low)
}

// run is longestRun(short, long[from:to]).
func (al *aligner) run(long []string, from, to int) int {
	if al.masks == nil {
		return longestRun(al.short, long[from:to])
	}
	m := len(al.shortIDs)
	prev, cur := al.buf[:m+1], al.buf[m+1:2*(m+1)]
	clear(prev)
	best := 0
	for _, k := range al.ids[from:to] {
		cur[0] = 0
		for i, s := range al.shortIDs {
			cur[i+1] = 0
			if k >= 0 && s == k {
				cur[i+1] = prev[i] + 1
				best = max(best, cur[i+1])
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// sharedBound is how many words long shares with short at most, in any
// order: each word counted no more often than short has it.
func sharedBound(ids, quota []int32) int {
	cnt := make([]int32, len(quota))
	n := 0
	for _, k := range ids {
		if k >= 0 {
			if cnt[k]++; cnt[k] <= quota[k] {
				n++
			}
		}
	}
	return n
}

// windowsByBound lists the starts of the windows of w words by the bound
// on what each shares with short (sharedBound, kept as the window
// slides), leaving out those under need or sharing nothing.
func windowsByBound(ids, quota []int32, w, n, need int) [][]int {
	out := make([][]int, n+1)
	cnt := make([]int32, len(quota))
	inter := 0
	add := func(i int) {
		if k := ids[i]; k >= 0 {
			if cnt[k]++; cnt[k] <= quota[k] {
				inter++
			}
		}
	}
	drop := func(i int) {
		if k := ids[i]; k >= 0 {
			if cnt[k] <= quota[k] {
				inter--
			}
			cnt[k]--
		}
	}
	for i := range w {
		add(i)
	}
	for start := 0; start+w <= len(ids); start++ {
		if start > 0 {
			drop(start - 1)
			add(start + w - 1)
		}
		if inter > 0 && inter >= need {
			out[inter] = append(out[inter], start)
		}
	}
	return out
}

// atLeast is the least whole number of words that is at least share of n
// (compared as the callers compare, in floating point).
func atLeast(share float64, n int) int {
	k := 0
	for float64(k) < share*float64(n) {
		k++
	}
	return k
}

// lcsLen is the length of the longest common subsequence of two key
// lists; buf, when long enough, saves the two rows' allocation.
func lcsLen(a, b []string, buf []int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(buf) < 2*(len(b)+1) {
		buf = make([]int, 2*(len(b)+1))
	}
	prev, cur := buf[:len(b)+1], buf[len(b)+1:2*(len(b)+1)]
	clear(prev)
	clear(cur)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// longestRun is the longest run of words a and b share consecutively.
func longestRun(a, b []string) int {
	best := 0
	for i := range a {
		for j := range b {
			k := 0
			for i+k < len(a) && j+k < len(b) && a[i+k] == b[j+k] {
				k++
			}
			if k > best {
				best = k
			}
		}
	}
	return best
}
