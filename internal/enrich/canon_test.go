package enrich

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Zelensky", "Zelenskiy"},
		{"Zelenskyy", "Zelensky"},
		{"Erdoğan", "Erdogan"},
		{"Kiev", "Kyiv"},
		{"Türkiye", "Turkey"},
		{"Burma", "Myanmar"},
		{"Bombay", "Mumbai"},
		{"U.S.", "United States"},
		{"Odessa", "Odesa"},
		{"Andrii", "Andriy"},
		{"São Paulo", "Sao Paulo"},
		{"Selenskyj", "Zelensky"},       // German
		{"Zełenski", "Zelenskyy"},       // Polish
		{"Zelens'kyj", "Zelenskiy"},     // Italian, scholarly
		{"Schewtschenko", "Shevchenko"}, // German
		{"Janukowytsch", "Yanukovych"},  // German
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", tt.a, ka, tt.b, kb)
		}
	}
	different := [][2]string{{"Kyiv", "Kursk"}, {"Trump", "Putin"}, {"Georgia", "Gorgia"}, {"Sanders", "Zanders"}}
	for _, p := range different {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q)", p[0], p[1])
		}
	}
	if got := Key("Zelenskiy"); got != "zelensky" {
		t.Errorf("Key(Zelenskiy) = %q, want zelensky", got)
	}
}

// slowKey is Key as first written: every name through NFD and a rune
// loop, every word split out and joined again. Key's fast paths must give
// its answers.
func slowKey(name string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(foldRune(unicode.ToLower(r)))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	f := strings.TrimSpace(b.String())
	if to, ok := exonyms[f]; ok {
		f = to
	} else if to, ok := exonyms[strings.TrimPrefix(f, "the ")]; ok {
		f = to
	}
	words := strings.Fields(f)
	for i, w := range words {
		words[i] = slowFoldWord(w)
	}
	return strings.Join(words, " ")
}

// slowFoldWord is foldWord as first written, with no quick checks.
func slowFoldWord(w string) string {
	if len(w) > 4 {
		for _, end := range []string{"iy", "yy", "ii", "ij", "yi", "yj"} {
			if strings.HasSuffix(w, end) {
				w = w[:len(w)-2] + "y"
				break
			}
		}
	}
	if len(w) > 5 && strings.HasSuffix(w, "ski") {
		w = w[:len(w)-1] + "y"
	}
	for _, end := range slavicEndings {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			w = foldGermanSlavic(w)
			break
		}
	}
	var b strings.Builder
	var prev rune
	doubled := false
	for _, r := range w {
		if r == prev && unicode.IsLetter(r) {
			doubled = true
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	if !doubled {
		return w
	}
	return b.String()
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Volodymyr Zelenskiy", "U.S.", "the Kiev  region", " Erdoğan ", "O'Brien-Smith",
		"Selenskyj", "ZELENSKYY", "al-Assad", "Ivan  Petrov\t", "Łódź", "A.B.C", "1st  Army", "-x-",
		"Schewtschenko", "Janukowytsch", "zelenskiy", "Kowalski", "Odessa", "1100", "ZZzz", "Ånnå"} {
		f.Add(s)
	}
	for from := range exonyms {
		f.Add(from)
		f.Add("The " + strings.ToUpper(from))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), slowKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
		for _, w := range strings.Fields(s) {
			if got, want := foldWord(w), slowFoldWord(w); got != want {
				t.Errorf("foldWord(%q) = %q, want %q", w, got, want)
			}
		}
	})
}

// FuzzAllUpper: allUpper answers as comparing with strings.ToUpper does.
func FuzzAllUpper(f *testing.F) {
	for _, s := range []string{"NATO", "Nato", "ÉTAT", "état", "ǅ", "ß", "\xff", "A\uFFFDB", "İSTANBUL", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := allUpper(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("allUpper(%q) = %v, want %v", s, got, want)
		}
	})
}
