package extract

import (
	"parallax/internal/model"
)

// FromText extracts an article from a plain-text dump of a web page (the
// output of w3m -dump and the like). It rates every line with a small
// logistic model over line and neighbourhood features, takes the densest
// run of likely text as the article, drops the furniture the rules
// recognise (captions, links to other stories, embedded-post signatures,
// repeated text), and reads headline, byline and dateline above it.
func FromText(src, s string) (model.Article, error) {
	return fromText(src, s, &textdumpWeights), nil
}

func fromText(src, s string, w *featureVec) model.Article {
	p := newPage(s, w)
	m, body := p.findMeta(p.bodyLines())
	ps := make([]string, 0, len(body))
	for _, i := range body {
		ps = append(ps, p.lines[i].text)
	}
	return model.Article{
		Source:    src,
		Title:     m.title,
		Authors:   m.authors,
		Outlet:    m.outlet,
		Published: m.published,
		Body:      model.JoinParagraphs(ps),
		PageDates: p.pageDates(m.titleAt, body),
	}
}

// pageDates returns the dates on the lines around the article that are not
// its body (photo captions, embedded posts' signatures), from the headline
// to the last body line, in order and without repeats. They date an article
// that has no dateline; lines outside that span belong to other stories.
func (p *page) pageDates(titleAt int, body []int) []string {
	if len(body) == 0 {
		return nil
	}
	inBody := make(map[int]bool, len(body))
	for _, i := range body {
		inBody[i] = true
	}
	from := body[0]
	if titleAt >= 0 && titleAt < from {
		from = titleAt
	}
	var out []string
	seen := map[string]bool{}
	for i := from; i <= body[len(body)-1]; i++ {
		if inBody[i] || i == titleAt {
			continue
		}
		d, ok := p.lines[i].date, p.lines[i].dated
		if p.lines[i].words > dateWords {
			d, ok = findDate(p.lines[i].text)
		}
		if !ok {
			continue
		}
		day := d.t.Format("2006-01-02")
		if !seen[day] {
			seen[day] = true
			out = append(out, day)
		}
	}
	return out
}
