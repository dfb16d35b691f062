package extract

import (
	"strings"
	"testing"
	"unicode"

	"parallax/internal/source"
)

// Control characters in a record never reach the article: an escape
// sequence in a title would drive the terminal that lists it.
func TestDocumentDropsControlCharacters(t *testing.T) {
	rec := source.Record{
		Title:   "Red \x1b[31mALERT\x1b]0;pwned\x07 title",
		Outlet:  "Esc\x1b[2J Wire",
		Authors: []string{"\x1b\x07", "Ada\u0085 Quill"},
		Text:    "The fictional town of Osterby \x1b[31mvoted\x7f today.\n\nSecond\tparagraph.",
	}
	a, err := Document(source.Doc{Source: "esc.json", Kind: source.KindRecord, Record: &rec})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append([]string{a.Title, a.Outlet, a.Body}, a.Authors...) {
		if strings.IndexFunc(s, func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }) >= 0 {
			t.Errorf("control character left in %q", s)
		}
	}
	if a.Title != "Red [31mALERT]0;pwned title" || len(a.Authors) != 1 || a.Authors[0] != "Ada Quill" {
		t.Errorf("article = %+v", a)
	}
	if !strings.Contains(a.Body, "\n\n") {
		t.Errorf("paragraphs lost: %q", a.Body)
	}
}

func TestDocumentKeepsOnlyWebURLs(t *testing.T) {
	for raw, want := range map[string]string{
		"https://news.example/a": "https://news.example/a",
		"http://news.example/a":  "http://news.example/a",
		"javascript:alert(1)":    "",
		"/relative/path":         "",
		"file:///etc/passwd":     "",
		"https:///no-host":       "",
	} {
		rec := source.Record{URL: raw, Title: "Ferry strike ends", Text: "The ferry strike ended on Monday after talks."}
		a, err := Document(source.Doc{Source: "r.jsonl:1", Kind: source.KindRecord, Record: &rec})
		if err != nil || a.URL != want {
			t.Errorf("URL %q: got %q, %v; want %q", raw, a.URL, err, want)
		}
	}
}

func TestNavigationOnlyPageIsNoArticle(t *testing.T) {
	page := `<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>`
	if _, err := Document(source.Doc{Source: "nav.html", Kind: source.KindHTML, Text: page}); err != ErrNoContent {
		t.Errorf("navigation-only page: err = %v, want ErrNoContent", err)
	}
}
