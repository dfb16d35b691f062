package web

import (
	"context"
	"fmt"

	"parallax/internal/outlets"
)

// soleShown is how many of the stories an outlet alone covers its profile
// lists.
const soleShown = 5

type outletsView struct {
	Attributes []string // the registry's, one column each
	Profiles   []profileView
}

type profileView struct {
	outlets.Profile
	Display string
	Href    string   // the stories it covers
	Values  []string // its value of each attribute, in Attributes' order
	Sole    int      // stories it alone covers
	Solo    []storyLink
}

type storyLink struct {
	Title string
	Href  string
	Days  string
}

// outletsView reads each outlet's profile: the registry's record, its
// articles and stories, and the stories no other outlet covers.
func (s *server) outletsView(ctx context.Context) (outletsView, error) {
	reg, err := s.cfg.Store.RegisteredOutlets(ctx)
	if err != nil {
		return outletsView{}, err
	}
	counts, err := s.cfg.Store.Outlets(ctx)
	if err != nil {
		return outletsView{}, err
	}
	sole, err := s.cfg.Store.SoleStories(ctx, soleShown)
	if err != nil {
		return outletsView{}, err
	}
	x := outlets.NewIndex(reg)
	tallies := make([]outlets.Tally, len(counts))
	for i, c := range counts {
		tallies[i] = outlets.Tally{Label: c.Name, Articles: c.Articles, Stories: c.Stories, First: c.First, Last: c.Last}
	}
	v := outletsView{Attributes: x.Attributes()}
	index := map[string]int{}
	for _, p := range outlets.Profiles(reg, tallies) {
		pv := profileView{Profile: p, Display: outletName(p.Name)}
		if p.Name != unknownOutlet {
			pv.Href = listParams{Sort: "newest", Outlet: p.Name}.url("/", 1)
		}
		for _, a := range v.Attributes {
			pv.Values = append(pv.Values, p.Attribute(a))
		}
		index[p.Name] = len(v.Profiles)
		v.Profiles = append(v.Profiles, pv)
	}
	for _, so := range sole {
		name := so.Label
		if o, ok := x.Label(so.Label); ok {
			name = o.Name
		}
		i, ok := index[name]
		if !ok {
			continue // a label no article carries any more
		}
		p := &v.Profiles[i]
		p.Sole += so.Count
		for _, st := range so.Stories {
			if len(p.Solo) < soleShown {
				p.Solo = append(p.Solo, storyLink{Title: orUntitled(st.Title), Href: fmt.Sprintf("/stories/%d", st.ID), Days: storyDays(st)})
			}
		}
	}
	return v, nil
}

func orUntitled(s string) string {
	if s == "" {
		return "(untitled story)"
	}
	return s
}
