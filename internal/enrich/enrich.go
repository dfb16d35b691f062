package enrich

import (
	"sort"

	"parallax/internal/model"
)

// Article enriches one article: its entities (with aliases and
// cross-article keys), direct quotations with speakers, scare-quoted terms,
// dates and figures. Paragraph indexes refer to a.Paragraphs(), -1 to the
// headline. The result is deterministic and its slices are never nil.
func Article(a model.Article) model.Enrichment {
	d := newDoc(a)
	d.resolve()
	quotes, terms := d.quotes()
	// The date and figure finders share one scan of each paragraph.
	var found dateFinder
	var figures []model.Figure
	scanParagraphs(a.Title, a.Paragraphs(), func(p string, idx int, toks []scanTok, spans *sentenceCache) {
		found.add(p, idx, toks, spans)
		figures = appendFigures(figures, p, idx, toks, spans)
	})
	dates, ref, inferred := resolveDates(a, found.found, "")
	if dates == nil {
		dates = []model.DateMention{}
	}
	if figures == nil {
		figures = []model.Figure{}
	}
	sortQuotes(quotes)
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].Paragraph < terms[j].Paragraph })
	return model.Enrichment{
		Entities:    d.entities(),
		Quotes:      quotes,
		Terms:       terms,
		Dates:       dates,
		Figures:     figures,
		RefDate:     ref,
		RefInferred: inferred,
	}
}

// sortQuotes orders quotations by paragraph, keeping text order within one.
func sortQuotes(qs []model.Quote) {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Paragraph < qs[j].Paragraph })
}
