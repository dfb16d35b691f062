package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"

	"parallax/internal/compare"
	"parallax/internal/model"
	"parallax/internal/store"
)

// Storylines: stories that continue one another, in time order, each with
// what it adds to the one before.

const (
	storylinesPerPage = 30
	// MaxStorylineStories bounds the stories `parallax storylines ID`
	// shows, the first in time.
	MaxStorylineStories = 200
	// storylineStepsPerPage is a storyline page's (and its API's) share:
	// each story costs its report and names (about 1.5 ms of CPU), so 200
	// at once took 300 ms.
	storylineStepsPerPage = 20
	maxNewNames           = 8
)

// StorylineStep is one story of a storyline as its page, its API and
// `parallax storylines ID` show it.
type StorylineStep struct {
	Story model.Story `json:"story"`
	// Brief is the first line of its brief, "" before its report is built.
	Brief string `json:"brief"`
	// New lists what it states that the story before did not (its brief
	// lines and claims); NewNames the people, places and organisations it
	// names that the story before did not; NewOutlets its outlets that did
	// not cover the story before. All empty for the first story.
	New        []string              `json:"new"`
	NewNames   []store.EntityMention `json:"new_names"`
	NewOutlets []string              `json:"new_outlets"`
}

// Storyline reads up to limit of a storyline's stories in time, past
// offset, and compares each with the one before (the first of a later
// page with the last of the page before); more says whether stories
// follow. store.ErrNotFound when no story belongs to it or offset is
// past its end.
func Storyline(ctx context.Context, st Store, id int64, offset, limit int) (steps []StorylineStep, more bool, err error) {
	skip := min(offset, 1) // the story before the first shown, to compare with
	stories, err := st.StorylineStories(ctx, id, skip+limit+1, offset-skip)
	if err != nil {
		return nil, false, err
	}
	if len(stories) <= skip {
		return nil, false, fmt.Errorf("storyline %d: %w", id, store.ErrNotFound)
	}
	if more = len(stories) > skip+limit; more {
		stories = stories[:skip+limit]
	}
	steps, err = storylineSteps(ctx, st, stories)
	if err != nil {
		return nil, false, err
	}
	return steps[skip:], more, nil
}

