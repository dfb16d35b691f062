package model

// Outlet is one publication in the user's outlet registry: what the user
// records about it, with no rating of ours.
type Outlet struct {
	ID   int64  `json:"id,omitempty"`
	Name string `json:"name"`
	// Aliases are other names its pages give it ("BBC" for "BBC News").
	Aliases []string `json:"aliases"`
	// Domains are the hosts its articles are published under; a
	// subdomain belongs to its domain ("news.x.example" to "x.example").
	Domains  []string `json:"domains"`
	Country  string   `json:"country"`  // as the user writes it: "FR", "Qatar"
	Language string   `json:"language"` // ISO 639-1 code
	// Attributes are what else the user records (leaning, ownership,
	// type…), by name; never "country" or "language".
	Attributes map[string]string `json:"attributes"`
}

// Attribute returns the value of one attribute, country and language
// included; "" when it is not recorded.
func (o Outlet) Attribute(name string) string {
	switch name {
	case "country":
		return o.Country
	case "language":
		return o.Language
	}
	return o.Attributes[name]
}

// Balance is a story's coverage by one outlet attribute: which of its
// outlets have which value.
type Balance struct {
	Attribute string         `json:"attribute"`
	Values    []BalanceValue `json:"values"` // most outlets first
	// Unknown are the story's outlets with no value recorded for it (not
	// in the registry, or without this attribute).
	Unknown []string `json:"unknown"`
	// Only is the one value every outlet of the story has, when it has
	// two outlets or more and none is unknown: a blind spot.
	Only string `json:"only,omitempty"`
}

// BalanceValue is one value of an attribute and the outlets that have it.
type BalanceValue struct {
	Value   string   `json:"value"`
	Outlets []string `json:"outlets"`
}
