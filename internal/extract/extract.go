// Package extract turns one source document into one clean article: HTML
// through go-trafilatura, text dumps through our own boilerplate remover,
// records by mapping their fields.
package extract

import (
	"errors"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/source"
)

// ErrNoContent means the input held no article text.
var ErrNoContent = errors.New("no article text found")

// Document extracts the article from d.
func Document(d source.Doc) (model.Article, error) {
	var (
		a   model.Article
		err error
	)
	switch d.Kind {
	case source.KindHTML:
		a, err = FromHTML(d.Source, d.Text)
	case source.KindText:
		a, err = FromText(d.Source, d.Text)
	case source.KindRecord:
		if d.Record == nil {
			return a, fmt.Errorf("record document without a record")
		}
		a, err = FromRecord(d.Source, *d.Record)
	default:
		return a, fmt.Errorf("unknown document kind %q", d.Kind)
	}
	if err != nil {
		return a, err
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Body == "" {
		return a, ErrNoContent
	}
	return a, nil
}
