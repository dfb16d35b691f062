package compare

import (
	"reflect"
	"testing"

	"parallax/internal/model"
)

func TestWhatIsNew(t *testing.T) {
	first := &model.Report{
		Summary: []model.SummarySentence{{Text: "The harbour council voted to close the Marlow ferry pier for repairs."}},
		Claims: []model.Claim{{Text: "Repairs to the pier will take six weeks.", Outlets: []string{"A", "B"},
			Sentences: []model.Sentence{{Text: "Engineers said the pier repairs would take six weeks."}}}},
	}
	second := &model.Report{
		Summary: []model.SummarySentence{
			{Text: "The Marlow ferry pier closed for repairs on Monday, as the council voted."},
			{Text: "Ferry crews walked out in protest at the closure."},
		},
		Claims: []model.Claim{
			{Text: "Repairs to the pier will take six weeks.", Outlets: []string{"A"}},
			{Text: "A replacement bus service runs from Velden station.", Outlets: []string{"A", "B", "C"}},
			{Text: "Crews walked out in protest at the pier closure.", Outlets: []string{"B"}},
		},
	}
	tests := []struct {
		name      string
		prev, cur *model.Report
		want      []string
	}{
		{"first story", nil, second, nil},
		{"brief then claims, nothing said before or twice", first, second,
			[]string{"Ferry crews walked out in protest at the closure.", "A replacement bus service runs from Velden station."}},
		{"the same report", second, second, nil},
	}
	for _, tt := range tests {
		if got := WhatIsNew(tt.prev, tt.cur); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: WhatIsNew = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestQuotations(t *testing.T) {
	art := func(id int64, outlet, published string, quotes ...string) model.Article {
		e := &model.Enrichment{}
		for _, q := range quotes {
			e.Quotes = append(e.Quotes, model.Quote{Text: q, Speaker: "Mara Voss", SpeakerKey: "mara voss"})
		}
		return model.Article{ID: id, Outlet: outlet, Published: published, Enrichment: e}
	}
	groups := Quotations([]model.Article{
		art(3, "Lumen News", "2031-03-15", "We will sail again when the pier is safe for every family"),
		art(1, "Harbour Wire", "2031-03-14", "We will sail again when the pier is safe", "Nobody asked the crews"),
		art(2, "Fenmoor Post", "2031-03-14T18:00:00Z", "We will sail again when the pier is safe"),
	})
	if len(groups) != 2 {
		t.Fatalf("groups = %+v, want the shared statement and the single one", groups)
	}
	g := groups[0]
	if len(g.ArticleIDs) != 3 || g.EarliestArticleID != 1 || len(g.Variants) != 2 || g.Variants[0].Outlets[0] != "Lumen News" {
		t.Errorf("shared statement = %+v", g)
	}
	if groups[1].Text != "Nobody asked the crews" || len(groups[1].ArticleIDs) != 1 {
		t.Errorf("single statement = %+v", groups[1])
	}
}
