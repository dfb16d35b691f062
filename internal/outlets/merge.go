package outlets

import (
	"fmt"
	"slices"

	"parallax/internal/model"
)

// Row is one outlet as a CSV file gives it, with the columns the file has:
// an import changes those and keeps the others.
type Row struct {
	File   string
	Line   int
	Outlet model.Outlet
	Set    map[string]bool // "aliases", "domains", "country", "language" or an attribute name
}

// Find returns the position in reg of the outlet a name or alias stands
// for, or -1.
func Find(reg []model.Outlet, name string) int {
	k := Key(name)
	return slices.IndexFunc(reg, func(o model.Outlet) bool {
		return Key(o.Name) == k || slices.ContainsFunc(o.Aliases, func(a string) bool { return Key(a) == k })
	})
}

// Apply merges one row into the registry: the outlet its name stands for
// gets the columns the row sets (an empty cell clears one), a new name
// adds an outlet. It returns the new registry and the position of the
// outlet changed; reg itself is not modified. The error says why the row
// cannot be taken (a bad field, a name or domain another outlet has).
func Apply(reg []model.Outlet, r Row) ([]model.Outlet, int, error) {
	i := Find(reg, r.Outlet.Name)
	o := r.Outlet
	if i >= 0 {
		o = merged(reg[i], r)
	}
	o, err := Normalize(o)
	if err != nil {
		return reg, -1, err
	}
	out := slices.Clone(reg)
	if i < 0 {
		i = len(out)
		out = append(out, o)
	} else {
		out[i] = o
	}
	if err := Conflict(out, i); err != nil {
		return reg, -1, err
	}
	return out, i, nil
}

// merged is old with the columns r sets taken from r.
func merged(old model.Outlet, r Row) model.Outlet {
	o := old
	if Key(r.Outlet.Name) == Key(old.Name) { // an alias keeps the outlet's name
		o.Name = r.Outlet.Name
	}
	o.Attributes = map[string]string{}
	for k, v := range old.Attributes {
		o.Attributes[k] = v
	}
	if r.Set["aliases"] {
		o.Aliases = r.Outlet.Aliases
	}
	if r.Set["domains"] {
		o.Domains = r.Outlet.Domains
	}
	if r.Set["country"] {
		o.Country = r.Outlet.Country
	}
	if r.Set["language"] {
		o.Language = r.Outlet.Language
	}
	for name := range r.Set {
		if !slices.Contains(Columns, name) {
			o.Attributes[name] = r.Outlet.Attributes[name]
		}
	}
	return o
}

// Conflict says whether reg[i] has a name, alias or domain that another
// outlet of reg has.
func Conflict(reg []model.Outlet, i int) error {
	o := reg[i]
	for j, other := range reg {
		if j == i {
			continue
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if Find([]model.Outlet{other}, n) == 0 {
				return fmt.Errorf("name %q is already %s", n, nameOf(other, n))
			}
		}
		for _, d := range o.Domains {
			if slices.Contains(other.Domains, d) {
				return fmt.Errorf("domain %s already belongs to %q", d, other.Name)
			}
		}
	}
	return nil
}

func nameOf(o model.Outlet, n string) string {
	if Key(o.Name) == Key(n) {
		return "another outlet's name"
	}
	return fmt.Sprintf("an alias of %q", o.Name)
}

// Replace checks a change to the registry reg: each outlet of put replaces
// the one with its ID, or is added when its ID is 0. It returns put
// normalized, or the error of the first outlet that is not valid, names
// no outlet of reg, or would share a name, alias or domain with another.
// The stores call it inside the transaction that writes put.
func Replace(reg, put []model.Outlet) ([]model.Outlet, error) {
	all := slices.Clone(reg)
	out := make([]model.Outlet, 0, len(put))
	var changed []int
	for _, o := range put {
		n, err := Normalize(o)
		if err != nil {
			return nil, fmt.Errorf("outlet %q: %w", o.Name, err)
		}
		i := len(all)
		if o.ID == 0 {
			all = append(all, n)
		} else if i = slices.IndexFunc(all, func(x model.Outlet) bool { return x.ID == o.ID }); i < 0 {
			return nil, fmt.Errorf("outlet %q: no outlet %d in the registry", o.Name, o.ID)
		} else {
			all[i] = n
		}
		changed = append(changed, i)
		out = append(out, n)
	}
	for _, i := range changed {
		if err := Conflict(all, i); err != nil {
			return nil, fmt.Errorf("outlet %q: %w", all[i].Name, err)
		}
	}
	return out, nil
}
