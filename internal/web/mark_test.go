package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/internal/model"
)

func TestMarkParagraph(t *testing.T) {
	e := &model.Enrichment{
		Entities: []model.Entity{
			{Name: "Mara Voss", Key: "voss", Type: model.Person, Aliases: []string{"Voss", "the harbour master"}},
			{Name: "Port Elling", Key: "elling", Type: model.Place},
		},
		Quotes: []model.Quote{{Text: "Port Elling will reopen", Speaker: "Mara Voss", Verb: "said", Paragraph: 0}},
	}
	p := `The harbour master, Mara Voss, said: "Port Elling will reopen." Vossberg was closed.`
	segs := markParagraph(p, 0, e)
	var b strings.Builder
	marked := map[string]string{}
	for _, s := range segs {
		b.WriteString(s.Text)
		if s.Class != "" {
			marked[s.Text] = s.Class
		}
	}
	if b.String() != p {
		t.Fatalf("segments do not rebuild the paragraph: %q", b.String())
	}
	want := map[string]string{"The harbour master": "e-person", "Mara Voss": "e-person", "Port Elling": "q e-place", " will reopen": "q"}
	for text, class := range want {
		if marked[text] != class {
			t.Errorf("%q marked %q, want %q (all: %v)", text, marked[text], class, marked)
		}
	}
	if _, ok := marked["Voss"]; ok {
		t.Error("Voss inside Vossberg was marked")
	}
	if got := markParagraph(p, 1, e); len(got) != 3 { // names only: no quote in paragraph 1
		t.Logf("paragraph 1 segments: %v", got)
	}
	if got := markParagraph(p, 0, nil); len(got) != 1 || got[0].Text != p {
		t.Errorf("without enrichment: %v", got)
	}
}

func TestSnippet(t *testing.T) {
	body := strings.Repeat("filler words here ", 20) + "the dam failed at dawn " + strings.Repeat("more text after ", 30)
	s := snippet(body, []string{"dam"})
	if !strings.Contains(s, "the dam failed") || !strings.HasPrefix(s, "… ") || !strings.HasSuffix(s, " …") {
		t.Errorf("snippet = %q", s)
	}
	if s := snippet("short body", []string{"absent"}); s != "short body" {
		t.Errorf("short snippet = %q", s)
	}
}

var allowedClasses = map[string]bool{"": true, "q": true, "e-person": true, "e-place": true, "e-org": true, "e-other": true, "hit": true}

func checkSegments(t *testing.T, in string, segs []segment) {
	t.Helper()
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
		for _, c := range strings.Fields(s.Class) {
			if !allowedClasses[c] {
				t.Fatalf("class %q from input", c)
			}
		}
		if utf8.ValidString(in) && !utf8.ValidString(s.Text) {
			t.Fatalf("segment %q cuts a rune", s.Text)
		}
	}
	if b.String() != in {
		t.Fatalf("segments %q do not rebuild %q", b.String(), in)
	}
}

func FuzzMarkParagraph(f *testing.F) {
	f.Add("Mara Voss said \"we reopen\" today.", "we reopen", "Mara Voss", "Voss")
	f.Add("éé É é", "é", "É", "éé")
	f.Fuzz(func(t *testing.T, p, quote, name, alias string) {
		e := &model.Enrichment{
			Entities: []model.Entity{{Name: name, Type: model.Place, Aliases: []string{alias}}},
			Quotes:   []model.Quote{{Text: quote, Speaker: name, Paragraph: 0}},
		}
		checkSegments(t, p, markParagraph(p, 0, e))
	})
}

func FuzzSnippetHighlight(f *testing.F) {
	f.Add("The dam failed at dawn.", "dam")
	f.Add("İstanbul ẞ straße", "ss")
	f.Fuzz(func(t *testing.T, body, q string) {
		words := queryWords(q)
		s := snippet(body, words)
		if utf8.ValidString(body) && !utf8.ValidString(s) {
			t.Fatalf("snippet %q is not valid UTF-8", s)
		}
		checkSegments(t, s, highlight(s, words))
	})
}

func FuzzParseList(f *testing.F) {
	f.Add("sort=coverage&outlet=Northgate+Wire&since=2026-03-01&page=3&q=dam")
	f.Add("page=-1&since=x")
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := parseList(&http.Request{URL: &url.URL{Path: "/", RawQuery: raw}})
		if err != nil {
			return
		}
		if p.Page < 1 || p.Page > maxPage || (p.Sort != "newest" && p.Sort != "coverage") {
			t.Fatalf("parsed %+v", p)
		}
		if utf8.RuneCountInString(p.Q) > maxQueryRunes || utf8.RuneCountInString(p.Outlet) > maxQueryRunes {
			t.Fatalf("text not capped: %+v", p)
		}
		again, err := parseList(httptest.NewRequest("GET", p.url("/", p.Page), nil))
		if err != nil || again != p {
			t.Fatalf("url %q parses to %+v (%v), want %+v", p.url("/", p.Page), again, err, p)
		}
	})
}

func TestParseWhenAndTicks(t *testing.T) {
	for in, ok := range map[string]bool{"2026-03-10": true, "2026-03": true, "2026": true, "2026-03-10T10:42:00+01:00": true, "": false, "soon": false, "week of 2026-03-09": true, "weekend of 2026-03-14": true, "1990s": true, "199s": false} {
		if _, got := parseWhen(in); got != ok {
			t.Errorf("parseWhen(%q) ok = %v", in, got)
		}
	}
}
