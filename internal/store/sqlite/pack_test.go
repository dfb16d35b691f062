package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// TestMigratePacksStoredRows: a store written before migration 10 (its
// large values as plain JSON, no lead, counts or originals) is packed and
// counted when opened, and reads back the same; short values stay as
// they were.
func TestMigratePacksStoredRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var ents []model.Entity
	for i := range 30 {
		ents = append(ents, model.Entity{Name: fmt.Sprintf("Mara Voss %d", i), Key: fmt.Sprintf("mara voss %d", i), Type: model.Person, Mentions: 2})
	}
	big := model.Article{URL: "https://example.org/1", Title: "Ferry strike", Body: "Crews walked out.", Outlet: "Harbour Times",
		Enrichment: &model.Enrichment{Entities: ents, RefDate: "2026-01-02"}}
	small := model.Article{URL: "https://example.org/2", Title: "Ferry strike ends", Body: "Crews are back.", Outlet: "Coast Radio",
		Enrichment: &model.Enrichment{RefDate: "2026-01-03"}}
	var ids []int64
	for _, a := range []model.Article{big, small} {
		id, _, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rep := model.Report{StoryID: 1, Title: "Ferry crews strike", Summary: []model.SummarySentence{{Text: "Ferry crews walk out.", ArticleIDs: ids}}}
	for range 20 {
		rep.Summary = append(rep.Summary, model.SummarySentence{Text: "Crews say the pay is not fair.", ArticleIDs: ids})
	}
	if err := s.PutReport(ctx, 1, "fp", rep); err != nil {
		t.Fatal(err)
	}
	checkpoint := []byte(strings.Repeat("checkpoint state ", 100))
	if _, err := s.db.Exec(`INSERT INTO cluster_checkpoint VALUES (1, 2, 'v', ?)`, checkpoint); err != nil {
		t.Fatal(err)
	}
	wantBig, _ := s.Article(ctx, ids[0])
	wantSmall, _ := s.Article(ctx, ids[1])

	// Back to version 9: every value unpacked, no lead or title.
	for _, q := range []string{`SELECT id, enrichment FROM articles`, `SELECT story_id, report FROM story_reports`,
		`SELECT one, data FROM cluster_checkpoint`} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		plain := map[int64]string{}
		for rows.Next() {
			var id int64
			var v []byte
			if err := rows.Scan(&id, &v); err != nil {
				t.Fatal(err)
			}
			u, _ := store.Unpack(v)
			plain[id] = string(u)
		}
		rows.Close()
		table, key, col := tableOf(q)
		for id, v := range plain {
			if _, err := s.db.Exec(fmt.Sprintf(`UPDATE %s SET %s = ? WHERE %s = ?`, table, col, key), v, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.db.Exec(`DROP TABLE story_entities; DROP INDEX articles_story_dates;
		CREATE INDEX article_entities_story ON article_entities(story_id, type, key, article_id, mentions);
		ALTER TABLE story_reports DROP COLUMN lead; ALTER TABLE story_reports DROP COLUMN title; ALTER TABLE stories DROP COLUMN originals;
		DROP TRIGGER articles_count_ai; DROP TRIGGER articles_count_ad; DROP TRIGGER articles_count_au;
		DROP TABLE outlet_counts; DROP TABLE outlet_stories; DROP TABLE storylines; DROP INDEX stories_storyline_first;
		DROP INDEX stories_storyline; CREATE INDEX stories_storyline ON stories(storyline_id); DROP INDEX stories_sole;
		DROP INDEX article_entities_story; CREATE INDEX article_entities_story ON article_entities(story_id);
		DROP TRIGGER stories_line_ai; DROP TRIGGER stories_line_ad; DROP TRIGGER stories_line_au;
		DROP INDEX articles_outlet; CREATE INDEX articles_outlet ON articles(outlet);
		DROP INDEX articles_story; CREATE INDEX articles_story ON articles(story_id); DROP INDEX articles_by_id; DROP INDEX stories_storyline_order;
		` + undoQuoteDates + `
		PRAGMA user_version = 9`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		q      string
		packed bool
	}{
		{`SELECT enrichment FROM articles WHERE id = 1`, true},
		{`SELECT enrichment FROM articles WHERE id = 2`, false},
		{`SELECT report FROM story_reports`, true},
		{`SELECT data FROM cluster_checkpoint`, true},
	} {
		var v []byte
		if err := s.db.QueryRow(c.q).Scan(&v); err != nil || store.IsPacked(v) != c.packed {
			t.Errorf("%s: packed %v, %v; want %v", c.q, store.IsPacked(v), err, c.packed)
		}
	}
	for i, want := range []model.Article{wantBig, wantSmall} {
		if got, err := s.Article(ctx, ids[i]); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("article %d after migrating = %+v, %v; want %+v", ids[i], got, err, want)
		}
	}
	if got, _, err := s.Report(ctx, 1); err != nil || !reflect.DeepEqual(got, rep) {
		t.Errorf("report after migrating = %+v, %v", got, err)
	}
	// Migration 11 copies the stored report's title beside its lead.
	if leads, err := s.StoryLeads(ctx, []int64{1}); err != nil || leads[1] != (store.StoryLead{Line: "Ferry crews walk out.", Title: "Ferry crews strike"}) {
		t.Errorf("leads after migrating = %v, %v", leads, err)
	}
	if o, err := s.Outlets(ctx); err != nil || len(o) != 2 || o[0].Articles != 1 || o[0].Stories != 0 {
		t.Errorf("outlets after migrating = %+v, %v", o, err)
	}
	if c, ok, err := s.Checkpoint(ctx); err != nil || !ok || string(c.Data) != string(checkpoint) {
		t.Errorf("checkpoint after migrating: %d bytes, %v, %v", len(c.Data), ok, err)
	}
}

// tableOf takes a "SELECT key, column FROM table" apart.
func tableOf(q string) (table, key, column string) {
	f := strings.Fields(strings.ReplaceAll(q, ",", ""))
	return f[4], f[1], f[2]
}
