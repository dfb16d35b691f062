package web

import (
	"fmt"
	"html/template"
	"io"
	"sync"

	"parallax/internal/model"
)

var (
	standaloneOnce sync.Once
	standaloneTmpl *template.Template
	standaloneErr  error
)

// StoryPage writes one story as a standalone HTML file: the same sections
// as the served page, the stylesheet inlined, article links pointing at
// anchors in the file. r is nil when no comparison was built yet.
func StoryPage(w io.Writer, s model.Story, arts []model.Article, r *model.Report) error {
	standaloneOnce.Do(func() {
		pages, err := parsePages()
		if err != nil {
			standaloneErr = err
			return
		}
		standaloneTmpl = pages["standalone"]
	})
	if standaloneErr != nil {
		return standaloneErr
	}
	v := buildStory(s, membersOf(arts, nil, articleHref(true)), r, true)
	data := struct {
		Title string
		CSS   template.CSS
		Data  storyView
	}{v.Story.Title, template.CSS(styleCSS()), v}
	if err := standaloneTmpl.ExecuteTemplate(w, "standalone", data); err != nil {
		return fmt.Errorf("story %d page: %w", s.ID, err)
	}
	return nil
}
