package web

import (
	"context"
	"fmt"
	"strings"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// registry reads the outlet registry, indexed.
func (s *server) registry(ctx context.Context) (*outlets.Index, error) {
	reg, err := s.cfg.Store.RegisteredOutlets(ctx)
	if err != nil {
		return nil, err
	}
	return outlets.NewIndex(reg), nil
}

// registryKey names the registry's state in a cache key: a page that
// shows outlet attributes is current while it stays the same.
func (s *server) registryKey(ctx context.Context) (string, error) {
	v, err := s.cfg.Store.OutletsVersion(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("reg%d", v), nil
}

// balanceView is one attribute's coverage of a story: a bar of its values
// (an SVG, since the CSP allows no inline style), the outlets of each, the
// outlets not recorded, and the blind-spot badge.
type balanceView struct {
	Attribute string
	Segments  []balanceSegment
	Unknown   []string
	Only      string
	Total     int // outlets, known or not
}

type balanceSegment struct {
	Value   string
	Outlets []string
	Class   string  // "b0"…"b5", the last for the rest
	X       float64 // where it starts on the bar, 0–100
	Width   float64
}

// Label is the segment's text on the bar's legend.
func (g balanceSegment) Label() string { return fmt.Sprintf("%s %d", g.Value, len(g.Outlets)) }

// Title is the hover text.
func (g balanceSegment) Title() string { return g.Value + ": " + strings.Join(g.Outlets, ", ") }

// UnknownX is where the bar's share of the outlets not recorded starts.
func (v balanceView) UnknownX() float64 { return 100 - v.UnknownWidth() }

// UnknownWidth is the bar's share of the outlets not recorded.
func (v balanceView) UnknownWidth() float64 {
	if v.Total == 0 {
		return 0
	}
	return 100 * float64(len(v.Unknown)) / float64(v.Total)
}

// balanceViews turns a story's balance into bars, leaving out attributes
// none of its outlets has.
func balanceViews(bs []model.Balance) []balanceView {
	var out []balanceView
	for _, b := range bs {
		if len(b.Values) == 0 {
			continue
		}
		v := balanceView{Attribute: b.Attribute, Unknown: b.Unknown, Only: b.Only, Total: len(b.Unknown)}
		for _, val := range b.Values {
			v.Total += len(val.Outlets)
		}
		x := 0.0
		for i, val := range b.Values {
			w := 100 * float64(len(val.Outlets)) / float64(v.Total)
			v.Segments = append(v.Segments, balanceSegment{Value: val.Value, Outlets: val.Outlets,
				Class: fmt.Sprintf("b%d", min(i, 5)), X: x, Width: w})
			x += w
		}
		out = append(out, v)
	}
	return out
}

// original links one outlet of a story card to its article's original
// page (its first independent one), or to our copy when the article has no
// web address.
type original struct {
	Outlet   string
	Href     string
	External bool
}

// cards turns stories into story cards: the brief's first line, the
// outlets with a link to each original, the balance and the days.
func (s *server) cards(ctx context.Context, stories []model.Story, reg *outlets.Index) ([]storyRow, error) {
	if len(stories) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(stories))
	var unlinked []int64 // stories whose row keeps no originals (stored before they were kept)
	for i, st := range stories {
		ids[i] = st.ID
		if len(st.Originals) == 0 {
			unlinked = append(unlinked, st.ID)
		}
	}
	leads, err := s.cfg.Store.StoryLeads(ctx, ids)
	if err != nil {
		return nil, err
	}
	originals := map[int64][]original{}
	if len(unlinked) > 0 {
		refs, err := s.cfg.Store.StoryArticleRefs(ctx, unlinked)
		if err != nil {
			return nil, err
		}
		originals = originalsByStory(refs)
	}
	for _, st := range stories {
		for _, o := range st.Originals {
			originals[st.ID] = append(originals[st.ID], originalOf(o))
		}
	}
	rows := make([]storyRow, len(stories))
	for i, st := range stories {
		st.Title = leads[st.ID].TitleOr(st.Title)
		rows[i] = toStoryRow(st)
		rows[i].Lead = leads[st.ID].Line
		rows[i].Originals = originals[st.ID]
		rows[i].Balance = balanceViews(outlets.Balance(st.Outlets, reg))
	}
	return rows, nil
}

// originalsByStory gives the originals of stories from their members
// (store.Originals), for stories whose row keeps none.
func originalsByStory(refs []store.ArticleRef) map[int64][]original {
	members := map[int64][]store.ArticleRef{}
	for _, r := range refs {
		members[r.StoryID] = append(members[r.StoryID], r)
	}
	out := map[int64][]original{}
	for id, rs := range members {
		for _, o := range store.Originals(rs) {
			out[id] = append(out[id], originalOf(o))
		}
	}
	return out
}

// originalOf links an outlet to its original page, or to our copy when
// the article has no web address a page may link to.
func originalOf(o model.Original) original {
	v := original{Outlet: o.Outlet, Href: safeURL(o.URL)}
	v.External = v.Href != ""
	if !v.External {
		v.Href = fmt.Sprintf("/articles/%d", o.ArticleID)
	}
	return v
}
