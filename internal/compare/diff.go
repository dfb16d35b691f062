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
	if k, ok := asciiKey(w); ok {
		return k
	}
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiKey is wordKey for a word of ASCII letters and digits with
// punctuation only at its ends (most words), without allocating when it
// is already lower case; ok is false for any other word.
func asciiKey(w string) (string, bool) {
	from, to := 0, len(w)
	for from < to && isASCIIPunct(w[from]) {
		from++
	}
	for to > from && isASCIIPunct(w[to-1]) {
		to--
	}
	lower := true
	for i := from; i < to; i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			lower = false
		default:
			return "", false
		}
	}
	if lower {
		return w[from:to], true
	}
	return strings.ToLower(w[from:to]), true
}

// isASCIIPunct: an ASCII byte that is neither a letter, a digit nor a
// space (wordKey drops it).
func isASCIIPunct(c byte) bool {
	return c < 0x80 && c > ' ' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
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
