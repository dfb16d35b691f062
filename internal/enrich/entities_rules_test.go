package enrich

import (
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
)

type namedType struct{ name, typ string }

func entitySet(es []model.Entity) []namedType {
	out := make([]namedType, 0, len(es))
	for _, e := range es {
		out = append(out, namedType{e.Name, e.Type})
	}
	return out
}

// TestEntityRules covers the general rules for names no lexicon knows:
// titles and role complements stripped, generic words refused, places
// and organisations typed from their context.
func TestEntityRules(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   []namedType
		absent []string
	}{
		{"role complement before a name",
			"Minister for Coastal Defence Tarja Holven flew to the coast. Holven said the sea wall held.",
			[]namedType{{"Tarja Holven", model.Person}}, []string{"for Coastal Defence Tarja Holven", "for Coastal Defence"}},
		{"role complement with no name",
			"Tarja Holven, the Minister for Coastal Defence, toured the shelter.",
			[]namedType{{"Tarja Holven", model.Person}}, []string{"for Coastal Defence", "Minister"}},
		{"party and title before a name",
			"Harbour League MP Odo Brannvik called the vote a farce.",
			[]namedType{{"Odo Brannvik", model.Person}, {"Harbour League", model.Organisation}}, []string{"Harbour League MP Odo Brannvik"}},
		{"word for a kind of person before a name",
			"Schoolboy Pell Arnsen, 12, said he saw the flash.",
			[]namedType{{"Pell Arnsen", model.Person}}, []string{"Schoolboy Pell Arnsen"}},
		{"role without a name",
			"The Fisheries Minister was silent. The Norvalian President left early.",
			nil, []string{"Fisheries Minister", "Norvalian President", "Minister"}},
		{"participle and generic words",
			"Touring Velmar on Monday, the minister promised help. Nobody told us anything, residents said. Insiders say the plan failed. Officials warned of more rain.",
			nil, []string{"Touring Velmar", "Nobody", "Insiders", "Officials"}},
		{"lone organisation head words",
			"Police said the march was calm. Army trucks arrived. The Hospital was full, the Post reported.",
			nil, []string{"Police", "Army", "Hospital", "Post"}},
		{"longer organisation names keep their heads",
			"Staff at Ostren Valley General Hospital met the Harbour Pilots' Association in Keld.",
			[]namedType{{"Ostren Valley General Hospital", model.Organisation}, {"Harbour Pilots' Association", model.Organisation}, {"Keld", model.Place}}, nil},
		{"feature names are places",
			"Water poured over the Brenmoor Dam into the River Tulle and down Quarry Street. Later the Brenmoor Dam was empty.",
			[]namedType{{"Brenmoor Dam", model.Place}, {"River Tulle", model.Place}, {"Quarry Street", model.Place}}, nil},
		{"places from context",
			"Crews reached the villages of Askel, Orvik and Little Tern. Talks were held in Velmar on Friday.",
			[]namedType{{"Askel", model.Place}, {"Orvik", model.Place}, {"Little Tern", model.Place}, {"Velmar", model.Place}}, nil},
		{"country beside its adjective",
			"Ostrava and Keldia agreed a deal. Keldian farmers were unhappy.",
			[]namedType{{"Keldia", model.Place}}, []string{"Keldian"}},
		{"organisation from an appositive",
			"Norhydro, the state operator, said the gates were open. Norhydro later apologised.",
			[]namedType{{"Norhydro", model.Organisation}}, nil},
		{"dateline and credit line",
			"TORVIK, Keldia, March 3 (Lantern Wire) - Floods hit the coast.\n\n(Reporting by Ada Pell in Torvik; Editing by Jon Day)",
			[]namedType{{"Torvik", model.Place}, {"Keldia", model.Place}, {"Lantern Wire", model.Organisation},
				{"Ada Pell", model.Person}, {"Jon Day", model.Person}}, []string{"TORVIK"}},
		{"a short form of a feature name",
			"The Brenmoor Dam failed. The Brenmoor reservoir is empty and Brenmoor was last inspected in 2020.",
			[]namedType{{"Brenmoor Dam", model.Place}}, []string{"Brenmoor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entitySet(Article(model.Article{Body: tt.body}).Entities)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("want %s %q in %v", w.typ, w.name, got)
				}
			}
			for _, a := range tt.absent {
				for _, g := range got {
					if g.name == a {
						t.Errorf("unexpected %s %q", g.typ, g.name)
					}
				}
			}
		})
	}
}

// TestRoleDescriptions checks that stripped titles describe the person.
func TestRoleDescriptions(t *testing.T) {
	body := "Minister for Coastal Defence Tarja Holven said the wall held. Harbour League MP Odo Brannvik disagreed."
	e := Article(model.Article{Body: body})
	for name, desc := range map[string]string{"Tarja Holven": "Minister for Coastal Defence", "Odo Brannvik": "Harbour League MP"} {
		i := slices.IndexFunc(e.Entities, func(x model.Entity) bool { return x.Name == name })
		if i < 0 || !slices.Contains(e.Entities[i].Descriptions, desc) {
			t.Errorf("%s: want description %q in %+v", name, desc, e.Entities)
		}
	}
}

// TestFeatureNotSpeaker checks that a dam before "said" does not speak.
func TestFeatureNotSpeaker(t *testing.T) {
	body := `Holven, who flew in after last week's Brenmoor Dam collapse, said the deal "will hold for years to come".`
	e := Article(model.Article{Body: body})
	for _, q := range e.Quotes {
		if strings.Contains(q.Speaker, "Dam") {
			t.Errorf("quote %q given to %q", q.Text, q.Speaker)
		}
	}
}

// FuzzWireLines checks that datelines and credit lines of any shape give
// names inside their paragraph.
func FuzzWireLines(f *testing.F) {
	f.Add("TORVIK, Keldia, March 3 (Lantern Wire) - Floods hit.")
	f.Add("(Reporting by Ada Pell in Torvik and Bo Sand; Editing by Jon Day)")
	f.Add("NEW TORVIK (LW) — x")
	f.Add("(Writing by , and  in ; Editing by)")
	f.Fuzz(func(t *testing.T, s string) {
		d := newDoc(model.Article{Body: s})
		for pi := 1; pi < len(d.paras); pi++ {
			if creditLine(d.paras[pi]) {
				d.findCredits(pi)
			} else {
				d.findDateline(pi)
			}
		}
		for _, m := range d.mentions {
			p := d.paras[m.para]
			if m.surface == "" || m.start < 0 || m.end > len(p.text) || m.tok0 >= m.tok1 || m.tok1 > len(p.toks) {
				t.Fatalf("bad mention %+v in %q", m, p.text)
			}
		}
	})
}
