package web

import (
	"html/template"
	"strings"
	"testing"
)

// The article list as the story template wrote it before articleList:
// articleList must write the same bytes.
const articleListTemplate = `{{range .Groups}}
  <div class="outlet-group">
    <h3><span class="chip {{.Outlet.Class}}">{{.Outlet.Name}}</span></h3>
    <ul>{{range .Articles}}<li id="{{.Anchor}}">
      <a href="{{.Href}}">{{if .Title}}{{.Title}}{{else}}(untitled){{end}}</a>
      <span class="meta">{{.Published}}{{if .DuplicateOf}} · near-copy of <a href="{{.DupHref}}">article {{.DuplicateOf}}</a>{{end}}</span>
      {{if $.Standalone}}<span class="meta source">{{if .SourceURL}}<a href="{{.SourceURL}}" rel="noopener noreferrer nofollow">{{.Source}}</a>{{else}}{{.Source}}{{end}}</span>{{end}}
    </li>{{end}}</ul>
  </div>
  {{end}}`

func TestArticleListAsTheTemplate(t *testing.T) {
	tmpl := template.Must(template.New("list").Parse(articleListTemplate))
	groups := []articleGroup{
		{Outlet: outletInfo{Name: `Tide & "Wire" <Fenmoor>`, Class: "o1"}, Articles: []articleRow{
			{Anchor: "a1", Href: "/articles/1", Title: `Ferry "strike" ends + crews <return> 'Monday' & more`, Published: "2026-03-01 10:00",
				SourceURL: "https://tide.example/a b/ü?q=1&r='x'+y#frag", Source: "https://tide.example/a b/ü?q=1&r='x'+y#frag"},
			{Anchor: "a2", Href: "/articles/2", Published: "undated", Source: "dump/ferry.txt\x00", DuplicateOf: 1, DupHref: "/articles/1"},
			{Anchor: "a3", Href: "javascript:alert(1)", Title: "Schöne Grüße — 東京", Published: "2026-03-02",
				SourceURL: "HTTP://Tide.example/%41%zz\"<>\\^`{|}%4%41", Source: "x"},
		}},
		{Outlet: outletInfo{Name: "Fenmoor Post", Class: "o2"}, Articles: []articleRow{{Anchor: "a4", Href: "mailto:desk@fenmoor.example", Title: "t"}}},
	}
	for _, standalone := range []bool{false, true} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Groups": groups, "Standalone": standalone}); err != nil {
			t.Fatal(err)
		}
		if got := string(articleList(groups, standalone)); got != want.String() {
			t.Errorf("standalone %v:\ngot  %s\nwant %s", standalone, got, want.String())
		}
	}
}

// The fragments' escaping is template.HTMLEscapeString's.
func TestEscToAsHTMLEscapeString(t *testing.T) {
	for _, s := range []string{"", "plain", `Tide & "Wire" <x> 'y' + z` + "\x00", "Schöne Grüße — 東京 &amp;"} {
		var b strings.Builder
		escTo(&b, s)
		if want := template.HTMLEscapeString(s); b.String() != want {
			t.Errorf("escTo(%q) = %q, want %q", s, b.String(), want)
		}
	}
}
