package compare

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"parallax/internal/model"
)

// listCap bounds the per-outlet lists of single-outlet and missing claims,
// so a large story's report stays readable.
const listCap = 10

// citer numbers the story's articles by outlet, then ID, for citations.
type citer struct {
	arts []model.Article
	num  map[int64]int
}

func newCiter(arts []model.Article) citer {
	sorted := append([]model.Article(nil), arts...)
	sort.SliceStable(sorted, func(i, j int) bool {
		oi, oj := outletOf(sorted[i]), outletOf(sorted[j])
		if oi != oj {
			return oi < oj
		}
		return sorted[i].ID < sorted[j].ID
	})
	c := citer{arts: sorted, num: make(map[int64]int, len(sorted))}
	for i, a := range sorted {
		c.num[a.ID] = i + 1
	}
	return c
}

// cite renders article IDs as "[1][3]", in citation order.
func (c citer) cite(ids []int64) string {
	nums := make([]int, 0, len(ids))
	for _, id := range ids {
		if n, ok := c.num[id]; ok {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	var b strings.Builder
	for _, n := range nums {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

// mdWriter keeps the first write error so sections need not check each.
type mdWriter struct {
	w   *bufio.Writer
	err error
}

func (m *mdWriter) f(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// Markdown writes the whole report as Markdown: the brief with citations,
// the articles by outlet, the coverage matrix, quotations with their
// wording diffs, discrepancies, framing per outlet and the timeline.
func Markdown(w io.Writer, s model.Story, arts []model.Article, r model.Report) error {
	m := &mdWriter{w: bufio.NewWriter(w)}
	c := newCiter(arts)
	title := r.Title
	if title == "" {
		title = s.Title
	}
	if title == "" {
		title = fmt.Sprintf("Story %d", s.ID)
	}
	m.f("# %s\n\n", oneLine(title))
	writeBrief(m, c, r)
	writeArticles(m, c, arts)
	writeCoverage(m, c, r)
	writeQuotes(m, c, r)
	writeDiscrepancies(m, c, r)
	writeFraming(m, c, r)
	writeTimeline(m, c, r)
	if m.err == nil {
		m.err = m.w.Flush()
	}
	if m.err != nil {
		return fmt.Errorf("write report of story %d: %w", s.ID, m.err)
	}
	return nil
}

func writeBrief(m *mdWriter, c citer, r model.Report) {
	m.f("## Brief\n\n")
	if len(r.Summary) == 0 {
		m.f("_No sentence stands alone._\n\n")
		return
	}
	for _, s := range r.Summary {
		m.f("- %s %s%s\n", oneLine(s.Text), c.cite(s.ArticleIDs), disputedNote(c, s.Disputed))
	}
	m.f("\n")
}

// disputedNote states the other sides of a value a brief sentence
// carries: " (disputed — Donald Trump: “former U.S. President” in [2])".
func disputedNote(c citer, ds []model.DisputedValue) string {
	if len(ds) == 0 {
		return ""
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = oneLine(d.Subject) + ": “" + oneLine(d.Value) + "” in " + c.cite(d.ArticleIDs)
	}
	return " (disputed — " + strings.Join(parts, "; ") + ")"
}

func writeArticles(m *mdWriter, c citer, arts []model.Article) {
	m.f("## Articles\n\n")
	last := ""
	for i, a := range c.arts {
		if o := outletOf(a); o != last {
			m.f("**%s**\n\n", oneLine(o))
			last = o
		}
		m.f("- [%d] %s", i+1, oneLine(a.Title))
		if a.Published != "" {
			m.f(" (%s)", a.Published)
		}
		if a.URL != "" {
			if link := mdURL(a.URL); link != "" {
				m.f(" %s", link)
			}
		}
		m.f("\n")
		if i+1 < len(c.arts) && outletOf(c.arts[i+1]) != last {
			m.f("\n")
		}
	}
	m.f("\n")
}

// outletsOf lists the outlets of the articles in citation order.
func (c citer) outlets() []string {
	var out []string
	for _, a := range c.arts {
		if o := outletOf(a); len(out) == 0 || out[len(out)-1] != o {
			out = append(out, o)
		}
	}
	return out
}

// comparedOutlets are the outlets of the compared articles, in citation
// order: every outlet unless the report compares part of a large story.
func (c citer) comparedOutlets(r model.Report) []string {
	if r.Compared == nil {
		return c.outlets()
	}
	in := make(map[int64]bool, len(r.Compared))
	for _, id := range r.Compared {
		in[id] = true
	}
	var out []string
	for _, a := range c.arts {
		if o := outletOf(a); in[a.ID] && (len(out) == 0 || out[len(out)-1] != o) {
			out = append(out, o)
		}
	}
	return out
}

func writeCoverage(m *mdWriter, c citer, r model.Report) {
	outlets := c.comparedOutlets(r)
	m.f("## Coverage\n\n")
	if r.Compared != nil {
		m.f("_The comparison reads %d of the %d articles, from %d of the %d outlets: each outlet's first and some of its later articles._\n\n",
			len(r.Compared), len(c.arts), len(outlets), len(c.outlets()))
	}
	var shared []model.Claim
	single := make(map[string][]model.Claim)
	for _, cl := range r.Claims {
		if len(cl.Outlets) >= 2 {
			shared = append(shared, cl)
		} else if len(cl.Outlets) == 1 && len(cl.NotFound) == 0 {
			single[cl.Outlets[0]] = append(single[cl.Outlets[0]], cl)
		}
	}
	if len(shared) > 0 {
		m.f("| Claim | %s |\n|---|%s\n", strings.Join(escapeAll(outlets), " | "), strings.Repeat("---|", len(outlets)))
		for _, cl := range shared {
			m.f("| %s %s |", cell(cl.Text), c.cite(cl.ArticleIDs))
			for _, o := range outlets {
				m.f(" %s |", mark(cl, o))
			}
			m.f("\n")
		}
		m.f("\n")
	} else {
		m.f("_No claim is shared by two outlets._\n\n")
	}
	writePerOutlet(m, c, "Only this outlet reports", outlets, single)
	left, unsure := missing(outlets, shared)
	writePerOutlet(m, c, "Leaves out what others report", outlets, left)
	if len(unsure) > 0 {
		m.f("_Not found (the outlet may say it in other words): ")
		first := true
		for _, o := range outlets {
			if n := len(unsure[o]); n > 0 {
				if !first {
					m.f("; ")
				}
				m.f("%s %d", oneLine(o), n)
				first = false
			}
		}
		m.f("; marked ? above._\n\n")
	}
}

// missing lists, per outlet, the shared claims nothing in its articles
// comes close to (left out) and those it may say in other words (not
// found).
func missing(outlets []string, shared []model.Claim) (left, unsure map[string][]model.Claim) {
	left, unsure = make(map[string][]model.Claim), make(map[string][]model.Claim)
	for _, cl := range shared {
		for _, o := range outlets {
			switch {
			case contains(cl.Outlets, o):
			case contains(cl.NotFound, o):
				unsure[o] = append(unsure[o], cl)
			default:
				left[o] = append(left[o], cl)
			}
		}
	}
	return left, unsure
}

func writePerOutlet(m *mdWriter, c citer, heading string, outlets []string, by map[string][]model.Claim) {
	m.f("### %s\n\n", heading)
	any := false
	for _, o := range outlets {
		cls := by[o]
		if len(cls) == 0 {
			continue
		}
		any = true
		m.f("**%s**\n\n", oneLine(o))
		for i, cl := range cls {
			if i == listCap {
				m.f("- … and %d more\n", len(cls)-listCap)
				break
			}
			m.f("- %s %s\n", oneLine(cl.Text), c.cite(cl.ArticleIDs))
		}
		m.f("\n")
	}
	if !any {
		m.f("_None._\n\n")
	}
}

// mark is a claim's cell for one outlet: ✓ states it, ? not found (it
// may say it in other words), blank leaves it out.
func mark(cl model.Claim, outlet string) string {
	switch {
	case contains(cl.Outlets, outlet):
		return "✓"
	case contains(cl.NotFound, outlet):
		return "?"
	}
	return " "
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// oneLine folds whitespace so text cannot break the Markdown structure.
func oneLine(s string) string { return mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) }

// mdEscaper backslash-escapes what lets article text act as Markdown:
// links and images ([ ]), raw HTML and autolinks (< >), emphasis, code and
// strikeout, table cells (|) and the backslash itself. Article text is
// untrusted; rendered, it must stay text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`,
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`)

// mdURL renders an article's URL as an autolink, only when it is http(s),
// with the characters that would end or break the autolink encoded.
func mdURL(raw string) string {
	if !model.IsWebURL(raw) {
		return ""
	}
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(raw) + ">"
}

// cell makes text safe inside a table cell.
func cell(s string) string { return oneLine(s) }

func escapeAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = cell(x)
	}
	return out
}
