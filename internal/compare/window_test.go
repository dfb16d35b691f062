package compare

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestAlignerMatchesTables checks the bit-parallel alignment against the
// string tables it stands in for, on random wordings over a small
// vocabulary (so that words repeat) of up to 70 words.
func TestAlignerMatchesTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	vocab := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	words := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = vocab[rng.IntN(len(vocab))]
		}
		return out
	}
	for range 3000 {
		short, long := words(1+rng.IntN(70)), words(1+rng.IntN(90))
		ids, quota := matchIDs(short, long)
		al := newAligner(short, ids, quota)
		from := rng.IntN(len(long))
		to := from + rng.IntN(len(long)-from+1)
		if got, want := al.lcs(long, from, to), lcsLen(short, long[from:to], nil); got != want {
			t.Fatalf("lcs(%v, %v) = %d, want %d", short, long[from:to], got, want)
		}
		if got, want := al.run(long, from, to), longestRun(short, long[from:to]); got != want {
			t.Fatalf("run(%v, %v) = %d, want %d", short, long[from:to], got, want)
		}
	}
}

// TestASCIIKeyMatchesWordKey: the fast path folds words as the general one.
func TestASCIIKeyMatchesWordKey(t *testing.T) {
	for _, w := range []string{"now", "NOW!!!", "(Reuters)", "doesn't", "“Hello,", "4,000", "U.S.", "e-mail", "Zelenskiy’s", "…", "—", "", "a1B2", "café", "\"quoted\""} {
		want := ""
		for _, r := range strings.ToLower(w) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want += string(r)
			}
		}
		if got := wordKey(w); got != want {
			t.Errorf("wordKey(%q) = %q, want %q", w, got, want)
		}
	}
}
