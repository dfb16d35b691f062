package web

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parallax/internal/model"
)

// TestStoryPageCompared: the page of a story whose report compares part
// of it says so, and its matrix has columns only for the outlets compared
// (the others are not said to leave anything out).
func TestStoryPageCompared(t *testing.T) {
	outlets := []string{"Harbour Gazette", "Velden Post", "Marlow Daily"}
	var arts []model.Article
	for i := range 9 {
		arts = append(arts, model.Article{ID: int64(i + 1), Outlet: outlets[i%3], Published: "2031-03-14",
			Title: fmt.Sprintf("Ferry resumes, report %d", i), Body: "The ferry resumed."})
	}
	s := model.Story{ID: 7, Title: "Ferry resumes", Independent: 9, IndependentOutlets: 3}
	for _, a := range arts {
		s.ArticleIDs = append(s.ArticleIDs, a.ID)
	}
	claim := func(text string, ids ...int64) model.Claim {
		c := model.Claim{Text: text, ArticleIDs: ids}
		for _, id := range ids {
			o := arts[id-1].Outlet
			c.Outlets = append(c.Outlets, o)
			c.Sentences = append(c.Sentences, model.Sentence{ArticleID: id, Outlet: o, Text: text})
		}
		return c
	}
	r := &model.Report{StoryID: 7, Compared: []int64{1, 2, 4},
		Claims: []model.Claim{claim("The ferry to Marlow Island resumed on Monday.", 1, 2), claim("Storms had closed the harbour.", 1)}}
	v := buildStory(s, membersOf(arts, nil, articleHref(true)), r, true)
	if v.Compared == nil || v.Compared.Articles != 3 || v.Compared.Outlets != 2 || v.Compared.OfArticles != 9 || v.Compared.OfOutlets != 3 {
		t.Fatalf("Compared = %+v", v.Compared)
	}
	if len(v.Outlets) != 3 || len(v.Matrix.Outlets) != 2 {
		t.Fatalf("%d outlets, %d matrix columns; want 3 and 2", len(v.Outlets), len(v.Matrix.Outlets))
	}
	if v.Matrix.Shared != 1 || v.Matrix.Partial != 1 || len(v.Matrix.Rows[0].Cells) != 2 {
		t.Fatalf("matrix = %+v", v.Matrix)
	}
	var b bytes.Buffer
	if err := StoryPage(&b, s, arts, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "The comparison reads 3 articles from 2 outlets of the 9 independent ones from 3") {
		t.Errorf("the page does not say what the report compared")
	}
}
