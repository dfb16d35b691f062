package web

import (
	"html/template"
	"strconv"
	"strings"
)

// The two parts of a story page that repeat most, the coverage matrix's
// cells (a large story's report: 64 claims by 31 outlets, 2,000 cells)
// and the timeline's dots (40 outlets by a dozen spans), are written
// here rather than by the template: each template action is a reflective
// call, and these took 12 ms of the 18 ms that rendering such a page took.
// Every value is escaped as the template escapes text and quoted
// attributes (template.HTMLEscapeString); the links are the page's own.

// matrixCells renders a matrix row's cells.
func matrixCells(cells []matrixCell) template.HTML {
	var b strings.Builder
	b.Grow(len(cells) * 128)
	for _, c := range cells {
		b.WriteString(`<td class="cell">`)
		switch {
		case c.Has && c.Href != "":
			b.WriteString(`<a class="dot `)
			escTo(&b, c.Class)
			b.WriteString(`" href="`)
			escTo(&b, c.Href)
			b.WriteString(`" title="`)
			escTo(&b, c.Outlet)
			b.WriteString(`: `)
			escTo(&b, c.Sentence)
			b.WriteString(`"><span class="sr">`)
			escTo(&b, c.Outlet)
			b.WriteString(` reports this</span></a>`)
		case c.Has:
			b.WriteString(`<span class="dot `)
			escTo(&b, c.Class)
			b.WriteString(`" title="`)
			escTo(&b, c.Outlet)
			b.WriteString(`"><span class="sr">`)
			escTo(&b, c.Outlet)
			b.WriteString(` reports this</span></span>`)
		case c.NotFound:
			b.WriteString(`<span class="unsure" title="not found: it may say this in other words"><span class="sr">not found</span></span>`)
		default:
			b.WriteString(`<span class="none" title="left out"><span class="sr">left out</span></span>`)
		}
		b.WriteString(`</td>`)
	}
	return template.HTML(b.String())
}

// timelineDots renders a timeline lane's dots, at height y.
func timelineDots(dots []dot, y int) template.HTML {
	var b strings.Builder
	b.Grow(len(dots) * 160)
	cy := strconv.Itoa(y)
	for _, d := range dots {
		b.WriteString(`<a href="`)
		escTo(&b, d.Href)
		b.WriteString(`"><circle class="art" cx="`)
		b.WriteString(strconv.Itoa(d.X))
		b.WriteString(`" cy="`)
		b.WriteString(cy)
		b.WriteString(`" r="`)
		b.WriteString(strconv.Itoa(d.R))
		b.WriteString(`"><title>`)
		escTo(&b, d.Title)
		b.WriteString(`</title></circle></a>`)
	}
	return template.HTML(b.String())
}

// escTo writes s escaped as template.HTMLEscapeString escapes it, without
// the copy that function returns.
func escTo(b *strings.Builder, s string) { textEscaper.WriteString(b, s) }

var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "&", "&amp;", "<", "&lt;", ">", "&gt;")
