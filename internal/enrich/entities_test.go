package enrich

import (
	"slices"
	"testing"

	"parallax/internal/model"
)

func entityByKey(es []model.Entity, key string) (model.Entity, bool) {
	for _, e := range es {
		if e.Key == key {
			return e, true
		}
	}
	return model.Entity{}, false
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name, title, body string
		key, typ, full    string
		aliases           []string
	}{
		{"short form joins full name", "", "Norvalian President Oleksiy Dovzhenkiy arrived. Later Dovzhenkiy spoke.",
			"oleksy dovzhenky", model.Person, "Oleksiy Dovzhenkiy", []string{"Dovzhenkiy"}},
		{"honorific short form", "", "Marten Steele, chairman of the Harbour Party, spoke. Mr. Steele left early.",
			"marten stele", model.Person, "Marten Steele", []string{"Steele"}},
		{"role reference", "", "Veloran President Anselm Karvik proposed talks. The Veloran leader did not say more.",
			"anselm karvik", model.Person, "Anselm Karvik", []string{"the Veloran leader"}},
		{"appositive role", "", "Ilya Brannik, the Veloran spokesman, said no. Later the Veloran spokesman smiled.",
			"ilya branik", model.Person, "Ilya Brannik", []string{"the Veloran spokesman"}},
		{"spellings in one article", "", "Oleksiy Dovzhenkiy spoke. Dovzhenkyy left. Dovzhenky returned.",
			"oleksy dovzhenky", model.Person, "Oleksiy Dovzhenkiy", []string{"Dovzhenkyy", "Dovzhenky"}},
		{"known place", "", "Delegates met in Kiev on Monday.", "kyiv", model.Place, "Kiev", []string{}},
		{"place by preposition", "", "The talks in Port Aldane ended. Port Aldane was quiet.", "port aldane", model.Place, "Port Aldane", []string{}},
		{"organisation head word", "", "The Halden Institute for Conflict Studies published a report.",
			"halden institute for conflict studies", model.Organisation, "Halden Institute for Conflict Studies", []string{}},
		{"acronym joins organisation", "", "The Northern Trade Council met. The NTC said little.",
			"northern trade council", model.Organisation, "Northern Trade Council", []string{"NTC"}},
		{"headline name", "Karvik warns Norvala", "Anselm Karvik spoke for an hour.", "anselm karvik", model.Person, "Anselm Karvik", []string{"Karvik"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Article(model.Article{Title: tt.title, Body: tt.body})
			got, ok := entityByKey(e.Entities, tt.key)
			if !ok {
				t.Fatalf("no entity %q in %+v", tt.key, e.Entities)
			}
			if got.Type != tt.typ || got.Name != tt.full {
				t.Errorf("got %s %q, want %s %q", got.Type, got.Name, tt.typ, tt.full)
			}
			for _, a := range tt.aliases {
				if !slices.Contains(got.Aliases, a) {
					t.Errorf("aliases %q lack %q", got.Aliases, a)
				}
			}
			if got.Aliases == nil {
				t.Error("Aliases is nil")
			}
		})
	}
}

func TestNotEntities(t *testing.T) {
	body := "Despite the rain, The talks went on. On Monday at 10:00 EDT the Cease Fire Agreement was signed. Ukrainian troops moved."
	e := Article(model.Article{Body: body})
	for _, x := range e.Entities {
		switch x.Key {
		case "despite", "monday", "edt", "cease fire agreement", "ukrainian":
			t.Errorf("unexpected entity %+v", x)
		}
	}
}

// FuzzEntities checks that any text enriches without panicking and with
// consistent entities.
func FuzzEntities(f *testing.F) {
	f.Add("Karvik: 'I will wait'", "Norvalian President Oleksiy Dovzhenkiy met Mr. Steele in Kiev. The Norvalian president said \"yes,\" he said.")
	f.Add("", "“A,” he said, “B.” ‘C’ Putin's '90s don't \"")
	f.Fuzz(func(t *testing.T, title, body string) {
		e := Article(model.Article{Title: title, Body: body})
		for _, x := range e.Entities {
			if x.Name == "" || x.Aliases == nil || x.Mentions < 1 {
				t.Fatalf("bad entity %+v", x)
			}
		}
		n := len(model.Article{Body: body}.Paragraphs())
		for _, q := range e.Quotes {
			if q.Paragraph < -1 || q.Paragraph >= n {
				t.Fatalf("quote paragraph %d out of range", q.Paragraph)
			}
		}
	})
}