// storylineSteps compares each story with the one before. The stories'
// reports and names are read in one query each: read story by story, the
// queries cost more than the small stories of a long storyline.
func storylineSteps(ctx context.Context, st Store, stories []model.Story) ([]StorylineStep, error) {
	ids := make([]int64, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	reports, err := st.ReportOutlines(ctx, ids)
	if err != nil {
		return nil, err
	}
	allNames, err := st.StoriesNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	steps := make([]StorylineStep, 0, len(stories))
	var prev *compare.ReportDigest
	var prevNames map[int64]bool
	var prevOutlets []string
	for i, story := range stories {
		var rep *model.Report
		if r, ok := reports[story.ID]; ok {
			rep = &r
		}
		names := dedupeNames(allNames[story.ID])
		digest := compare.DigestReport(rep)
		step := StorylineStep{Story: story, New: []string{}, NewNames: []store.EntityMention{}, NewOutlets: []string{}}
		if rep != nil {
			if rep.Title != "" {
				step.Story.Title = rep.Title
			}
			if len(rep.Summary) > 0 {
				step.Brief = rep.Summary[0].Text
			}
		}
		if i > 0 {
			step.New = append(step.New, compare.NewIn(prev, digest)...)
			step.NewNames = newNames(names, prevNames)
			step.NewOutlets = newStrings(story.Outlets, prevOutlets)
		}
		steps = append(steps, step)
		prev, prevOutlets, prevNames = digest, story.Outlets, map[int64]bool{}
		for _, n := range names {
			prevNames[n.EntityID] = true
		}
	}
	return steps, nil
}

// optionalReport is a story's report, nil when none was built yet.
func optionalReport(ctx context.Context, st Store, id int64) (*model.Report, error) {
	rep, _, err := st.Report(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &rep, nil
}

func newNames(names []store.EntityMention, before map[int64]bool) []store.EntityMention {
	out := []store.EntityMention{}
	for _, n := range names {
		if !before[n.EntityID] && len(out) < maxNewNames {
			out = append(out, n)
		}
	}
	return out
}

func newStrings(now, before []string) []string {
	known := map[string]bool{}
	for _, b := range before {
		known[b] = true
	}
	out := []string{}
	for _, n := range now {
		if !known[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

type storylineEntry struct {
	Row        storyRow
	Brief      string
	New        []string
	NewNames   []nameLink
	NewOutlets []string
	First      bool
}

type storylineView struct {
	ID         int64
	Title      string // its latest story's
	Days       string
	Entries    []storylineEntry
	From, To   int // the numbers of its first and last stories shown, from 1
	Paged      bool
	Follow     string
	Page       int
	Prev, Next string
}

func buildStoryline(id int64, pg int, steps []StorylineStep, more bool) storylineView {
	offset := (pg - 1) * storylineStepsPerPage
	v := storylineView{ID: id, From: offset + 1, To: offset + len(steps), Paged: pg > 1 || more, Page: pg,
		Follow: fmt.Sprintf("parallax follow add --storyline %d", id)}
	base := fmt.Sprintf("/storylines/%d", id)
	if pg > 1 {
		v.Prev = pageURL(base, pg-1)
	}
	if more {
		v.Next = pageURL(base, pg+1)
	}
	for i, st := range steps {
		e := storylineEntry{Row: toStoryRow(st.Story), Brief: st.Brief, New: st.New, NewOutlets: st.NewOutlets, First: offset+i == 0}
		e.Row.Outlets, e.Row.More = st.Story.Outlets, 0
		for _, n := range st.NewNames {
			e.NewNames = append(e.NewNames, toNameLink(n))
		}
		v.Entries = append(v.Entries, e)
	}
	first, last := steps[0].Story, steps[len(steps)-1].Story
	v.Title = last.Title
	v.Days = storyDays(model.Story{FirstPublished: first.FirstPublished, LastPublished: last.LastPublished})
	return v
}

func (s *server) storylinePage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "Storyline numbers are positive whole numbers.")
		return
	}
	pg, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.cached(w, r, false, fmt.Sprintf("storyline:%d:%d", id, pg), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		steps, more, err := Storyline(ctx, s.cfg.Store, id, (pg-1)*storylineStepsPerPage, storylineStepsPerPage)
		if err != nil {
			return nil, err
		}
		v := buildStoryline(id, pg, steps, more)
		return s.renderPage(http.StatusOK, "storyline", page{Title: "Storyline: " + v.Title, Nav: "storylines", Data: v})
	})
}

type storylinesView struct {
	Lines      []storylineListRow
	Page       int
	Prev, Next string
}

type storylineListRow struct {
	store.Storyline
	Href string
	Days string
}

// storylinesList reads one page of storylines, and whether there is a next.
func (s *server) storylinesList(ctx context.Context, page int) ([]store.Storyline, bool, error) {
	lines, err := s.cfg.Store.Storylines(ctx, storylinesPerPage+1, (page-1)*storylinesPerPage)
	if err != nil {
		return nil, false, err
	}
	more := len(lines) > storylinesPerPage
	if more {
		lines = lines[:storylinesPerPage]
	}
	return lines, more, nil
}

func pageURL(base string, page int) string {
	if page <= 1 {
		return base
	}
	return fmt.Sprintf("%s?page=%d", base, page)
}

func (s *server) storylinesPage(w http.ResponseWriter, r *http.Request) {
	pg, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.cached(w, r, false, fmt.Sprintf("storylines:%d", pg), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		lines, more, err := s.storylinesList(ctx, pg)
		if err != nil {
			return nil, err
		}
		v := storylinesView{Page: pg}
		for _, l := range lines {
			v.Lines = append(v.Lines, storylineListRow{Storyline: l, Href: fmt.Sprintf("/storylines/%d", l.ID),
				Days: storyDays(model.Story{FirstPublished: l.First, LastPublished: l.Last})})
		}
		if pg > 1 {
			v.Prev = pageURL("/storylines", pg-1)
		}
		if more {
			v.Next = pageURL("/storylines", pg+1)
		}
		return s.renderPage(http.StatusOK, "storylines", page{Title: "Storylines", Nav: "storylines", Data: v})
	})
}

type apiStorylines struct {
	Storylines []store.Storyline `json:"storylines"`
	Page       int               `json:"page"`
	Next       string            `json:"next"`
}

func (s *server) apiStorylines(w http.ResponseWriter, r *http.Request) {
	page, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.cached(w, r, true, fmt.Sprintf("api-storylines:%d", page), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		lines, more, err := s.storylinesList(ctx, page)
		if err != nil {
			return nil, err
		}
		out := apiStorylines{Storylines: nonNilList(lines), Page: page}
		if more {
			out.Next = pageURL("/api/storylines", page+1)
		}
		return jsonResponse(http.StatusOK, out)
	})
}

func (s *server) apiStoryline(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "storyline ids are positive integers")
		return
	}
	pg, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.cached(w, r, true, fmt.Sprintf("api-storyline:%d:%d", id, pg), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		steps, more, err := Storyline(ctx, s.cfg.Store, id, (pg-1)*storylineStepsPerPage, storylineStepsPerPage)
		if err != nil {
			return nil, err
		}
		next := ""
		if more {
			next = pageURL(fmt.Sprintf("/api/storylines/%d", id), pg+1)
		}
		return jsonResponse(http.StatusOK, map[string]any{"id": id, "stories": steps, "page": pg, "next": next})
	})
}

// nonNilList makes an empty list encode as [] rather than null.
func nonNilList[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
