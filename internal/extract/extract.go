// Package extract turns one source document into one clean article: HTML
// through go-trafilatura, text dumps through our own boilerplate remover,
// records by mapping their fields.
package extract

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"parallax/internal/lang"
	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/text"
)

// ErrNoContent means the input held no article text.
var ErrNoContent = errors.New("no article text found")

// Document extracts the article from d.
func Document(d source.Doc) (model.Article, error) {
	var (
		a      model.Article
		err    error
		agreed bool // the page declares the language its body is in
	)
	switch d.Kind {
	case source.KindHTML:
		a, agreed, err = fromHTML(d.Source, d.Text)
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
	dropControls(&a)
	a.URL = webURL(a.URL)
	if !agreed {
		a.Language = language(d.Kind, a)
	}
	if a.Body == "" || d.Kind == source.KindHTML && !hasWords(a.Body, minHTMLWords) {
		return a, ErrNoContent
	}
	return a, nil
}

// language names the article's language: detected from its text, which
// wins over a page's declaration (often a site-wide default); a record's
// own language field is the user's data and stands.
func language(kind source.Kind, a model.Article) string {
	if kind == source.KindRecord && a.Language != "" {
		return lang.Primary(a.Language)
	}
	return lang.Of(a.Title, a.Body, a.Language)
}

// hasWords reports whether s has at least n words (as text.Words counts
// them) without listing them all: a page's body has thousands.
func hasWords(s string, n int) bool {
	in := false
	for _, r := range s {
		switch w := text.IsWordRune(r); {
		case w && !in:
			if n--; n <= 0 {
				return true
			}
			in = true
		case !w:
			in = false
		}
	}
	return n <= 0
}

// minHTMLWords is the least text an HTML page must yield to be an article:
// a page of navigation alone ("Home News Sport") yields a few words, never
// a sentence. Records and dumps are taken at their word.
const minHTMLWords = 6

// dropControls removes control characters (C0 but tab and newline, DEL,
// C1) from every text field: they are never article text, and escape
// sequences in a title would drive the terminal that lists it.
func dropControls(a *model.Article) {
	for _, f := range []*string{&a.SourceID, &a.URL, &a.Title, &a.Outlet, &a.Published, &a.Language, &a.Body} {
		*f = withoutControls(*f)
	}
	authors := a.Authors[:0]
	for _, name := range a.Authors {
		if name = withoutControls(name); name != "" {
			authors = append(authors, name)
		}
	}
	a.Authors = authors
}

func withoutControls(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s))
}

func isControl(r rune) bool {
	return r != '\n' && r != '\t' && unicode.IsControl(r)
}

// webURL keeps an article's URL only when it is an absolute http(s) URL:
// a record or a canonical link may carry javascript: or a bare path, which
// no view should ever turn into a link.
func webURL(s string) string {
	if !model.IsWebURL(s) {
		return ""
	}
	return s
}
