package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseLines(f *testing.F) {
	for _, s := range []string{"3,5-7", "", " 1 , 2-2 ", "0", "5-3", "1-", "-1", "99999999999999999999", "1-1000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		if len(spec) > 64 {
			t.Skip() // a range may legitimately expand to many lines
		}
		nums, err := ParseLines(spec)
		if err != nil {
			return
		}
		if len(nums) > 1<<20 {
			t.Skip()
		}
		for _, n := range nums {
			if n < 1 {
				t.Fatalf("ParseLines(%q) gave line %d", spec, n)
			}
		}
		if _, err := Lines("a\nb\nc", nums); err == nil {
			for _, n := range nums {
				if n > 3 {
					t.Fatalf("Lines accepted line %d of 3", n)
				}
			}
		}
	})
}

// FuzzLoadGoldFiles: every loader refuses or accepts any bytes without a
// panic, and what it accepts holds its required fields.
func FuzzLoadGoldFiles(f *testing.F) {
	for _, s := range []string{
		`{"a": {"articleBody": "x"}}`, `{}`, `[]`, "{\"id\":\"a\",\"event\":\"e\"}\n",
		"{\"id\":\"a\",\"text\":\"“we won”\",\"speaker\":\"Ilsa Marrow\"}\n", "{\"id\":\"a\",\"text\":\"we won\",\"speaker\":\"he\",\"speaker_kind\":\"pronoun\"}\n", "{\"source\":\"a.txt\",\"entities\":[]}\n",
		"\n\n", "{", "null",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "gold")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if g, err := LoadGold(p); err == nil && len(g) == 0 {
			t.Fatal("LoadGold accepted a gold with no documents")
		}
		if ls, err := LoadLabels(p); err == nil {
			for _, l := range ls {
				if l.ID == "" || l.Event == "" {
					t.Fatalf("label without id or event: %+v", l)
				}
			}
		}
		if qs, err := LoadQuoteGold(strings.NewReader(string(data))); err == nil {
			for _, q := range qs {
				if q.ID == "" || q.Text == "" {
					t.Fatalf("quote gold without id or text: %+v", q)
				}
			}
			ScoreQuotes(qs, nil, QuoteOptions{Strict: true})
		}
		if es, err := LoadEntityGold(strings.NewReader(string(data))); err == nil {
			for _, e := range es {
				if e.Source == "" {
					t.Fatalf("entity gold without source: %+v", e)
				}
			}
		}
	})
}
