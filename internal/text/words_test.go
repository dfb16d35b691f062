package text

import (
	"reflect"
	"testing"
	"unicode"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, World!", []string{"hello", "world"}},
		{"Zelenskiy’s 30-day plan_b", []string{"zelenskiy", "s", "30", "day", "plan_b"}},
		{"Зеленський і Київ", []string{"зеленський", "і", "київ"}},
		{"مدينة الميناء", []string{"مدينة", "الميناء"}},
		{"Erdoğan  Türkiye", []string{"erdoğan", "türkiye"}},
		{"...", nil},
	} {
		if got := Words(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Words(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestShingles(t *testing.T) {
	got := Shingles("a b c d a b c d", 4)
	want := map[string]int{"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Shingles = %v; want %v", got, want)
	}
	if got := Shingles("too short", 4); !reflect.DeepEqual(got, map[string]int{"too short": 1}) {
		t.Errorf("short text = %v", got)
	}
	if got := Shingles("", 4); len(got) != 0 {
		t.Errorf("empty = %v", got)
	}
}

func FuzzWords(f *testing.F) {
	f.Add("Hello, “world” — 30-day\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" {
				t.Fatal("empty word")
			}
		}
	})
}

// IsWordRune's shortcut for ASCII agrees with the Unicode classes it
// stands for.
func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		want := r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.N, r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		if got := IsWordRune(r); got != want {
			t.Errorf("IsWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}
