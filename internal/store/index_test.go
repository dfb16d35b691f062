package store

import (
	"reflect"
	"slices"
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

func TestNameCountsAndChanges(t *testing.T) {
	row := func(article int64, typ, key string, mentions int) EntityRow {
		return EntityRow{ArticleID: article, Entity: model.Entity{Type: typ, Key: key, Mentions: mentions}}
	}
	idx := StoryIndex{Entities: []EntityRow{row(1, "person", "voss", 2), row(2, "place", "corvane", 1),
		row(2, "person", "voss", 1), row(2, "person", "voss", 4), row(3, "place", "corvane", 1)}}
	got := idx.NameCounts()
	want := []NameCount{{"person", "voss", 2, 7}, {"place", "corvane", 2, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("NameCounts = %+v, want %+v", got, want)
	}
	stored := []NameCount{{"place", "corvane", 2, 2}, {"person", "voss", 1, 2}, {"place", "fenmoor", 1, 1}}
	put, gone := NameChanges(stored, got)
	if !reflect.DeepEqual(put, []NameCount{{"person", "voss", 2, 7}}) || !reflect.DeepEqual(gone, []NameCount{{"place", "fenmoor", 1, 1}}) {
		t.Errorf("NameChanges = put %+v, gone %+v", put, gone)
	}
	if put, gone := NameChanges(got, got); put != nil || gone != nil {
		t.Errorf("NameChanges of the same counts = %+v, %+v", put, gone)
	}
}

func TestSpanPrefix(t *testing.T) {
	for _, tc := range []struct {
		first, last string
		want        int
	}{
		{"2026-03-01", "2026-03-02", 13}, {"2026-03-01", "2026-03-15", 12}, {"2026-03-01", "2026-04-20", 10},
		{"2024-01-01", "2024-10-26", 9}, {"2024-01-01", "2025-12-30", 7}, {"2001-01-01", "2026-01-01", 4},
		{"", "", 4}, {"2026-03-02", "2026-03-01", 4},
	} {
		if got := SpanPrefix(tc.first, tc.last); got != tc.want {
			t.Errorf("SpanPrefix(%s, %s) = %d, want %d", tc.first, tc.last, got, tc.want)
		}
	}
}

func TestSpeakerChanges(t *testing.T) {
	row := func(article int64, key string) QuoteRow {
		return QuoteRow{ArticleID: article, Quote: model.Quote{Text: "words", SpeakerKey: key}}
	}
	for _, tc := range []struct {
		name     string
		old, new []QuoteRow
		articles []int64
		want     []SpeakerCount
	}{
		{"new article", nil, []QuoteRow{row(1, "voss"), row(1, "voss"), row(1, "")}, []int64{1}, []SpeakerCount{{"voss", 2}}},
		{"unchanged", []QuoteRow{row(1, "voss")}, []QuoteRow{row(1, "voss")}, []int64{1}, nil},
		{"speaker renamed", []QuoteRow{row(1, "voss"), row(2, "hale")}, []QuoteRow{row(1, "mara voss"), row(2, "hale")}, []int64{1},
			[]SpeakerCount{{"mara voss", 1}, {"voss", -1}}},
		{"rows gone", []QuoteRow{row(1, "voss"), row(1, "hale")}, nil, []int64{1}, []SpeakerCount{{"hale", -1}, {"voss", -1}}},
		{"other articles left alone", []QuoteRow{row(2, "hale")}, []QuoteRow{row(2, "stenn")}, []int64{1}, nil},
	} {
		got := StoryIndex{Quotes: tc.new}.SpeakerChanges(tc.old, tc.articles)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
