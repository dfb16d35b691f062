// Package outlets holds the rules of the user's outlet registry: how a
// name, an alias or a host finds its outlet, what a valid entry is, the
// CSV form of the registry, and the balance of a story's coverage by the
// attributes the user records. It imports nothing of ours but model, so
// the stores, the pipeline, the web interface and the CLI share it.
package outlets

import (
	"net/url"
	"slices"
	"strings"

	"parallax/internal/model"
)

// Key folds a name for matching: case, and runs of spaces, do not count.
func Key(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Host returns the host of an absolute URL, lower case, without "www."
// or a port; "" when raw is not one.
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Index finds registry outlets by name, alias or host.
type Index struct {
	outlets  []model.Outlet
	byKey    map[string]int // name and alias keys
	byDomain map[string]int
}

// NewIndex indexes a registry. The registry's own checks (Validate,
// Merge) keep names, aliases and domains unique; were one repeated, the
// first outlet would keep it.
func NewIndex(reg []model.Outlet) *Index {
	x := &Index{outlets: reg, byKey: map[string]int{}, byDomain: map[string]int{}}
	for i, o := range reg {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if _, ok := x.byKey[Key(n)]; !ok {
				x.byKey[Key(n)] = i
			}
		}
		for _, d := range o.Domains {
			if _, ok := x.byDomain[d]; !ok {
				x.byDomain[d] = i
			}
		}
	}
	return x
}

// Len is the number of registered outlets.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.outlets)
}

// Outlets returns the registry.
func (x *Index) Outlets() []model.Outlet {
	if x == nil {
		return nil
	}
	return x.outlets
}

// Named finds the outlet a name or alias stands for.
func (x *Index) Named(name string) (model.Outlet, bool) {
	if x == nil {
		return model.Outlet{}, false
	}
	i, ok := x.byKey[Key(name)]
	if !ok {
		return model.Outlet{}, false
	}
	return x.outlets[i], true
}

// Hosted finds the outlet a host belongs to: the longest registered
// domain it is, or is a subdomain of.
func (x *Index) Hosted(host string) (model.Outlet, bool) {
	if x == nil || host == "" {
		return model.Outlet{}, false
	}
	for h := host; ; {
		if i, ok := x.byDomain[h]; ok {
			return x.outlets[i], true
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(rest, ".") {
			return model.Outlet{}, false
		}
		h = rest
	}
}

// Article finds an article's outlet: by the name it carries (the page's,
// a record's or `ingest --outlet`'s), else by its URL's host.
func (x *Index) Article(a model.Article) (model.Outlet, bool) {
	if o, ok := x.Named(a.Outlet); ok && strings.TrimSpace(a.Outlet) != "" {
		return o, true
	}
	for _, raw := range []string{a.URL, a.Source} {
		if o, ok := x.Hosted(Host(raw)); ok {
			return o, true
		}
	}
	return model.Outlet{}, false
}

// Label finds the outlet an outlet label stands for (model.Article's
// OutletLabel: a name, else a host, else "unknown outlet (FILE)").
func (x *Index) Label(label string) (model.Outlet, bool) {
	if o, ok := x.Named(label); ok {
		return o, true
	}
	if strings.Contains(label, ".") && !strings.ContainsAny(label, " /") {
		return x.Hosted(strings.TrimPrefix(strings.ToLower(label), "www."))
	}
	return model.Outlet{}, false
}

// Attributes names the attributes some registered outlet has a value
// for: country and language first, then the user's own, sorted.
func (x *Index) Attributes() []string {
	var out []string
	has := func(name string) bool {
		return slices.ContainsFunc(x.Outlets(), func(o model.Outlet) bool { return o.Attribute(name) != "" })
	}
	for _, name := range []string{"country", "language"} {
		if has(name) {
			out = append(out, name)
		}
	}
	var own []string
	for _, o := range x.Outlets() {
		for name, v := range o.Attributes {
			if v != "" && !slices.Contains(own, name) {
				own = append(own, name)
			}
		}
	}
	slices.Sort(own)
	return append(out, own...)
}
