package extract

import (
	"strings"

	"parallax/internal/model"
	"parallax/internal/source"
)

// FromRecord maps an exported article record to an article. A record that
// carries only HTML is extracted from it, keeping the record's own metadata
// where it has any.
func FromRecord(src string, r source.Record) (model.Article, error) {
	a := model.Article{
		Source:    src,
		SourceID:  strings.TrimSpace(r.ID),
		URL:       strings.TrimSpace(r.URL),
		Title:     cleanLine(r.Title),
		Authors:   cleanAuthors(r.Authors),
		Outlet:    cleanLine(r.Outlet),
		Published: NormaliseDate(r.Published),
		Language:  strings.ToLower(strings.TrimSpace(r.Language)),
	}
	body := r.Text
	if strings.TrimSpace(body) == "" {
		body = r.Body
	}
	if strings.TrimSpace(body) != "" {
		a.Body = normaliseBody(body)
		return a, nil
	}
	if strings.TrimSpace(r.HTML) == "" {
		return a, nil
	}
	h, err := FromHTML(src, r.HTML)
	if err != nil {
		return a, err
	}
	a.Body = h.Body
	fill(&a.Title, h.Title)
	fill(&a.Outlet, h.Outlet)
	fill(&a.Published, h.Published)
	fill(&a.Language, h.Language)
	fill(&a.URL, h.URL)
	if len(a.Authors) == 0 {
		a.Authors = h.Authors
	}
	return a, nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func cleanLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func cleanAuthors(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, a := range in {
		a = cleanLine(a)
		if a != "" && !seen[strings.ToLower(a)] {
			seen[strings.ToLower(a)] = true
			out = append(out, a)
		}
	}
	return out
}

// normaliseBody collapses whitespace inside paragraphs and separates
// paragraphs by one blank line. Single newlines inside a paragraph become
// paragraph breaks too: exporters rarely wrap lines, so a newline is a break.
func normaliseBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var ps []string
	for _, l := range strings.Split(s, "\n") {
		ps = append(ps, cleanLine(l))
	}
	return model.JoinParagraphs(ps)
}
