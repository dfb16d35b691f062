package lang

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// shortLines reads testdata/short.tsv: one-sentence news lines written for
// these tests, in twelve languages.
func shortLines(t testing.TB) [][2]string {
	t.Helper()
	f, err := os.Open("testdata/short.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		out = append(out, [2]string{code, text})
	}
	return out
}

// TestShortLines: on one sentence the detector is right at least 9 times
// in 10, and never wrong when it says it is sure (the answer Of stores).
func TestShortLines(t *testing.T) {
	lines := shortLines(t)
	right, sure := 0, 0
	for _, l := range lines {
		code, ok := Detect(l[1])
		if code == l[0] {
			right++
		}
		if ok {
			sure++
			if code != l[0] {
				t.Errorf("sure of %q for %s line %q", code, l[0], l[1])
			}
		}
	}
	if right*10 < len(lines)*9 {
		t.Errorf("right on %d of %d lines, want 90%%", right, len(lines))
	}
	t.Logf("right on %d of %d one-sentence lines; sure of %d", right, len(lines), sure)
}

func TestOf(t *testing.T) {
	fr := "Le conseil municipal a voté le budget du port après une longue nuit de débats. " +
		"Les secours ont fouillé la vallée toute la nuit pour retrouver des survivants."
	tests := []struct {
		name, title, body, declared, want string
	}{
		{"detection beats a site-wide declaration", "Le budget du port", fr, "en-US", "fr"},
		{"declaration when unsure", "", "OK", "pt-BR", "pt"},
		{"nothing to go on", "", "OK", "", ""},
		{"bad declaration", "", "OK", "english!", ""},
	}
	for _, tt := range tests {
		if got := Of(tt.title, tt.body, tt.declared); got != tt.want {
			t.Errorf("%s: Of = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOfCutsLongTextOnACharacter(t *testing.T) {
	var uk []string
	for _, l := range shortLines(t) {
		if l[0] == "uk" {
			uk = append(uk, l[1])
		}
	}
	body := strings.Repeat(strings.Join(uk, " "), 40) // past the sample, cut inside a word
	if got := Of("", body, ""); got != "uk" {
		t.Errorf("Of(long Ukrainian text) = %q", got)
	}
}

func TestPrimary(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "EN_us": "en", "pt-BR": "pt", "": "", "x": "", "e1": "", "haw": "haw"} {
		if got := Primary(in); got != want {
			t.Errorf("Primary(%q) = %q, want %q", in, got, want)
		}
	}
}
