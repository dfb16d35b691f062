package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// CoverageRow is one article of an export of a story or a search: who
// published what, when, where, with what the registry records of the
// outlet (docs/export.md).
type CoverageRow struct {
	StoryID     int64             `json:"story_id"`
	StoryTitle  string            `json:"story_title"`
	ArticleID   int64             `json:"article_id"`
	Outlet      string            `json:"outlet"`
	Country     string            `json:"country"`
	Language    string            `json:"language"` // the article's
	Attributes  map[string]string `json:"attributes"`
	Published   string            `json:"published"`
	URL         string            `json:"url"`
	Title       string            `json:"title"`
	DuplicateOf int64             `json:"duplicate_of"`
}

// CoverageRows makes one row per member of the stories, in their order.
func CoverageRows(stories []model.Story, refs []store.ArticleRef, reg *outlets.Index) []CoverageRow {
	titles := map[int64]string{}
	for _, s := range stories {
		titles[s.ID] = s.Title
	}
	order := map[int64]int{}
	for i, s := range stories {
		order[s.ID] = i
	}
	refs = slices.Clone(refs)
	slices.SortStableFunc(refs, func(a, b store.ArticleRef) int { return order[a.StoryID] - order[b.StoryID] })
	rows := make([]CoverageRow, 0, len(refs))
	for _, r := range refs {
		a := r.Article
		row := CoverageRow{StoryID: r.StoryID, StoryTitle: titles[r.StoryID], ArticleID: a.ID, Outlet: a.OutletLabel(),
			Language: a.Language, Attributes: map[string]string{}, Published: a.Published, URL: a.URL, Title: a.Title, DuplicateOf: r.DuplicateOf}
		if o, ok := reg.Label(row.Outlet); ok {
			row.Outlet, row.Country = o.Name, o.Country
			for k, v := range o.Attributes {
				row.Attributes[k] = v
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCoverageCSV writes rows as CSV: the fixed columns, then one column
// per attribute the registry records besides country and language. A cell
// a spreadsheet would take for a formula (=, +, -, @ first) is prefixed
// with ' — titles are other people's text.
func WriteCoverageCSV(w io.Writer, rows []CoverageRow, reg *outlets.Index) error {
	var attrs []string
	for _, a := range reg.Attributes() {
		if a != "country" && a != "language" {
			attrs = append(attrs, a)
		}
	}
	cw := csv.NewWriter(w)
	head := append([]string{"story_id", "story_title", "article_id", "outlet", "country", "language"}, attrs...)
	if err := cw.Write(append(head, "published", "url", "title", "duplicate_of")); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{strconv.FormatInt(r.StoryID, 10), r.StoryTitle, strconv.FormatInt(r.ArticleID, 10), r.Outlet, r.Country, r.Language}
		for _, a := range attrs {
			rec = append(rec, r.Attributes[a])
		}
		rec = append(rec, r.Published, r.URL, r.Title, strconv.FormatInt(r.DuplicateOf, 10))
		for i := range rec {
			rec[i] = inert(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func inert(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// maxExportStories bounds an export of a list: the first this many stories
// of it.
const maxExportStories = 500

// exportResponse renders the rows of stories as CSV or JSON.
func (s *server) exportResponse(ctx context.Context, stories []model.Story, format, name string) (*response, error) {
	reg, err := s.registry(ctx)
	if err != nil {
		return nil, err
	}
	refs, err := s.cfg.Store.StoryArticleRefs(ctx, store.StoryIDs(stories))
	if err != nil {
		return nil, err
	}
	rows := CoverageRows(stories, refs, reg)
	if format == "json" {
		return jsonResponse(http.StatusOK, map[string]any{"articles": rows})
	}
	var buf bytes.Buffer
	if err := WriteCoverageCSV(&buf, rows, reg); err != nil {
		return nil, err
	}
	resp := newResponse(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	resp.filename = name + ".csv"
	return resp, nil
}

func (s *server) storyExport(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := idParam(r)
		if !ok {
			apiError(w, http.StatusNotFound, "story ids are positive integers")
			return
		}
		st, version, err := s.storyVersion(r.Context(), id)
		if err != nil {
			s.storeError(w, r, true, err)
			return
		}
		s.cached(w, r, true, "export-"+format+":"+version, 0, func(ctx context.Context) (*response, error) {
			if rep, _, err := s.cfg.Store.Report(ctx, id); err == nil && rep.Title != "" {
				st.Title = rep.Title
			}
			return s.exportResponse(ctx, []model.Story{st}, format, fmt.Sprintf("story-%d", id))
		})
	}
}

func (s *server) listExport(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := parseList(r)
		if err != nil {
			apiError(w, http.StatusBadRequest, err.Error())
			return
		}
		rk, err := s.registryKey(r.Context())
		if err != nil {
			s.storeError(w, r, true, err)
			return
		}
		s.cached(w, r, true, "export-"+format+":"+rk+":"+p.url("/", 1), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
			reg, err := s.registry(ctx)
			if err != nil {
				return nil, err
			}
			q := p.query(maxExportStories, reg)
			q.Limit, q.Offset = maxExportStories, 0
			stories, err := s.cfg.Store.Stories(ctx, q)
			if err != nil {
				return nil, err
			}
			return s.exportResponse(ctx, stories, format, "stories")
		})
	}
}
