package enrich

import (
	"parallax/internal/model"
	"parallax/internal/text"
)

// Figures finds numbers with what they count in an article's headline
// (Paragraph -1) and paragraphs, in text order: "nine people killed" (9,
// "person"), "30-day ceasefire" (30, "day"), "$1.2 billion" (1.2e9,
// "dollar"), "3%" (3, "percent"). A number with nothing it counts is left
// out, and so are years, dates, times, ages after names ("Smith, 45,"),
// list markers, phone numbers and numbers inside names ("F-16", "Article
// 5"). Numbers inside quotations are kept: outlets differ on those too.
// Vague counts take their smallest value ("dozens" 24, "hundreds" 200).
func Figures(a model.Article) []model.Figure {
	var out []model.Figure
	scanParagraphs(a.Title, a.Paragraphs(), func(p string, idx int, toks []scanTok, spans *sentenceCache) {
		out = appendFigures(out, p, idx, toks, spans)
	})
	return out
}

// appendFigures adds the figures of one paragraph.
func appendFigures(out []model.Figure, p string, idx int, toks []scanTok, sents *sentenceCache) []model.Figure {
	fs := figureScanner{p: p, toks: toks, headline: idx < 0}
	var spans []text.Span
	for i := 0; i < len(toks); {
		if !fs.mayStartNumber(i) {
			i++
			continue
		}
		q, ok := fs.quantityAt(i)
		if !ok {
			i++
			continue
		}
		if fs.notAFigure(q) {
			i = q.to
			continue
		}
		from := q.from
		unit, end, ok := fs.unitAfter(q)
		if !ok {
			unit, from, ok = fs.unitBefore(q)
			end = q.to
		}
		if !ok || fs.word(end) == "ago" { // "ten years ago" is a date
			i = q.to
			continue
		}
		if spans == nil {
			spans = sents.of(p)
		}
		start := toks[from].start
		s := sentenceSpanAt(spans, start)
		out = append(out, model.Figure{
			Text:      p[start:toks[end-1].end],
			Value:     q.value,
			Unit:      unit,
			Paragraph: idx,
			Sentence:  p[s.Start:max(s.End, min(toks[end-1].end, len(p)))],
		})
		i = end
	}
	return out
}

// mayStartNumber is a cheap test for a token that can begin a quantity.
func (fs figureScanner) mayStartNumber(i int) bool {
	t := fs.toks[i]
	switch t.kind {
	case scanNum:
		return true
	case scanPunct:
		_, ok := currencySigns[t.low]
		return ok
	}
	return quantityOpeners[t.low]
}

// quantityOpeners are the words a quantity can begin with.
var quantityOpeners = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "tens": true}
	for w := range cardinalWords {
		m[w] = true
	}
	for w := range vagueCounts {
		m[w] = true
	}
	for w := range dollarPrefixes {
		m[w] = true
	}
	return m
}()

// unitBefore reads the counted noun before a bare vague quantity: "the
// deaths of hundreds of thousands". Only vague ones: after an exact number
// the noun usually gives a size, not a count ("teams of eight").
func (fs figureScanner) unitBefore(q figQuantity) (unit string, from int, ok bool) {
	if !q.vague || q.from < 2 || fs.word(q.from-1) != "of" {
		return "", 0, false
	}
	w := fs.word(q.from - 2)
	if !isCountedPlural(w) || fs.toks[q.from-2].isUpperStart(fs.p) {
		return "", 0, false
	}
	return singularUnit(w), q.from - 2, true
}
