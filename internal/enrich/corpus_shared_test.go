package enrich

import (
	"path/filepath"
	"slices"
	"testing"

	"parallax/internal/model"
	"parallax/internal/testshared"
)

func enrichAll(arts []model.Article) []model.Article {
	for i := range arts {
		e := Article(arts[i])
		arts[i].Enrichment = &e
	}
	return arts
}

// TestCorpusEntitiesSeeds: the seeds spell one president three ways
// (Zelensky, Zelenskiy, Zelenskyy) across four outlets; the corpus holds
// one record for him. Two spellings are in the article bodies; the third
// is on one page only, in an embedded post outside the body, so it is
// checked by key.
func TestCorpusEntitiesSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	var arts []model.Article
	for _, a := range seeds {
		arts = append(arts, a)
	}
	var found []model.CorpusEntity
	for _, e := range CorpusEntities(enrichAll(arts)) {
		if familyOf(e.Key) == Key("Zelensky") {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one record for the three spellings, got %+v", found)
	}
	for _, s := range []string{"Volodymyr Zelensky", "Volodymyr Zelenskiy"} {
		if !slices.Contains(found[0].Spellings, s) {
			t.Errorf("spellings %q lack %q", found[0].Spellings, s)
		}
	}
	if k := Key("Volodymyr") + " " + Key("Zelenskyy"); found[0].Key != k {
		t.Errorf("the third spelling's key %q is not the record's %q", k, found[0].Key)
	}
	t.Logf("%+v", found[0])
}

// TestCorpusEntitiesFatherAndSon: PolNeAR names a candidate and, once, his
// son of the same name; they are two records, and the family name alone
// joins the father, whom the corpus names far more often.
func TestCorpusEntitiesFatherAndSon(t *testing.T) {
	dir := testshared.Dir(t, "datasets", "polnear-train")
	es := CorpusEntities(enrichAll(loadRecords(t, filepath.Join(dir, "articles.jsonl"))))
	father, okf := corpusEntity(es, Key("Donald Trump"))
	son, oks := corpusEntity(es, Key("Donald Trump Jr"))
	if !okf || !oks || father.Key == son.Key {
		t.Fatalf("father %+v and son %+v should be two records", father, son)
	}
	if !slices.Contains(father.Keys, Key("Trump")) {
		t.Errorf("the family name alone did not join the father: keys %q", father.Keys)
	}
	t.Logf("father: %s, %d articles, keys %q; son: %s, %d articles", father.Name, father.Articles, father.Keys, son.Name, son.Articles)
}
