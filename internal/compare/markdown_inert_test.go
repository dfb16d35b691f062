package compare

import (
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
)

// TestMarkdownInert: article text that tries to be Markdown — a link, an
// image, raw HTML, an autolink — comes out escaped, and a URL that is not
// http(s) is not linked.
func TestMarkdownInert(t *testing.T) {
	hostile := `Ferry strike ends <img src=x onerror=alert(2)> [click](javascript:alert(3)) ![t](https://track.example/p.gif) <https://evil.example>`
	arts := []model.Article{
		{ID: 1, Outlet: "Harbour <b>News</b>", Title: hostile, URL: "javascript:alert(1)", Published: "2031-03-14",
			Body: hostile + " The ferry strike ended on Monday after talks in Port Senna."},
		{ID: 2, Outlet: "Isle [Post](javascript:x)", Title: "Ferry strike ends", URL: "https://isle.example/a>b c", Published: "2031-03-14",
			Body: "The ferry strike ended on Monday after talks in Port Senna."},
	}
	s := model.Story{ID: 9, Title: hostile, ArticleIDs: []int64{1, 2}}
	r := Build(s, arts)
	r.Summary = append(r.Summary, model.SummarySentence{Text: hostile, ArticleIDs: []int64{1}})
	var b strings.Builder
	if err := Markdown(&b, s, arts, r); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	// Active means not preceded by the backslash that escapes it.
	for _, bad := range []string{"<img", "](javascript:", "[t](", "<https://evil", "<b>", "a>b c"} {
		if regexp.MustCompile(`(^|[^\\])` + regexp.QuoteMeta(bad)).MatchString(md) {
			t.Errorf("markdown keeps %q active:\n%s", bad, md)
		}
	}
	if strings.Contains(md, "<javascript:") {
		t.Errorf("a javascript: URL is linked:\n%s", md)
	}
	if !strings.Contains(md, "<https://isle.example/a%3Eb%20c>") {
		t.Errorf("the http URL is not linked safely:\n%s", md)
	}
}
