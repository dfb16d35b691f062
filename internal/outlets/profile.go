package outlets

import (
	"slices"

	"parallax/internal/model"
)

// Tally is how much of the store one outlet name wrote.
type Tally struct {
	Label    string `json:"-"` // as the articles carry it
	Articles int    `json:"articles"`
	Stories  int    `json:"stories"`
	First    string `json:"first_published"`
	Last     string `json:"last_published"`
}

// Profile is an outlet with its tally: a registered one, or a name the
// articles carry that the registry does not know.
type Profile struct {
	model.Outlet
	Registered bool `json:"registered"`
	Tally
}

// Profiles joins the registry to the store's tallies by name (a name, an
// alias or a host the registry knows counts for its outlet): the
// registered outlets first, by name, then the names it does not know in
// the tallies' order. A story reached under two names of one outlet
// counts twice.
func Profiles(reg []model.Outlet, tallies []Tally) []Profile {
	x := NewIndex(reg)
	out := make([]Profile, len(reg))
	for i, o := range reg {
		out[i] = Profile{Outlet: o, Registered: true}
	}
	for _, t := range tallies {
		if o, ok := x.Label(t.Label); ok && t.Label != "" {
			p := &out[slices.IndexFunc(out, func(p Profile) bool { return p.ID == o.ID })]
			p.Articles += t.Articles
			p.Stories += t.Stories
			p.First = earliest(p.First, t.First)
			p.Last = max(p.Last, t.Last)
			continue
		}
		name := t.Label
		if name == "" {
			name = model.UnknownOutlet
		}
		out = append(out, Profile{Outlet: model.Outlet{Name: name, Aliases: []string{}, Domains: []string{},
			Attributes: map[string]string{}}, Tally: t})
	}
	return out
}

func earliest(a, b string) string {
	if a == "" || b != "" && b < a {
		return b
	}
	return a
}
