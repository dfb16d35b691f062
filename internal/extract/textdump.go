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
	}
}
