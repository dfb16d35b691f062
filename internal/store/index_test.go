package store

import (
	"reflect"
	"testing"

	"parallax/internal/model"
)

func TestIndexChanges(t *testing.T) {
	ent := func(article int64, n int, family, key string, mentions int) EntityRow {
		return EntityRow{ArticleID: article, N: n, StoryID: 1, Family: family,
			Entity: model.Entity{Type: model.Person, Key: key, Name: key, Mentions: mentions}}
	}
	quote := func(article int64, n int, text string) QuoteRow {
		return QuoteRow{ArticleID: article, StoryID: 1, N: n, Quote: model.Quote{Text: text, Speaker: "Voss"}}
	}
	old := []EntityRow{ent(1, 0, "person:vos", "voss", 2), ent(1, 1, "place:corvane", "corvane", 1), ent(2, 0, "person:vos", "voss", 1)}
	oldQ := []QuoteRow{quote(2, 0, "pay")}
	tests := []struct {
		name string
		idx  StoryIndex
		want IndexChanges
	}{
		{"the same rows in another order", StoryIndex{ArticleIDs: []int64{1, 2},
			Entities: []EntityRow{old[2], old[1], old[0]}, Quotes: oldQ}, IndexChanges{}},
		{"a member joins", StoryIndex{ArticleIDs: []int64{1, 2, 3},
			Entities: append(append([]EntityRow{}, old...), ent(3, 0, "place:fenmoor", "fenmoor", 1)), Quotes: oldQ},
			IndexChanges{Entities: []int64{3}, Families: []string{"place:fenmoor"}}},
		{"a mention count changes", StoryIndex{ArticleIDs: []int64{1, 2},
			Entities: []EntityRow{old[0], old[1], ent(2, 0, "person:vos", "voss", 4)}, Quotes: oldQ},
			IndexChanges{Entities: []int64{2}, Families: []string{"person:vos"}}},
		{"an entity moves family: both marked", StoryIndex{ArticleIDs: []int64{1, 2},
			Entities: []EntityRow{old[0], ent(1, 1, "place:corvan", "corvane", 1), old[2]}, Quotes: oldQ},
			IndexChanges{Entities: []int64{1}, Families: []string{"person:vos", "place:corvan", "place:corvane"}}},
		{"a quotation goes", StoryIndex{ArticleIDs: []int64{1, 2}, Entities: old},
			IndexChanges{Quotes: []int64{2}}},
		{"an article loses every entity", StoryIndex{ArticleIDs: []int64{1, 2}, Entities: old[:2], Quotes: oldQ},
			IndexChanges{Entities: []int64{2}, Families: []string{"person:vos"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.idx.Changes(old, oldQ); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Changes = %+v, want %+v", got, tt.want)
			}
		})
	}
}
