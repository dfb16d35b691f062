package web

import (
	"sort"
	"strings"

	"parallax/internal/compare"
	"parallax/internal/model"
)

type briefLine struct {
	Text     string
	Refs     []ref
	Disputed []disputedView
}

// disputedView is another side of a value a brief line carries.
type disputedView struct {
	Subject, Value string
	Refs           []ref
}

// matrix is the outlet-by-claim coverage: one row per claim, one column
// per outlet; rows every outlet reports come first, then the claims only
// some report, which is where outlets differ.
type matrix struct {
	Outlets []outletInfo
	Rows    []matrixRow // claims two or more outlets report
	Single  []matrixRow // claims one outlet alone reports, shown folded
	Shared  int         // claims every outlet reports
	Partial int
}

type matrixRow struct {
	Claim   string
	Cells   []matrixCell
	Count   int
	Partial bool
	Only    string // the one outlet reporting it, when only one does
	First   bool   // the first partial row: a divider goes above it
}

type matrixCell struct {
	Has      bool
	NotFound bool // the outlet may say it in other words: not said to leave it out
	Outlet   string
	Class    string
	Href     string
	Sentence string // the outlet's own wording
}

type quoteView struct {
	Speaker     string
	SpeakerHref string   // the speaker's entity page, when known
	Speakers    []string // when outlets attribute it differently
	Text        string
	Refs        []ref
	Variants    []variantView
	Differing   bool
}

type variantView struct {
	Refs      []ref
	Diff      []model.DiffPart
	Identical bool
	Truncated bool
	Label     string // what differs: "shortened; words changed: DEAL → MEETING"
}

type discrepancyView struct {
	Kind    string
	Subject string
	Values  []discrepancyValue
}

type discrepancyValue struct {
	Value     string
	Refs      []ref
	Sentences []string
}

type framingView struct {
	Outlet      outletInfo
	Names       []model.NameChoice
	Loaded      []string
	ScareQuotes []string
}

func (b *storyBuilder) brief(ss []model.SummarySentence) []briefLine {
	out := make([]briefLine, 0, len(ss))
	for _, s := range ss {
		l := briefLine{Text: s.Text, Refs: b.refs(s.ArticleIDs, s.Outlets)}
		for _, d := range s.Disputed {
			l.Disputed = append(l.Disputed, disputedView{d.Subject, d.Value, b.refs(d.ArticleIDs, nil)})
		}
		out = append(out, l)
	}
	return out
}

func (b *storyBuilder) matrix(claims []model.Claim) matrix {
	for _, c := range claims { // columns for outlets only the report names
		for _, o := range c.Outlets {
			b.info(o)
		}
		for _, s := range c.Sentences {
			if _, ok := b.outletOf[s.ArticleID]; !ok {
				b.info(s.Outlet)
			}
		}
	}
	m := matrix{Outlets: b.outlets}
	for _, c := range claims {
		m.Rows = append(m.Rows, b.matrixRow(c))
	}
	sort.SliceStable(m.Rows, func(i, j int) bool { return m.Rows[i].Count > m.Rows[j].Count })
	var multi []matrixRow
	for _, row := range m.Rows {
		row.Partial = row.Count < len(m.Outlets)
		switch {
		case !row.Partial:
			m.Shared++
		case row.Count <= 1 && len(m.Outlets) > 1:
			m.Single = append(m.Single, row)
		default:
			row.First = m.Partial == len(m.Single)
		}
		if row.Partial {
			m.Partial++
		}
		for j, cell := range row.Cells {
			if cell.Has {
				m.Outlets[j].Claims++
			}
		}
		if row.Count > 1 || len(m.Outlets) == 1 {
			multi = append(multi, row)
		}
	}
	m.Rows = multi
	b.outlets = m.Outlets
	return m
}

// compared notes the part of a large story its report compares (nil when
// it compares every independent article) and keeps the matrix to the
// outlets it compared: the others are not said to leave claims out.
func (b *storyBuilder) compared(s model.Story, ids []int64, m *matrix) *comparedView {
	if ids == nil {
		return nil
	}
	in := map[string]bool{}
	for _, id := range ids {
		if o, ok := b.outletOf[id]; ok {
			in[o] = true
		}
	}
	keep := make([]int, 0, len(in))
	for j, o := range m.Outlets {
		if in[o.Name] {
			keep = append(keep, j)
		}
	}
	m.keepColumns(keep)
	return &comparedView{Articles: len(ids), Outlets: len(in), OfArticles: s.Independent, OfOutlets: s.IndependentOutlets}
}

