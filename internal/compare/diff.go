package compare

import (
	"strings"
	"unicode"

	"parallax/internal/model"
)

// token is one whitespace-separated word of a quotation as written, with
// the key it is compared by (case, punctuation and apostrophes folded).
type token struct {
	text, key string
}

func tokenize(s string) []token {
	var out []token
	for _, f := range strings.Fields(s) {
		out = append(out, token{text: f, key: wordKey(f)})
	}
	return out
}

// wordKey folds a written word to what it says: "NOW!!!" and "now" match,
// as do "doesn’t" and "doesn't".
func wordKey(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keys lists the non-empty keys of tokens (punctuation-only tokens such as
// "—" or "…" do not count as words).
func keys(ts []token) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.key != "" {
			out = append(out, t.key)
		}
	}
	return out
}

// wordDiff aligns two wordings word by word (longest common subsequence)
// and returns the runs of ref and alt: "=" shared, "-" only in ref, "+"
// only in alt. Runs show alt's spelling for shared words.
func wordDiff(ref, alt []token) []model.DiffPart {
	n, m := len(ref), len(alt)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case sameWord(ref[i], alt[j]):
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	out := []model.DiffPart{}
	add := func(op, w string) {
		if k := len(out) - 1; k >= 0 && out[k].Op == op {
			out[k].Text += " " + w
			return
		}
		out = append(out, model.DiffPart{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case sameWord(ref[i], alt[j]):
			add("=", alt[j].text)
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			add("-", ref[i].text)
			i++
		default:
			add("+", alt[j].text)
			j++
		}
	}
	for ; i < n; i++ {
		add("-", ref[i].text)
	}
	for ; j < m; j++ {
		add("+", alt[j].text)
	}
	return out
}

// localDiff diffs a wording that may quote only part of the reference: it
// finds where alt best fits inside ref (a local alignment), marks the
// reference words outside that stretch as removed, and diffs the stretch.
func localDiff(ref, alt []token) []model.DiffPart {
	from, to := bestStretch(ref, alt)
	out := []model.DiffPart{}
	if from > 0 {
		out = append(out, model.DiffPart{Op: "-", Text: joinTokens(ref[:from])})
	}
	out = append(out, wordDiff(ref[from:to], alt)...)
	if to < len(ref) {
		out = append(out, model.DiffPart{Op: "-", Text: joinTokens(ref[to:])})
	}
	return mergeRuns(out)
}

// bestStretch is the stretch of ref that best matches alt (Smith-Waterman:
// +2 a shared word, -1 a changed, dropped or added one).
func bestStretch(ref, alt []token) (from, to int) {
	n, m := len(ref), len(alt)
	score := make([][]int32, n+1)
	start := make([][]int32, n+1)
	for i := range score {
		score[i] = make([]int32, m+1)
		start[i] = make([]int32, m+1)
		start[i][0] = int32(i)
	}
	for j := 0; j <= m; j++ {
		start[0][j] = 0
	}
	best, bi := int32(0), 0
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			sc, st := int32(0), int32(i)
			diag := score[i-1][j-1] - 1
			if sameWord(ref[i-1], alt[j-1]) {
				diag = score[i-1][j-1] + 2
			}
			if diag > sc {
				sc, st = diag, start[i-1][j-1]
			}
			if up := score[i-1][j] - 1; up > sc {
				sc, st = up, start[i-1][j]
			}
			if left := score[i][j-1] - 1; left > sc {
				sc, st = left, start[i][j-1]
			}
			if sc == 0 {
				st = int32(i)
			}
			score[i][j], start[i][j] = sc, st
			if sc > best {
				best, bi, from = sc, i, int(st)
			}
		}
	}
	if best == 0 {
		return 0, n
	}
	return from, bi
}

func joinTokens(ts []token) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return strings.Join(out, " ")
}

// mergeRuns joins neighbouring parts with the same op.
func mergeRuns(parts []model.DiffPart) []model.DiffPart {
	out := parts[:0]
	for _, p := range parts {
		if k := len(out) - 1; k >= 0 && out[k].Op == p.Op {
			out[k].Text += " " + p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// sameWord matches words by key; punctuation-only tokens match each other.
func sameWord(a, b token) bool {
	if a.key == "" || b.key == "" {
		return a.key == b.key && strings.TrimSpace(a.text) == strings.TrimSpace(b.text)
	}
	return a.key == b.key
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

// window is where a short wording best fits inside a longer one.
type window struct {
	shared int  // words shared in order
	run    int  // longest run of consecutive shared words
	edge   bool // the window starts or ends the longer wording
}

// bestWindow finds the window of long, a little longer than short (room for
// an inserted word), that shares the most words with short in order. A
// caller that rejects any window sharing fewer than need words gets the
// zero window instead of one it would reject: windows that cannot reach
// need, or the best so far, are skipped by counting their words in short,
// a bound on what they share, before aligning them.
func bestWindow(short, long []string, need int) window {
	in := make(map[string]bool, len(short))
	for _, k := range short {
		in[k] = true
	}
	hits := make([]int, len(long)+1) // hits[i]: words of long[:i] in short
	for i, k := range long {
		hits[i+1] = hits[i]
		if in[k] {
			hits[i+1]++
		}
	}
	return bestWindowHits(short, long, hits, need)
}

// bestWindowHits is bestWindow given hits, the count of long's words in
// short over each prefix of long. The best window is the same in any
// order of trying (most words shared, then the longest run, then an edge
// if any such window is one), so windows are tried from the highest bound
// down and the search stops when no window left can do better.
func bestWindowHits(short, long []string, hits []int, need int) window {
	w := len(short) + len(short)/4
	if w > len(long) {
		w = len(long)
	}
	if min(hits[len(long)], len(short)) < need {
		return window{}
	}
	byBound := make([][]int, len(short)+1) // window starts by their bound
	for start := 0; start+w <= len(long); start++ {
		if bound := min(hits[start+w]-hits[start], len(short)); bound > 0 && bound >= need {
			byBound[bound] = append(byBound[bound], start)
		}
	}
	buf := make([]int, 2*(len(short)+1))
	var best window
	for bound := len(short); bound > 0 && bound >= best.shared; bound-- {
		for _, start := range byBound[bound] {
			edge := start == 0 || start+w == len(long)
			if bound == best.shared && best.run >= bound && (best.edge || !edge) {
				continue // it could at best tie
			}
			win := long[start : start+w]
			n := lcsLen(short, win, buf)
			if n < best.shared {
				continue
			}
			cand := window{shared: n, run: longestRun(short, win), edge: edge}
			if n > best.shared || cand.run > best.run || (cand.run == best.run && cand.edge && !best.edge) {
				best = cand
			}
		}
	}
	return best
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
