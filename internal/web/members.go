package web

import (
	"fmt"
	"sort"

	"parallax/internal/model"
)

// storyMembers is what a story's page shows of its members besides the
// report: its outlets in the order they first published, each with its
// count of articles; the outlet of each article the report cites; the
// part of the article list shown; and the runs of articles the timeline
// draws. A story that fits one page of the list has them from all its
// members (membersOf); a larger one from the store, a page at a time
// (largestory.go).
type storyMembers struct {
	outlets  []outletInfo
	outletOf map[int64]string // by article: at least every article the report cites
	groups   []articleGroup
	page     articlesPage
	runs     []run
	inferred bool // no member is dated: the story's days come from its texts
}

// run is articles of one outlet that the timeline draws as one: a small
// story's single article, or a large story's articles of one span of
// dates (store.OutletSpan) with the list page where they begin.
type run struct {
	outlet string
	first  model.Article // a span's: only its first date
	count  int
	last   string // the latest published date
	href   string // a span's link; "" for an article (its page)
}

// membersOf takes what a story's page shows of its members from all of
// them (arts in placement order).
func membersOf(arts []model.Article, dups map[int64]int64, href func(int64) string) storyMembers {
	m := storyMembers{outletOf: map[int64]string{}, inferred: model.DaysInferred(arts)}
	index := map[string]int{}
	sorted := append([]model.Article(nil), arts...)
	sort.SliceStable(sorted, func(i, j int) bool { return pubKey(sorted[i]) < pubKey(sorted[j]) })
	for _, a := range sorted {
		name := a.OutletLabel()
		m.outletOf[a.ID] = name
		i, ok := index[name]
		if !ok {
			i = len(m.outlets)
			index[name] = i
			m.outlets = append(m.outlets, outletInfo{Name: name, Class: fmt.Sprintf("o%d", i%8)})
		}
		m.outlets[i].Articles++
	}
	m.groups = make([]articleGroup, len(m.outlets))
	for i, o := range m.outlets {
		m.groups[i].Outlet = o
	}
	byDate := append([]model.Article(nil), arts...)
	sort.Slice(byDate, func(i, j int) bool {
		ai, aj := byDate[i], byDate[j]
		if pubKey(ai) != pubKey(aj) {
			return pubKey(ai) < pubKey(aj)
		}
		return ai.ID < aj.ID
	})
	for _, a := range byDate {
		i := index[m.outletOf[a.ID]]
		m.groups[i].Articles = append(m.groups[i].Articles, toArticleRow(a, dups[a.ID], href))
	}
	for _, a := range arts {
		m.runs = append(m.runs, run{outlet: a.OutletLabel(), first: a, count: 1, last: a.Published})
	}
	return m
}

func toArticleRow(a model.Article, dup int64, href func(int64) string) articleRow {
	row := articleRow{ID: a.ID, Href: href(a.ID), Anchor: fmt.Sprintf("a%d", a.ID), Title: a.Title,
		Published: shortTime(a.Published), SourceURL: safeURL(a.URL), Source: a.URL}
	if row.Source == "" {
		row.Source = a.Source
	}
	if dup != 0 {
		row.DuplicateOf, row.DupHref = dup, href(dup)
	}
	return row
}
