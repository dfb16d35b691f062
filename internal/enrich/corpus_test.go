package enrich

import (
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
)

func enriched(bodies ...string) []model.Article {
	out := make([]model.Article, len(bodies))
	for i, b := range bodies {
		out[i] = model.Article{Body: b}
		e := Article(out[i])
		out[i].Enrichment = &e
	}
	return out
}

func corpusEntity(es []model.CorpusEntity, key string) (model.CorpusEntity, bool) {
	for _, e := range es {
		if e.Key == key || slices.Contains(e.Keys, key) {
			return e, true
		}
	}
	return model.CorpusEntity{}, false
}

// TestCorpusEntities joins fictional articles' entities: spellings of one
// name across romanisations, a father and his son apart, a family name
// alone joined to the full name that dominates it.
func TestCorpusEntities(t *testing.T) {
	arts := enriched(
		"Norvalian President Volodar Selivansky spoke on Monday. Selivansky said the port would open.",
		"Norvalian President Volodar Selivanskiy arrived in Corvane.",
		"Präsident Wolodar Selivanskyj sprach. The visit by Wolodar Selivanskyj was short.",
		"Anselm Karvik and his son, Anselm Karvik Jr., opened the harbour. Anselm Karvik spoke first.",
		"Anselm Karvik met the mayor. Ilsa Karvik did not attend.",
		"Anselm Karvik said the harbour would stay open.",
		"Anselm Karvik toured the dam.",
		"Karvik told reporters the dam was safe.",
	)
	es := CorpusEntities(arts)
	h, ok := corpusEntity(es, Key("Volodar")+" "+Key("Selivansky"))
	if !ok || h.Articles != 3 || h.Type != model.Person {
		t.Fatalf("Selivansky: %+v in %+v", h, es)
	}
	for _, s := range []string{"Volodar Selivansky", "Volodar Selivanskiy", "Wolodar Selivanskyj"} {
		if !slices.Contains(h.Spellings, s) {
			t.Errorf("spellings %q lack %q", h.Spellings, s)
		}
	}
	father, _ := corpusEntity(es, Key("Anselm Karvik"))
	son, _ := corpusEntity(es, Key("Anselm Karvik Jr"))
	if father.Key == "" || son.Key == "" || father.Key == son.Key {
		t.Fatalf("father %+v and son %+v should be two records", father, son)
	}
	if father.Articles != 5 || !slices.Contains(father.Keys, Key("Karvik")) {
		t.Errorf("the family name alone should join the dominant full name: %+v", father)
	}
	if father.Name != "Anselm Karvik" {
		t.Errorf("canonical name %q", father.Name)
	}
	for _, e := range es {
		for _, s := range e.Spellings {
			if strings.HasPrefix(strings.ToLower(s), "the ") {
				t.Errorf("%s: role reference %q among spellings", e.Key, s)
			}
		}
	}
}

// TestCorpusEntitiesAmbiguousFamily keeps a family name alone apart when
// two full names of that family are about as common.
func TestCorpusEntitiesAmbiguousFamily(t *testing.T) {
	es := CorpusEntities(enriched(
		"Ilsa Marrow spoke on Monday.", "Ilsa Marrow left early.",
		"Tomas Marrow spoke on Tuesday.", "Tomas Marrow left late.",
		"Marrow told reporters nothing.",
	))
	short, ok := corpusEntity(es, Key("Marrow"))
	if !ok || short.Key != Key("Marrow") {
		t.Errorf("ambiguous family name joined: %+v", short)
	}
}
