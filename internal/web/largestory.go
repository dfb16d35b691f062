package web

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"parallax/internal/model"
	"parallax/internal/store"
)

// A story larger than one page of its article list is not read whole:
// its page reads the members' counts per outlet and span of dates (the
// outlets, their order and the timeline), one page of the list, and the
// members its report cites. A story of 4,500 articles read all 4,500
// rows and sorted and drew them on every rendering (about 40 ms of 100).

// storyLane is one outlet of a large story, from its spans.
type storyLane struct {
	stored  string // the outlet as stored
	label   string
	count   int
	undated int
	first   string // its earliest published date, "" when none is dated
	spans   []store.OutletSpan
}

// largeMembers reads what the page of a large story shows of its members
// (see storyMembers): page n of the list, per to a page, at base.
func (s *server) largeMembers(ctx context.Context, st model.Story, r *model.Report, n, per int, base string) (storyMembers, error) {
	spans, err := s.cfg.Store.StorySpans(ctx, st.ID, store.SpanPrefix(st.FirstPublished, st.LastPublished))
	if err != nil {
		return storyMembers{}, err
	}
	lanes := storyLanes(spans, st.Originals)
	m := storyMembers{outletOf: map[int64]string{}, inferred: len(lanes) > 0}
	total := 0
	for i, l := range lanes {
		m.outlets = append(m.outlets, outletInfo{Name: l.label, Class: fmt.Sprintf("o%d", i%8), Articles: l.count})
		m.inferred = m.inferred && l.undated == l.count
		m.runs = append(m.runs, laneRuns(l, total, per, base)...)
		total += l.count
	}
	n, pages, from, to := pageBounds(n, per, total)
	if m.groups, err = s.listedMembers(ctx, st.ID, lanes, m.outlets, from, to); err != nil {
		return m, err
	}
	if total > per {
		m.page = articlesPager(n, pages, from, to, total, base)
	}
	if r != nil {
		cited, err := s.cfg.Store.StoryMembers(ctx, store.MemberQuery{StoryID: st.ID, IDs: r.Cited()})
		if err != nil {
			return m, err
		}
		for _, ref := range cited {
			m.outletOf[ref.Article.ID] = laneLabel(ref.Article.Outlet)
		}
	}
	return m, nil
}

// listedMembers reads the articles from the from-th to the to-th of the
// story's list (by outlet in the lanes' order, then by date) in one
// query: the outlets they fall in, from the first one's offset.
func (s *server) listedMembers(ctx context.Context, storyID int64, lanes []storyLane, outlets []outletInfo, from, to int) ([]articleGroup, error) {
	q := store.MemberQuery{StoryID: storyID, Outlets: []string{}, Limit: to - from}
	at := map[string]int{} // stored outlet: its lane
	start := 0
	for i, l := range lanes {
		if start < to && start+l.count > from {
			if len(q.Outlets) == 0 {
				q.Offset = from - start
			}
			q.Outlets = append(q.Outlets, l.stored)
			at[l.stored] = i
		}
		start += l.count
	}
	if len(q.Outlets) == 0 {
		return nil, nil
	}
	refs, err := s.cfg.Store.StoryMembers(ctx, q)
	if err != nil {
		return nil, err
	}
	href := articleHref(false)
	var groups []articleGroup
	last := -1
	for _, ref := range refs {
		i := at[ref.Article.Outlet]
		if i != last {
			groups = append(groups, articleGroup{Outlet: outlets[i]})
			last = i
		}
		g := &groups[len(groups)-1]
		g.Articles = append(g.Articles, toArticleRow(ref.Article, ref.DuplicateOf, href))
	}
	return groups, nil
}

// storyLanes gathers the spans (in outlet and span order) by outlet, in
// the order the outlets first published; outlets that first published on
// the same date in the order they joined the story (its originals).
func storyLanes(spans []store.OutletSpan, originals []model.Original) []storyLane {
	var lanes []storyLane
	for _, sp := range spans {
		if len(lanes) == 0 || lanes[len(lanes)-1].stored != sp.Outlet {
			lanes = append(lanes, storyLane{stored: sp.Outlet, label: laneLabel(sp.Outlet)})
		}
		l := &lanes[len(lanes)-1]
		l.count += sp.Articles
		l.spans = append(l.spans, sp)
		if sp.Span == "" {
			l.undated += sp.Articles
		} else if l.first == "" || sp.First < l.first {
			l.first = sp.First
		}
	}
	joined := map[string]int{}
	for i, o := range originals {
		joined[o.Outlet] = i + 1
	}
	rank := func(l storyLane) int {
		if r, ok := joined[l.label]; ok {
			return r
		}
		return len(originals) + 1
	}
	sort.SliceStable(lanes, func(i, j int) bool {
		a, b := lanes[i], lanes[j]
		if pa, pb := pubKey(model.Article{Published: a.first}), pubKey(model.Article{Published: b.first}); pa != pb {
			return pa < pb
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a.label < b.label
	})
	return lanes
}

// laneRuns are what the timeline draws of one outlet: its spans of
// dates, each linking to the page of the list where its articles begin
// (the outlet's articles are listed by date from start on), and its
// undated articles, counted.
func laneRuns(l storyLane, start, per int, base string) []run {
	var out []run
	pos := start
	for _, sp := range l.spans {
		if sp.Span == "" {
			continue // listed last: after the dated ones
		}
		out = append(out, run{outlet: l.label, first: model.Article{Published: sp.First}, count: sp.Articles, last: sp.Last,
			href: articlesLink(base, pos/per+1)})
		pos += sp.Articles
	}
	if l.undated > 0 {
		out = append(out, run{outlet: l.label, count: l.undated})
	}
	return out
}

// laneLabel names the outlet of a large story's member as its lanes do:
// as stored, or unknown (a small story's page names an article stored
// without an outlet by its address, one lane each; a large one's share
// one).
func laneLabel(stored string) string {
	if s := strings.TrimSpace(stored); s != "" {
		return s
	}
	return unknownOutlet
}
