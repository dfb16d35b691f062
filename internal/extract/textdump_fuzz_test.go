package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzFromText checks that FromText never panics and never invents text:
// every body paragraph is a line of the input (trimmed, without its list
// marker, its spaces collapsed) or, in a dump wrapped at a fixed width,
// consecutive lines joined.
//
//	go test ./internal/extract -run '^$' -fuzz FuzzFromText -fuzztime 30s
func FuzzFromText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "textdump", "*.txt"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("")
	f.Add("By\n\nBy Jane Roe\n— x (@y) May 1, 2024\n\xff\xfe\n  • •\n1.\n" + prose)
	f.Add(strings.Repeat("Related News\n\nSome headline\n\n", 3) + prose + "© 2024\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := FromText("fuzz", s)
		if err != nil {
			t.Fatal(err)
		}
		lines := make(map[string]bool)
		var flat strings.Builder // the input's text without any whitespace
		for _, l := range strings.Split(s, "\n") {
			l = normLine(strings.ToValidUTF8(l, "\uFFFD"))
			lines[l] = true
			flat.WriteString(strings.Join(strings.Fields(l), ""))
		}
		for _, p := range a.Paragraphs() {
			if !lines[p] && !strings.Contains(flat.String(), strings.Join(strings.Fields(p), "")) {
				t.Fatalf("paragraph %q is not text of the input", p)
			}
		}
	})
}
