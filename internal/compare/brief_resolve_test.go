package compare

import (
	"testing"

	"parallax/internal/model"
)

func TestResolvedOpening(t *testing.T) {
	sorn := model.Entity{Name: "Ida Sorn", Key: "ida sorn", Type: model.Person, Aliases: []string{"Sorn", "the mayor"},
		Descriptions: []string{"Orvel Mayor", "Ms."}}
	varno := model.Entity{Name: "Kel Varno", Key: "kel varno", Type: model.Person, Aliases: []string{"Varno"},
		Descriptions: []string{"Mr."}}
	brask := model.Entity{Name: "Tam Brask", Key: "tam brask", Type: model.Person, Aliases: []string{"Brask", "the mayor"}}
	tests := []struct {
		name  string
		body  string
		ents  []model.Entity
		shown string // "" when it must not be resolved
	}{
		{"role", "Orvel Mayor Ida Sorn visited the dam on Monday. The mayor said the repairs would start in June.",
			[]model.Entity{sorn, varno}, "[Orvel Mayor Ida Sorn] said the repairs would start in June."},
		{"pronoun", "Kel Varno spoke to the council on Monday. He said the repairs would start in June.",
			[]model.Entity{sorn, varno}, "[Kel Varno] said the repairs would start in June."},
		{"pronoun of the other sex", "Kel Varno spoke to the council on Monday. She said the repairs would start in June.",
			[]model.Entity{sorn, varno}, ""},
		{"two persons before", "Kel Varno met Ida Sorn on Monday. He said the repairs would start in June.",
			[]model.Entity{sorn, varno}, ""},
		{"an owner before", "Kel Varno's aide spoke to the council on Monday. He said the repairs would start in June.",
			[]model.Entity{sorn, varno}, ""},
		{"no report", "Kel Varno came to Orvel in 1990. He never left, and became a lawyer in the town.",
			[]model.Entity{sorn, varno}, ""},
		{"role of two", "Ida Sorn met Tam Brask on Monday. The mayor said the repairs would start in June.",
			[]model.Entity{sorn, brask}, ""},
		{"role named long before", "Orvel Mayor Ida Sorn visited the dam. It rained. The river rose. The council met. The mayor said the repairs would start in June.",
			[]model.Entity{sorn, varno}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := singleDoc(t, tt.body, tt.ents)
			s := d.sents[len(d.sents)-1]
			_, shown, ok := resolvedOpening(s.text, s)
			if ok != (tt.shown != "") || shown != tt.shown {
				t.Errorf("resolvedOpening(%q) = %q, %v; want %q", s.text, shown, ok, tt.shown)
			}
		})
	}
}
