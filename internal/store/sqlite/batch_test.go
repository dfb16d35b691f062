package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// One article of a batch that the database refuses (here a trigger stands
// in for any failure) is reported alone; its neighbours are stored.
func TestBatchSavepointKeepsNeighbours(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.db.ExecContext(ctx, `CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.title = 'poison'
		BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`); err != nil {
		t.Fatal(err)
	}
	arts := []model.Article{
		{Source: "1", Title: "Harbour reopens", Body: "one"},
		{Source: "2", Title: "poison", Body: "two"},
		{Source: "3", Title: "Tram line extended", Body: "three"},
	}
	puts, err := db.PutArticles(ctx, arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if puts[0].Err != nil || puts[2].Err != nil || puts[1].Err == nil || puts[0].Outcome != store.New {
		t.Errorf("puts = %+v; want the middle one alone failed", puts)
	}
	got, err := db.Articles(ctx)
	if err != nil || len(got) != 2 {
		t.Errorf("stored %d articles, %v; want 2", len(got), err)
	}
}
