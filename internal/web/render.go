package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
)

//go:embed templates/*.html static/*
var assets embed.FS

// pageNames are the pages rendered inside the layout.
var pageNames = []string{"stories", "story", "article", "outlets", "search", "error",
	"storylines", "storyline", "entities", "entity", "follows", "storynames"}

var funcs = template.FuncMap{
	"inc":    func(i int) int { return i + 1 },
	"plural": plural,
	"slice1": func(r ref) []ref { return []ref{r} },
	// The story page's most repeated parts (fragments.go).
	"matrixCells":  matrixCells,
	"timelineDots": timelineDots,
	"articleList":  articleList,
}

// plural writes a count with its noun: "1 outlet", "3 outlets".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// parsePages parses each page with the shared layout and partials.
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(assets, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		out[name] = t
	}
	standalone, err := template.New("standalone").Funcs(funcs).ParseFS(assets,
		"templates/standalone.html", "templates/partials.html", "templates/story.html")
	if err != nil {
		return nil, fmt.Errorf("parse standalone page: %w", err)
	}
	out["standalone"] = standalone
	return out, nil
}

// page is what the layout renders: the page's own data in Data.
type page struct {
	Title string
	Nav   string // "stories", "outlets" or "search": the current section
	Q     string // the search box's text
	Data  any
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 and the body gets an ETag.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	resp, err := s.renderPage(status, name, p)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeResponse(w, r, resp)
}

// renderPage executes a page into an answer (logging a template error).
func (s *server) renderPage(status int, name string, p page) (*response, error) {
	// Sized by the page's last rendering: grown by doubling from nothing,
	// a story page of 450 KB allocated and copied about twice that. (A
	// pool of buffers did not hold: eight renderings at once collect
	// garbage every few requests, which empties the pool.)
	var buf bytes.Buffer
	if last, ok := s.sizes.Load(name); ok {
		buf.Grow(last.(int) + last.(int)/8)
	}
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		if s.log != nil {
			s.log.Error("render", slog.String("page", name), slog.String("error", err.Error()))
		}
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	s.sizes.Store(name, buf.Len())
	body := buf.Bytes()
	if cap(body) > len(body)+len(body)/2 {
		// Much smaller than the page before (a small story after a large
		// one): a cached answer would keep the larger buffer.
		body = bytes.Clone(body)
	}
	return newResponse(status, "text/html; charset=utf-8", body), nil
}

func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", page{Title: http.StatusText(status), Data: struct {
		Status int
		Text   string
		Msg    string
	}{status, http.StatusText(status), msg}})
}

// styleCSS is the stylesheet, for pages that inline it.
func styleCSS() string {
	b, err := fs.ReadFile(assets, "static/style.css")
	if err != nil {
		panic("embedded style.css missing: " + err.Error())
	}
	return string(b)
}
