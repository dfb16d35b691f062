package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/internal/source"
	"parallax/internal/text"
)

func TestFromHTMLFallbacks(t *testing.T) {
	// Too little text for trafilatura: the fallbacks still give an article.
	page := `<html lang="de-AT"><head><title>Kurz | Blatt</title><link rel="canonical" href="https://blatt.example/kurz"></head>
<body><h1>Kurze Meldung</h1><p>Die Brücke ist offen.</p><script>var x = "<p>not text</p>";</script></body></html>`
	a, err := FromHTML("saved/kurz.html", page)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Kurze Meldung" || a.Language != "de" || a.URL != "https://blatt.example/kurz" || !strings.Contains(a.Body, "Die Brücke ist offen.") {
		t.Errorf("fallbacks = %+v", a)
	}
	if strings.Contains(a.Body, "not text") {
		t.Errorf("script text in body: %q", a.Body)
	}
}

func TestFromHTMLPublishedKeepsTime(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2026-03-12T09:15:00+01:00"></head><body><article>` +
		strings.Repeat("<p>The harbour bridge reopened to traffic on Thursday morning after six weeks of repairs by the regional office.</p>", 4) +
		`</article></body></html>`
	a, err := FromHTML("x.html", page)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2026-03-12T09:15:00+01:00" {
		t.Errorf("published = %q", a.Published)
	}
}

func TestNormaliseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-12T09:15:00Z":            "2026-03-12T09:15:00Z",
		"2026-03-12 09:15":                "2026-03-12T09:15:00Z",
		"2026-03-12":                      "2026-03-12",
		"March 12, 2026":                  "2026-03-12",
		"12 Mar 2026":                     "2026-03-12",
		"Thu, 12 Mar 2026 09:15:00 +0100": "2026-03-12T09:15:00+01:00",
		"yesterday":                       "",
		"":                                "",
	} {
		if got := NormaliseDate(in); got != want {
			t.Errorf("NormaliseDate(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzFromHTML(f *testing.F) {
	f.Add(`<html><head><title>T</title></head><body><p>Hello <b>world</b></p></body></html>`)
	f.Add(`<table><tr><td>1</td><td>2</td></tr></table><script>x</script>`)
	f.Add("<p>\x00\xff<meta charset=koi8-r>")
	f.Fuzz(func(t *testing.T, page string) {
		a, err := FromHTML("fuzz.html", page)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Body) && utf8.ValidString(page) {
			t.Fatalf("invalid UTF-8 body from valid page")
		}
		if a.Authors == nil {
			t.Fatal("nil authors")
		}
	})
}

func FuzzNormaliseDate(f *testing.F) {
	for _, s := range []string{"2026-03-12T09:15:00Z", "March 12, 2026", "Thu, 12 Mar 2026 09:15:00 +0100", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormaliseDate(s)
		if got != "" && NormaliseDate(got) != got {
			t.Fatalf("NormaliseDate(%q) = %q, which does not normalise to itself", s, got)
		}
	})
}

// TestHasWords: hasWords agrees with counting text.Words.
func TestHasWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", "one two three four five", "one two three four five six", "a-b c_d e's f.g h1 2i", "  x  y  z  w  v  u  ", "naïve café résumé déjà vu à", "日本語 テキスト です ね よ は"} {
		for n := 0; n <= 8; n++ {
			if got, want := hasWords(s, n), len(text.Words(s)) >= n; got != want {
				t.Errorf("hasWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

func TestDocumentLanguage(t *testing.T) {
	en := strings.Repeat("<p>The harbour bridge reopened to traffic on Thursday morning after six weeks of repairs by the regional office, and the mayor said the work had come in under budget.</p>", 4)
	de := strings.Repeat("<p>Die Hafenbrücke ist seit Donnerstagmorgen nach sechs Wochen Reparatur wieder für den Verkehr geöffnet, und die Bürgermeisterin sagte, die Arbeiten seien billiger gewesen als geplant.</p>", 4)
	for _, tc := range []struct {
		name, html, want string
	}{
		// Declaration and body agree: taken without a second detection.
		{"declared and detected", `<html lang="en-GB"><body><article>` + en + `</article></body></html>`, "en"},
		// A site-wide default the body contradicts: the body wins.
		{"declared default, other body", `<html lang="en"><body><article>` + de + `</article></body></html>`, "de"},
		{"undeclared", `<html><body><article>` + de + `</article></body></html>`, "de"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Document(source.Doc{Source: "x.html", Kind: source.KindHTML, Text: tc.html})
			if err != nil {
				t.Fatal(err)
			}
			if a.Language != tc.want {
				t.Errorf("language = %q, want %q", a.Language, tc.want)
			}
		})
	}
}
