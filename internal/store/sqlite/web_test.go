package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/storetest"
)

func TestWebReads(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ps []model.Placement
	var stories []model.Story
	for i := 1; i <= 5; i++ {
		outlet := "Harbour Wire"
		if i%2 == 0 {
			outlet = "Fenmoor Post"
		}
		id, _, err := db.PutArticle(ctx, model.Article{Source: fmt.Sprint(i), Title: fmt.Sprint("t", i), Outlet: outlet,
			Published: fmt.Sprintf("2026-02-0%dT10:00:00Z", i), Body: fmt.Sprint("body ", i)})
		if err != nil {
			t.Fatal(err)
		}
		p := model.Placement{ArticleID: id, StoryID: int64(i), Seq: int64(i)}
		if i == 5 {
			p.StoryID, p.DuplicateOf = 4, 4
		}
		ps = append(ps, p)
		stories = append(stories, model.Story{ID: int64(i), StorylineID: int64(i), Title: fmt.Sprint("s", i),
			FirstPublished: fmt.Sprintf("2026-02-0%d", i), LastPublished: fmt.Sprintf("2026-02-0%d", i)})
	}
	storetest.Commit(t, db, store.PlacementBatch{Placements: ps, Stories: stories[:4]})

	outlets, err := db.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Outlet{{Name: "Harbour Wire", Articles: 3, Stories: 3, First: "2026-02-01", Last: "2026-02-05"},
		{Name: "Fenmoor Post", Articles: 2, Stories: 2, First: "2026-02-02", Last: "2026-02-04"}}
	if fmt.Sprint(outlets) != fmt.Sprint(want) {
		t.Errorf("Outlets = %+v, want %+v", outlets, want)
	}

	p, err := db.ArticlePlacement(ctx, 5)
	if err != nil || p.StoryID != 4 || p.DuplicateOf != 4 || p.StorylineID != 4 {
		t.Errorf("ArticlePlacement(5) = %+v, %v", p, err)
	}
	if _, err := db.ArticlePlacement(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticlePlacement(99) err = %v", err)
	}
	dups, err := db.StoryDuplicates(ctx, 4)
	if err != nil || len(dups) != 1 || dups[5] != 4 {
		t.Errorf("StoryDuplicates(4) = %v, %v", dups, err)
	}

	page, err := db.Stories(ctx, store.StoryQuery{Limit: 2, Offset: 1})
	if err != nil || len(page) != 2 || page[0].ID != 3 || page[1].ID != 2 {
		t.Errorf("Stories(limit 2, offset 1) = %+v, %v", page, err)
	}
}

// A story's spans are grouped in Go from each outlet's dates joined by a
// separator; a date that holds the separator falls back to grouping in
// SQL, with the same answer.
func TestStorySpansSeparatorInDate(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	var ps []model.Placement
	for i, pub := range []string{"2026-02-01T10:00:00Z", "2026-02-01T11:00:00Z", "2026-02-03", ""} {
		id, _, err := db.PutArticle(ctx, model.Article{Source: fmt.Sprint(i), Title: fmt.Sprint("t", i), Outlet: "Harbour Wire",
			Published: pub, Body: fmt.Sprint("body ", i)})
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, model.Placement{ArticleID: id, StoryID: 1, NewStory: i == 0, Seq: int64(i + 1)})
	}
	storetest.Commit(t, db, store.PlacementBatch{Placements: ps, Stories: []model.Story{{ID: 1, StorylineID: 1, Title: "s"}}})
	want := "[{Harbour Wire  1  } {Harbour Wire 2026-02-01 2 2026-02-01T10:00:00Z 2026-02-01T11:00:00Z} {Harbour Wire 2026-02-03 1 2026-02-03 2026-02-03}]"
	if spans, err := db.StorySpans(ctx, 1, 10); err != nil || fmt.Sprint(spans) != want {
		t.Errorf("StorySpans = %v, %v; want %s", spans, err, want)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE articles SET published = '2026-02-03' || char(31) WHERE published = '2026-02-03'`); err != nil {
		t.Fatal(err)
	}
	want = "[{Harbour Wire  1  } {Harbour Wire 2026-02-01 2 2026-02-01T10:00:00Z 2026-02-01T11:00:00Z} {Harbour Wire 2026-02-03 1 2026-02-03\x1f 2026-02-03\x1f}]"
	if spans, err := db.StorySpans(ctx, 1, 10); err != nil || fmt.Sprint(spans) != want {
		t.Errorf("StorySpans with a separator = %q, %v; want %q", fmt.Sprint(spans), err, want)
	}
}