// keepColumns keeps the matrix's columns at the given indices, counting
// again which rows every kept outlet reports.
func (m *matrix) keepColumns(keep []int) {
	cols := func(cells []matrixCell) []matrixCell {
		out := make([]matrixCell, len(keep))
		for i, j := range keep {
			out[i] = cells[j]
		}
		return out
	}
	outlets := make([]outletInfo, len(keep))
	for i, j := range keep {
		outlets[i] = m.Outlets[j]
	}
	m.Outlets, m.Shared, m.Partial = outlets, 0, 0
	for _, rows := range [][]matrixRow{m.Rows, m.Single} {
		for i := range rows {
			rows[i].Cells = cols(rows[i].Cells)
			rows[i].Partial = rows[i].Count < len(outlets)
			rows[i].First = false
			if rows[i].Partial {
				m.Partial++
			} else {
				m.Shared++
			}
		}
	}
	for i := range m.Rows { // the divider goes above the first partial row
		if m.Rows[i].Partial {
			m.Rows[i].First = true
			break
		}
	}
}

func (b *storyBuilder) matrixRow(c model.Claim) matrixRow {
	cells := make([]matrixCell, len(b.outlets))
	for i, o := range b.outlets {
		cells[i] = matrixCell{Outlet: o.Name, Class: o.Class}
	}
	mark := func(outlet string, id int64, sentence string) {
		i, ok := b.index[outletName(outlet)]
		if !ok || i >= len(cells) {
			return
		}
		cells[i].Has = true
		if cells[i].Href == "" && id != 0 {
			cells[i].Href = b.href(id)
		}
		if cells[i].Sentence == "" {
			cells[i].Sentence = sentence
		}
	}
	for _, s := range c.Sentences {
		name := s.Outlet
		if o, ok := b.outletOf[s.ArticleID]; ok {
			name = o
		}
		mark(name, s.ArticleID, s.Text)
	}
	for _, id := range c.ArticleIDs {
		if o, ok := b.outletOf[id]; ok {
			mark(o, id, "")
		}
	}
	for _, o := range c.Outlets {
		mark(o, 0, "")
	}
	for _, o := range c.NotFound {
		if i, ok := b.index[outletName(o)]; ok && i < len(cells) && !cells[i].Has {
			cells[i].NotFound = true
		}
	}
	row := matrixRow{Claim: c.Text, Cells: cells}
	for _, cell := range cells {
		if cell.Has {
			row.Count++
			row.Only = cell.Outlet
		}
	}
	if row.Count != 1 {
		row.Only = ""
	}
	return row
}

// quotes lists quotations with differing wordings first.
func (b *storyBuilder) quotes(groups []model.QuoteGroup) ([]quoteView, int) {
	out := make([]quoteView, 0, len(groups))
	differing := 0
	for _, g := range groups {
		q := quoteView{Speaker: g.Speaker, Speakers: g.Speakers, Text: g.Text, Refs: b.refs(g.ArticleIDs, nil)}
		for _, v := range g.Variants {
			vv := variantView{Refs: b.refs(v.ArticleIDs, v.Outlets), Diff: v.Diff, Truncated: v.Truncated, Identical: identical(v.Diff)}
			if len(v.Labels) > 0 {
				vv.Label = compare.VariantLabel(v)
			}
			if len(vv.Diff) == 0 {
				vv.Diff = []model.DiffPart{{Op: "=", Text: v.Text}}
			}
			if !vv.Identical || vv.Truncated {
				q.Differing = true
			}
			q.Variants = append(q.Variants, vv)
		}
		if len(g.Speakers) > 1 {
			q.Differing = true
		}
		if q.Differing {
			differing++
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Differing && !out[j].Differing })
	return out, differing
}

// identical: the diff has no insertions or deletions.
func identical(d []model.DiffPart) bool {
	for _, p := range d {
		if p.Op != "=" && strings.TrimSpace(p.Text) != "" {
			return false
		}
	}
	return true
}

func (b *storyBuilder) discrepancies(ds []model.Discrepancy) []discrepancyView {
	out := make([]discrepancyView, 0, len(ds))
	for _, d := range ds {
		dv := discrepancyView{Kind: d.Kind, Subject: d.Subject}
		for _, v := range d.Values {
			val := discrepancyValue{Value: v.Value, Refs: b.refs(v.ArticleIDs, nil)}
			for _, s := range v.Sentences {
				val.Sentences = append(val.Sentences, s.Text)
			}
			dv.Values = append(dv.Values, val)
		}
		out = append(out, dv)
	}
	return out
}

func (b *storyBuilder) framing(fs []model.Framing) []framingView {
	out := make([]framingView, 0, len(fs))
	for _, f := range fs {
		if len(f.Names) == 0 && len(f.Loaded) == 0 && len(f.ScareQuotes) == 0 {
			continue
		}
		out = append(out, framingView{Outlet: b.info(f.Outlet), Names: f.Names, Loaded: f.Loaded, ScareQuotes: f.ScareQuotes})
	}
	sort.SliceStable(out, func(i, j int) bool { return b.index[out[i].Outlet.Name] < b.index[out[j].Outlet.Name] })
	return out
}
