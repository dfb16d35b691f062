package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTemp(t) })
	storetest.RunIndex(t, func(t *testing.T) storetest.IndexStore { return openTemp(t) })
}

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestReopenKeepsSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	for i := 0; i < 2; i++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var v int
		if err := db.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
			t.Fatalf("user_version = %d, %v; want %d", v, err, len(migrations))
		}
		db.Close()
	}
}

// TestOddFileNames: characters a file: URI gives meaning to stay part of
// the file name.
func TestOddFileNames(t *testing.T) {
	for _, name := range []string{"news?2026.db", "a#b.db", "100%.db"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the store is not at %s: %v", name, path, err)
		}
	}
}

// TestForeignDatabaseLeftAlone: another program's database is refused
// before any pragma touches it (it stays out of WAL mode).
func TestForeignDatabaseLeftAlone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "other.db")
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ExecContext(ctx, `CREATE TABLE notes (body TEXT)`); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if s, err := Open(ctx, path); err == nil {
		s.Close()
		t.Fatal("another program's database was opened as a store")
	}
	check, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var mode string
	if err := check.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode == "wal" {
		t.Errorf("journal mode %q, %v: the refused database was changed", mode, err)
	}
}

// TestMigrateCountsStoryNames: a store indexed before migration 12 gets
// its stories' name counts from the index rows already stored.
func TestMigrateCountsStoryNames(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	person := func(id int64, n int, key string, mentions int) store.EntityRow {
		return store.EntityRow{ArticleID: id, N: n, StoryID: 4, Family: "person:" + key,
			Entity: model.Entity{Name: key, Key: key, Type: model.Person, Mentions: mentions}}
	}
	idx := store.StoryIndex{StoryID: 4, ArticleIDs: []int64{1, 2}, Entities: []store.EntityRow{
		person(1, 0, "voss", 2), person(1, 1, "stenn", 1), person(2, 0, "voss", 3), person(2, 1, "voss", 1)}}
	if err := s.PutStoryIndex(ctx, idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DROP TABLE story_entities; DROP INDEX articles_story_dates;
		CREATE INDEX article_entities_story ON article_entities(story_id, type, key, article_id, mentions);
		` + undoQuoteDates + `
		PRAGMA user_version = 12`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []store.NameCount
	rows, err := s.db.Query(`SELECT type, key, articles, mentions FROM story_entities WHERE story_id = 4 ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c store.NameCount
		if err := rows.Scan(&c.Type, &c.Key, &c.Articles, &c.Mentions); err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	rows.Close()
	if want := idx.NameCounts(); !reflect.DeepEqual(got, want) {
		t.Errorf("counts after migrating = %+v, want %+v", got, want)
	}
}

// undoQuoteDates takes a store back from migration 14 to 13.
const undoQuoteDates = `DROP TRIGGER quotes_published; DROP INDEX quotes_speaker; ALTER TABLE quotes DROP COLUMN published;
	CREATE INDEX quotes_speaker ON quotes(speaker_key); DROP TABLE quote_speakers;`

// TestMigrateDatesQuotes: a store indexed before migration 14 gets each
// quotation's article date, so its speakers' pages find them in order,
// and each speaker's count.
func TestMigrateDatesQuotes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i, day := range []string{"2026-03-02", "", "2026-03-01"} {
		id, _, err := s.PutArticle(ctx, model.Article{Source: fmt.Sprint(i), Published: day, Title: "Quay", Body: "The quay."})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	idx := store.StoryIndex{StoryID: 1, ArticleIDs: ids}
	for i, id := range ids {
		idx.Quotes = append(idx.Quotes, store.QuoteRow{ArticleID: id, StoryID: 1,
			Quote: model.Quote{Text: fmt.Sprint("words ", i), Speaker: "Stenn", SpeakerKey: "stenn"}})
	}
	if err := s.PutStoryIndex(ctx, idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(undoQuoteDates + `PRAGMA user_version = 13`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []string
	rows, err := s.db.Query(`SELECT published FROM quotes INDEXED BY quotes_speaker WHERE speaker_key = 'stenn'
		ORDER BY published DESC, article_id DESC, n`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		got = append(got, p)
	}
	if want := []string{"2026-03-02", "2026-03-01", ""}; !slices.Equal(got, want) {
		t.Errorf("quotation dates after migrating = %q, want %q", got, want)
	}
	var n int
	if err := s.db.QueryRow(`SELECT quotes FROM quote_speakers WHERE speaker_key = 'stenn'`).Scan(&n); err != nil || n != 3 {
		t.Errorf("stenn's count after migrating = %d, %v; want 3", n, err)
	}
}
