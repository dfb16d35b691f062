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
	for _, c := range cells {
		b.WriteString(`<td class="cell">`)
		switch {
		case c.Has && c.Href != "":
			b.WriteString(`<a class="dot ` + esc(c.Class) + `" href="` + esc(c.Href) + `" title="` + esc(c.Outlet) + `: ` + esc(c.Sentence) +
				`"><span class="sr">` + esc(c.Outlet) + ` reports this</span></a>`)
		case c.Has:
			b.WriteString(`<span class="dot ` + esc(c.Class) + `" title="` + esc(c.Outlet) + `"><span class="sr">` + esc(c.Outlet) +
				` reports this</span></span>`)
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
	cy := strconv.Itoa(y)
	for _, d := range dots {
		b.WriteString(`<a href="` + esc(d.Href) + `"><circle class="art" cx="` + strconv.Itoa(d.X) + `" cy="` + cy + `" r="` +
			strconv.Itoa(d.R) + `"><title>` + esc(d.Title) + `</title></circle></a>`)
	}
	return template.HTML(b.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }
