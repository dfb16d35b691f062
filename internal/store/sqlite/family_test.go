package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// putFamilyRewrite is PutFamily as it was before it wrote only what
// differs: every key row of the family deleted, every record reset, every
// record of ents upserted with its keys, then the records counting nothing
// pointed at the record their key joined. The reference PutFamily must
// equal.
func putFamilyRewrite(ctx context.Context, s *DB, family string, ents []model.CorpusEntity) error {
	now := time.Now().UTC().Format(time.RFC3339)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM entity_keys WHERE entity_id IN (SELECT id FROM entities WHERE family = ?)`,
			`UPDATE entities SET articles = 0, mentions = 0, merged_into = 0 WHERE family = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, family); err != nil {
				return err
			}
		}
		for _, e := range ents {
			spellings, _ := json.Marshal(nonNil(e.Spellings))
			keys, _ := json.Marshal(nonNil(e.Keys))
			var id int64
			err := tx.QueryRowContext(ctx, `INSERT INTO entities (type, key, family, name, spellings, keys, articles, mentions, merged_into, updated_at)
				VALUES (?,?,?,?,?,?,?,?,0,?) ON CONFLICT(type, key) DO UPDATE SET family = excluded.family, name = excluded.name,
				spellings = excluded.spellings, keys = excluded.keys, articles = excluded.articles, mentions = excluded.mentions,
				merged_into = 0, updated_at = excluded.updated_at RETURNING id`,
				e.Type, e.Key, family, e.Name, string(spellings), string(keys), e.Articles, e.Mentions, now).Scan(&id)
			if err != nil {
				return err
			}
			for _, k := range e.Keys {
				if _, err := tx.ExecContext(ctx, `INSERT INTO entity_keys (type, key, entity_id) VALUES (?,?,?)
					ON CONFLICT(type, key) DO UPDATE SET entity_id = excluded.entity_id`, e.Type, k, id); err != nil {
					return err
				}
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE entities SET merged_into = coalesce((SELECT k.entity_id FROM entity_keys k
			WHERE k.type = entities.type AND k.key = entities.key AND k.entity_id != entities.id), 0)
			WHERE family = ? AND articles = 0`, family)
		return err
	})
}

// randomFamily draws a family's records as CorpusEntities could give
// them: each of a few keys joined into at most one record, with small
// counts so that many records come out unchanged from one draw to the
// next; now and then a record no article names.
func randomFamily(r *rand.Rand, pool []string) []model.CorpusEntity {
	var ents []model.CorpusEntity
	for _, i := range r.Perm(len(pool)) {
		k := pool[i]
		if r.IntN(3) == 0 {
			continue // not named
		}
		if len(ents) > 0 && r.IntN(3) == 0 {
			e := &ents[r.IntN(len(ents))]
			e.Keys = append(e.Keys, k) // joined into another
			continue
		}
		ents = append(ents, model.CorpusEntity{Type: model.Person, Key: k, Name: fmt.Sprintf("%s %d", k, r.IntN(2)),
			Spellings: []string{k}, Keys: []string{k}, Articles: r.IntN(3), Mentions: 1 + r.IntN(2)})
	}
	return ents
}

// TestPutFamilyWritesWhatARewriteWould: over random histories of two
// families, writing only what differs leaves the tables exactly as
// rewriting every row did (IDs included), updated_at aside.
func TestPutFamilyWritesWhatARewriteWould(t *testing.T) {
	ctx := context.Background()
	diff, rewrite := openTemp(t), openTemp(t)
	r := rand.New(rand.NewPCG(7, 16))
	pools := map[string][]string{
		"person:brak":  {"ana brak", "ben brak", "cai brak", "dee brak", "eli brak", "fay brak"},
		"person:volan": {"gus volan", "hal volan", "ivy volan"},
	}
	for step := range 300 {
		family := "person:brak"
		if step%3 == 0 {
			family = "person:volan"
		}
		ents := randomFamily(r, pools[family])
		if err := diff.PutFamily(ctx, store.PendingFamily{Family: family, Mark: 1}, ents); err != nil {
			t.Fatal(err)
		}
		if err := putFamilyRewrite(ctx, rewrite, family, ents); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`SELECT id, type, key, family, name, spellings, keys, articles, mentions, merged_into FROM entities ORDER BY id`,
			`SELECT type, key, entity_id FROM entity_keys ORDER BY type, key`,
		} {
			got, want := tableRows(t, diff, q), tableRows(t, rewrite, q)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d, %s:\n got %v\nwant %v\nents %+v", step, q, got, want, ents)
			}
		}
	}
}

func tableRows(t *testing.T, s *DB, q string) [][]any {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	return out
}
