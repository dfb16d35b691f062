package extract

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/internal/model"
)

// FromHTML extracts the article from an HTML page (already decoded to UTF-8).
// src is where the page came from; when it is a URL it helps resolve the
// page's canonical URL and outlet.
func FromHTML(src, page string) (model.Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return model.Article{}, fmt.Errorf("parse html: %w", err)
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     false,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(src); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		opts.OriginalURL = u
	}
	a := model.Article{Source: src}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		a.Body = linesToBody(res.ContentText)
		m := res.Metadata
		a.Title = cleanLine(m.Title)
		a.Authors = splitAuthors(m.Author)
		a.Outlet = cleanLine(m.Sitename)
		a.URL = strings.TrimSpace(m.URL)
		a.Language = strings.ToLower(m.Language)
		a.Published = formatDate(m.Date)
		if a.Outlet == "" && m.Hostname != "" {
			a.Outlet = strings.TrimPrefix(m.Hostname, "www.")
		}
	}
	fallbackHTML(&a, doc)
	return a, nil
}

// linesToBody turns trafilatura's text, one block per line, into paragraphs
// separated by blank lines.
func linesToBody(s string) string {
	return model.JoinParagraphs(strings.Split(s, "\n"))
}

func splitAuthors(s string) []string {
	if strings.TrimSpace(s) == "" {
		return []string{}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' })
	return cleanAuthors(parts)
}

// formatDate keeps a time only when the page gave one: htmldate returns
// midnight UTC for date-only values.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Location() == time.UTC {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// fallbackHTML fills what trafilatura left empty from plain cues in the page:
// the <title>, <h1>, <html lang>, <link rel=canonical> and, for the body, the
// page's <p> elements.
func fallbackHTML(a *model.Article, doc *html.Node) {
	var title, h1, lang, canonical string
	var paras []string
	walk(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer:
			return false
		case atom.Html:
			lang = attr(n, "lang")
		case atom.Title:
			if title == "" {
				title = cleanLine(textOf(n))
			}
		case atom.H1:
			if h1 == "" {
				h1 = cleanLine(textOf(n))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				canonical = attr(n, "href")
			}
		case atom.P:
			if t := cleanLine(textOf(n)); len(t) > 0 {
				paras = append(paras, t)
			}
			return false
		}
		return true
	})
	if a.Title == "" {
		a.Title = h1
		if a.Title == "" {
			a.Title = title
		}
	}
	if a.Language == "" {
		a.Language = strings.ToLower(strings.SplitN(lang, "-", 2)[0])
	}
	if a.URL == "" {
		a.URL = strings.TrimSpace(canonical)
	}
	if a.Body == "" {
		a.Body = model.JoinParagraphs(paras)
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
}

func walk(n *html.Node, visit func(*html.Node) bool) {
	if n.Type == html.ElementNode && !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
	}
	rec(n)
	return b.String()
}
