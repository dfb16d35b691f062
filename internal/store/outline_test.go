package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"parallax/internal/model"
)

// DecodeOutline gives what decoding a report whole gives of its title,
// brief lines' texts and claims' texts, outlets and sentences' texts.
func TestDecodeOutline(t *testing.T) {
	full := model.Report{StoryID: 3, Title: "Ferry strike",
		Summary: []model.SummarySentence{{Text: "Crews walk out.", ArticleIDs: []int64{1, 2}, Outlets: []string{"Tide", "Post"}}},
		Claims: []model.Claim{{Text: "Crews walk out.", ArticleIDs: []int64{1, 2}, Outlets: []string{"Tide", "Post"}, NotFound: []string{"Wire"},
			Sentences: []model.Sentence{{ArticleID: 1, Outlet: "Tide", Text: "Crews walked out."}, {ArticleID: 2, Outlet: "Post", Text: "The crews left."}}}},
		Headlines: []model.Headline{{ArticleID: 1, Outlet: "Tide", Text: "Strike"}}}
	b, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeOutline(b)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Report{Title: full.Title, Summary: []model.SummarySentence{{Text: "Crews walk out."}},
		Claims: []model.Claim{{Text: "Crews walk out.", Outlets: []string{"Tide", "Post"},
			Sentences: []model.Sentence{{Text: "Crews walked out."}, {Text: "The crews left."}}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DecodeOutline = %+v\nwant %+v", got, want)
	}
	if _, err := DecodeOutline([]byte(`{"claims": 3}`)); err == nil {
		t.Error("DecodeOutline of a malformed report: no error")
	}
}
