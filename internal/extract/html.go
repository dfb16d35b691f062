package extract

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/internal/model"
	"parallax/internal/text"
)

// FromHTML extracts the article from an HTML page (already decoded to UTF-8).
// src is where the page came from; when it is a URL it helps resolve the
// page's canonical URL and outlet.
func FromHTML(src, page string) (model.Article, error) {
	a, _, err := fromHTML(src, page)
	return a, err
}

// fromHTML is FromHTML that also says whether the page declares the
// language trafilatura detected in its whole body: two signals that agree
// settle it, and Document need not run the detector a second time (it
// was about a fifth of our own work on a page).
func fromHTML(src, page string) (model.Article, bool, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return model.Article{}, false, fmt.Errorf("parse html: %w", err)
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
	detected := ""
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		detected = strings.ToLower(res.Metadata.Language)
		a.Body = nodeBody(res.ContentNode, res.Metadata.Title)
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
	declared := fallbackHTML(&a, doc)
	return a, declared != "" && declared == detected, nil
}

// blockTags are the elements that make paragraphs in trafilatura's output.
// Matched by name: trafilatura builds its tree without atoms.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "tr": true, "div": true, "section": true,
	"ul": true, "ol": true, "table": true, "dl": true, "dt": true, "dd": true,
	"figure": true, "figcaption": true, "body": true, "article": true,
}

// nodeBody turns trafilatura's content tree into paragraphs, one per block,
// dropping a leading heading that repeats the title.
func nodeBody(n *html.Node, title string) string {
	var ps []string
	var cur strings.Builder
	flush := func() {
		if t := cleanLine(cur.String()); t != "" {
			ps = append(ps, t)
		}
		cur.Reset()
	}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		case n.Data == "br":
			cur.WriteByte(' ')
			return
		case n.Data == "td" || n.Data == "th":
			cur.WriteByte(' ') // cells are words of one row
		}
		block := blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if block {
			flush()
		}
	}
	if n != nil {
		rec(n)
	}
	flush()
	if len(ps) > 0 && title != "" && sameWords(ps[0], title) {
		ps = ps[1:]
	}
	return model.JoinParagraphs(ps)
}

func sameWords(a, b string) bool {
	return strings.Join(text.Words(a), " ") == strings.Join(text.Words(b), " ")
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
// page's <p> elements. It returns the language the page declares ("" for
// none).
func fallbackHTML(a *model.Article, doc *html.Node) (declared string) {
	var title, h1, lang, canonical, published string
	var paras []*html.Node // read only when trafilatura found no body
	walk(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script:
			if published == "" && strings.Contains(attr(n, "type"), "ld+json") {
				if m := ldPublished.FindStringSubmatch(textOf(n)); m != nil {
					published = NormaliseDate(m[1])
				}
			}
			return false
		case atom.Meta:
			if published == "" && publishedMeta[strings.ToLower(attr(n, "property")+attr(n, "name")+attr(n, "itemprop"))] {
				published = NormaliseDate(attr(n, "content"))
			}
		case atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer:
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
			paras = append(paras, n)
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
	// The page's declared language beats trafilatura's guess, which is
	// unreliable on short texts.
	if l := strings.ToLower(strings.TrimSpace(strings.SplitN(lang, "-", 2)[0])); len(l) == 2 {
		a.Language, declared = l, l
	}
	if a.URL == "" {
		a.URL = strings.TrimSpace(canonical)
	}
	// htmldate gives the day only; keep the page's own time when it agrees.
	if published != "" && (a.Published == "" || (len(published) > 10 && published[:10] == a.Published)) {
		a.Published = published
	}
	if a.Body == "" {
		var ps []string
		for _, n := range paras {
			if t := cleanLine(textOf(n)); len(t) > 0 {
				ps = append(ps, t)
			}
		}
		a.Body = model.JoinParagraphs(ps)
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	return declared
}

// publishedMeta are the meta tags that carry a publication date-time.
var publishedMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true,
	"pubdate": true, "publishdate": true, "publish-date": true, "parsely-pub-date": true,
	"sailthru.date": true, "dc.date.issued": true, "dcterms.created": true,
}

var ldPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{4,40})"`)

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
