package web

import (
	"html/template"
	"strconv"
	"strings"
)

// The article list of a story page (300 articles a page) is written here
// rather than by the template, as the matrix's cells are (fragments.go):
// its seven actions an article were most of the template's work. The
// output is byte for byte what the template wrote: text and attributes
// escaped with html/template's table, links filtered and normalized as
// html/template does a URL attribute.

// htmlEscaper escapes as html/template escapes text and quoted attribute
// values.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// articleList renders the groups of a story page's article list; with
// standalone, each article's source too.
func articleList(groups []articleGroup, standalone bool) template.HTML {
	var b strings.Builder
	b.Grow(len(groups) * 512)
	for _, g := range groups {
		b.WriteString("\n  <div class=\"outlet-group\">\n    <h3><span class=\"chip ")
		htmlEscaper.WriteString(&b, g.Outlet.Class)
		b.WriteString(`">`)
		htmlEscaper.WriteString(&b, g.Outlet.Name)
		b.WriteString("</span></h3>\n    <ul>")
		for _, a := range g.Articles {
			writeArticleItem(&b, a, standalone)
		}
		b.WriteString("</ul>\n  </div>\n  ")
	}
	return template.HTML(b.String())
}

func writeArticleItem(b *strings.Builder, a articleRow, standalone bool) {
	b.WriteString(`<li id="`)
	htmlEscaper.WriteString(b, a.Anchor)
	b.WriteString("\">\n      <a href=\"")
	writeURLAttr(b, a.Href)
	b.WriteString(`">`)
	if a.Title != "" {
		htmlEscaper.WriteString(b, a.Title)
	} else {
		b.WriteString("(untitled)")
	}
	b.WriteString("</a>\n      <span class=\"meta\">")
	htmlEscaper.WriteString(b, a.Published)
	if a.DuplicateOf != 0 {
		b.WriteString(` · near-copy of <a href="`)
		writeURLAttr(b, a.DupHref)
		b.WriteString(`">article `)
		b.WriteString(strconv.FormatInt(a.DuplicateOf, 10))
		b.WriteString(`</a>`)
	}
	b.WriteString("</span>\n      ")
	if standalone {
		b.WriteString(`<span class="meta source">`)
		if a.SourceURL != "" {
			b.WriteString(`<a href="`)
			writeURLAttr(b, a.SourceURL)
			b.WriteString(`" rel="noopener noreferrer nofollow">`)
			htmlEscaper.WriteString(b, a.Source)
			b.WriteString(`</a>`)
		} else {
			htmlEscaper.WriteString(b, a.Source)
		}
		b.WriteString(`</span>`)
	}
	b.WriteString("\n    </li>")
}

// writeURLAttr writes u as html/template writes a URL into a quoted
// attribute: a scheme other than http, https or mailto replaced by
// "#ZgotmplZ", bytes outside a URL's percent-encoded, then escaped.
func writeURLAttr(b *strings.Builder, u string) {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		if s := strings.ToLower(scheme); s != "http" && s != "https" && s != "mailto" {
			b.WriteString("#ZgotmplZ")
			return
		}
	}
	var n strings.Builder
	written := 0
	for i := 0; i < len(u); i++ {
		// A valid escape is kept (not one that ends the URL, as there).
		if urlKeeps(u[i]) || u[i] == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
			continue
		}
		n.WriteString(u[written:i])
		n.WriteString("%" + strconv.FormatUint(uint64(u[i])>>4, 16) + strconv.FormatUint(uint64(u[i])&15, 16))
		written = i + 1
	}
	if written == 0 {
		htmlEscaper.WriteString(b, u)
		return
	}
	n.WriteString(u[written:])
	htmlEscaper.WriteString(b, n.String())
}

// urlKeeps reports a byte html/template's URL normalizer leaves as it is.
func urlKeeps(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
