package extract

import (
	"strings"

	"parallax/internal/model"
)

// FromText extracts an article from a plain-text dump of a page.
// Placeholder: keeps every non-empty line; the boilerplate remover replaces it.
func FromText(src, s string) (model.Article, error) {
	var ps []string
	for _, l := range strings.Split(s, "\n") {
		ps = append(ps, l)
	}
	return model.Article{Source: src, Body: model.JoinParagraphs(ps)}, nil
}
