package outlets

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"parallax/internal/model"
)

// Balance is a story's coverage by each attribute the registry records,
// from its outlets' labels (model.Story.Outlets). Two labels of one
// registered outlet (its name and an alias) count once.
func Balance(labels []string, x *Index) []model.Balance {
	attrs := x.Attributes()
	out := make([]model.Balance, 0, len(attrs))
	for _, attr := range attrs {
		out = append(out, balanceBy(labels, x, attr))
	}
	return out
}

func balanceBy(labels []string, x *Index, attr string) model.Balance {
	b := model.Balance{Attribute: attr, Values: []model.BalanceValue{}, Unknown: []string{}}
	seen := map[string]bool{}
	for _, l := range labels {
		name, value := l, ""
		if o, ok := x.Label(l); ok {
			name, value = o.Name, o.Attribute(attr)
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		if value == "" {
			b.Unknown = append(b.Unknown, name)
			continue
		}
		i := slices.IndexFunc(b.Values, func(v model.BalanceValue) bool { return v.Value == value })
		if i < 0 {
			i = len(b.Values)
			b.Values = append(b.Values, model.BalanceValue{Value: value})
		}
		b.Values[i].Outlets = append(b.Values[i].Outlets, name)
	}
	slices.SortStableFunc(b.Values, func(p, q model.BalanceValue) int {
		if len(p.Outlets) != len(q.Outlets) {
			return len(q.Outlets) - len(p.Outlets)
		}
		return strings.Compare(p.Value, q.Value)
	})
	if len(seen) >= 2 && len(b.Unknown) == 0 && len(b.Values) == 1 {
		b.Only = b.Values[0].Value
	}
	return b
}

// BlindSpot selects stories covered by only one value of an attribute
// (and, when Value is set, by that value): two outlets or more, every one
// with a value recorded, all the same. A story one outlet covers is not a
// blind spot (every such story would be), nor one with an outlet whose
// value is not recorded (nobody can say).
type BlindSpot struct {
	Attribute string
	Value     string
}

// ParseBlindSpot reads "ATTRIBUTE" or "ATTRIBUTE=VALUE".
func ParseBlindSpot(s string) (BlindSpot, error) {
	attr, value, _ := strings.Cut(strings.TrimSpace(s), "=")
	attr = strings.ToLower(strings.TrimSpace(attr))
	if attr == "" {
		return BlindSpot{}, errors.New("want an attribute, as in country or leaning=left")
	}
	if attr != "country" && attr != "language" {
		if _, err := AttributeName(attr); err != nil {
			return BlindSpot{}, fmt.Errorf("%q: %w", s, err)
		}
	}
	return BlindSpot{Attribute: attr, Value: strings.TrimSpace(value)}, nil
}

// String is the form ParseBlindSpot reads.
func (b BlindSpot) String() string {
	if b.Value == "" {
		return b.Attribute
	}
	return b.Attribute + "=" + b.Value
}

// Keep reports whether a story with these outlet labels is such a blind
// spot.
func (b BlindSpot) Keep(labels []string, x *Index) bool {
	only := balanceBy(labels, x, b.Attribute).Only
	return only != "" && (b.Value == "" || strings.EqualFold(only, b.Value))
}
