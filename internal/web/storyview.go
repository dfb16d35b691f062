package web

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"parallax/internal/model"
)

// unknownOutlet names, in a list of outlets, the articles whose outlet is
// not known and was stored before ingest stored a label for it (see
// model.Article.OutletLabel).
const unknownOutlet = model.UnknownOutlet

// outletInfo is one outlet of a story: a column of the matrix, a lane of
// the timeline. Class picks its colour ("o0"…"o7") from a fixed set.
type outletInfo struct {
	Name     string
	Class    string
	Articles int
	Claims   int // claims it reports
}

// ref cites one outlet's article.
type ref struct {
	Outlet string
	Class  string
	Href   string
}

type articleRow struct {
	ID          int64
	Href        string
	Anchor      string
	Title       string
	Published   string
	SourceURL   string // http(s) only, else ""
	Source      string
	DuplicateOf int64
	DupHref     string
}

type articleGroup struct {
	Outlet   outletInfo
	Articles []articleRow
}

// storyView is everything the story page shows.
type storyView struct {
	Story         model.Story
	Articles      int // the story's, whatever part of them Groups lists
	Days          string
	Outlets       []outletInfo
	HasReport     bool
	Brief         []briefLine
	Matrix        matrix
	Quotes        []quoteView
	Differing     int // quotes worded differently across outlets
	Discrepancies []discrepancyView
	Framing       []framingView
	Timeline      timelineView
	Groups        []articleGroup
	ArticlesPage  articlesPage // which part of the list Groups hold (storypage.go)
	Standalone    bool
	Headlines     []headlineView // the other members' headlines
	Balance       []balanceView  // coverage by the outlets' attributes (not in a standalone file)
	ExportCSV     string
	ExportJSON    string
	// Names are the people, places and organisations its articles name,
	// linked to their pages; StorylineHref its storyline's page. Both are
	// left empty in a standalone file.
	Names         []nameLink
	MoreNames     int    // names not listed, on NamesHref
	NamesHref     string // the page of all its names
	StorylineHref string
	// Compared says how much of a large story the report compares, nil
	// when it compares every independent article.
	Compared *comparedView
}

// comparedView is the part of a large story its report compares.
type comparedView struct {
	Articles, Outlets int // compared
	OfArticles        int // independent articles of the story
	OfOutlets         int
}

type headlineView struct {
	Text string
	Refs []ref
}

// storyBuilder turns a story, what the page shows of its members and its
// report into a storyView; href says where an article links (its page,
// or an anchor on a file).
type storyBuilder struct {
	outletOf map[int64]string
	outlets  []outletInfo
	index    map[string]int
	href     func(id int64) string
}

func buildStory(s model.Story, m storyMembers, r *model.Report, standalone bool) storyView {
	b := newStoryBuilder(m, standalone)
	v := storyView{Story: s, Days: storyDays(s), Standalone: standalone, Articles: max(s.Articles, len(s.ArticleIDs))}
	if s.FirstPublished != "" && m.inferred {
		v.Days += model.InferredNote
	}
	v.Groups, v.ArticlesPage = m.groups, m.page
	if r != nil {
		if r.Title != "" {
			v.Story.Title = r.Title // the headline most outlets agree with
		}
		v.Headlines = b.headlines(r.Headlines)
		v.HasReport = true
		v.Brief = b.brief(r.Summary)
		v.Matrix = b.matrix(r.Claims)
		v.Compared = b.compared(s, r.Compared, &v.Matrix)
		v.Quotes, v.Differing = b.quotes(r.Quotes)
		v.Discrepancies = b.discrepancies(r.Discrepancies)
		v.Framing = b.framing(r.Framing)
	}
	v.Outlets = b.outlets
	v.Timeline = b.timeline(m.runs, r)
	return v
}

func (b *storyBuilder) headlines(hs []model.Headline) []headlineView {
	out := make([]headlineView, 0, len(hs))
	for _, h := range hs {
		if h.Text != "" {
			out = append(out, headlineView{Text: h.Text, Refs: b.refs([]int64{h.ArticleID}, nil)})
		}
	}
	return out
}

func newStoryBuilder(m storyMembers, standalone bool) *storyBuilder {
	b := &storyBuilder{outletOf: m.outletOf, outlets: append([]outletInfo(nil), m.outlets...), index: map[string]int{},
		href: articleHref(standalone)}
	for i, o := range b.outlets {
		b.index[o.Name] = i
	}
	return b
}

// articleHref says where an article links: its page, or its anchor in a
// standalone file.
func articleHref(standalone bool) func(id int64) string {
	if standalone {
		return func(id int64) string { return fmt.Sprintf("#a%d", id) }
	}
	return func(id int64) string { return fmt.Sprintf("/articles/%d", id) }
}

// pubKey sorts dated articles first, oldest first.
func pubKey(a model.Article) string {
	if a.Published == "" {
		return "~"
	}
	return a.Published
}

func outletName(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return unknownOutlet
	}
	return s
}

// info returns the outlet's column, adding an outlet the articles did not
// name (a report may cite one).
func (b *storyBuilder) info(name string) outletInfo {
	name = outletName(name)
	i, ok := b.index[name]
	if !ok {
		i = len(b.outlets)
		b.index[name] = i
		b.outlets = append(b.outlets, outletInfo{Name: name, Class: fmt.Sprintf("o%d", i%8)})
	}
	return b.outlets[i]
}

// refs cites the articles, one chip per outlet (its first article), in
// the story's outlet order; outlets named without an article are added.
func (b *storyBuilder) refs(ids []int64, outlets []string) []ref {
	first := map[string]int64{}
	for _, id := range ids {
		name, ok := b.outletOf[id]
		if !ok {
			continue
		}
		if _, seen := first[name]; !seen {
			first[name] = id
		}
	}
	for _, o := range outlets {
		if _, seen := first[outletName(o)]; !seen {
			first[outletName(o)] = 0
		}
	}
	out := make([]ref, 0, len(first))
	for name, id := range first {
		info := b.info(name)
		r := ref{Outlet: name, Class: info.Class}
		if id != 0 {
			r.Href = b.href(id)
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return b.index[out[i].Outlet] < b.index[out[j].Outlet] })
	return out
}

// safeURL returns u when it is an absolute http or https URL, else "":
// anything else (javascript:, data:, relative paths) is shown as text.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// shortTime shows a published date or date-time to the minute.
func shortTime(s string) string {
	switch {
	case s == "":
		return "undated"
	case len(s) >= 16 && s[10] == 'T':
		return s[:10] + " " + s[11:16]
	}
	return s
}

func storyDays(s model.Story) string {
	switch {
	case s.FirstPublished == "":
		return "undated"
	case s.FirstPublished == s.LastPublished || s.LastPublished == "":
		return s.FirstPublished
	}
	return s.FirstPublished + " – " + s.LastPublished
}
