package extract

import (
	"strings"
	"testing"
	"unicode"

	"parallax/internal/source"
)

// FuzzFromRecord: any record, through Document, gives an article with no
// control characters, or ErrNoContent; never a panic.
func FuzzFromRecord(f *testing.F) {
	f.Add("Title", "Outlet", "2026-03-01", "Body text.\n\nMore.", "", "a, b")
	f.Add("", "", "yesterday", "", "<p>From HTML</p><script>x</script>", "")
	f.Add("\x1b[2J", "\u0085", "2026-13-45T99:00:00Z", " \t\n", "<html", "\x00")
	f.Fuzz(func(t *testing.T, title, outlet, published, text, html, authors string) {
		rec := source.Record{Title: title, Outlet: outlet, Published: published, Text: text, HTML: html,
			Authors: strings.Split(authors, ",")}
		a, err := Document(source.Doc{Source: "r.json", Kind: source.KindRecord, Record: &rec})
		if err != nil {
			if err != ErrNoContent {
				t.Fatalf("err = %v", err)
			}
			return
		}
		ctl := func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }
		for _, s := range append([]string{a.Title, a.Outlet, a.Body, a.Published, a.URL}, a.Authors...) {
			if strings.IndexFunc(s, ctl) >= 0 {
				t.Fatalf("control character in %q", s)
			}
		}
		if a.Published != "" && NormaliseDate(a.Published) != a.Published {
			t.Fatalf("published %q is not normalised", a.Published)
		}
	})
}
