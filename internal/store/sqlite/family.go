package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"parallax/internal/model"
)

// typeKey names an entity record, or an entity_keys row.
type typeKey struct{ typ, key string }

// familyRecord is a stored entity record as PutFamily compares it.
type familyRecord struct {
	id                         int64
	name, spellings, keys      string
	articles, mentions, merged int64
}

// familyStored is what the store holds of one family: its records and
// the entity_keys rows that point at them.
type familyStored struct {
	records map[typeKey]familyRecord
	keys    map[typeKey]int64
}

// familyHave reads one family's records and key rows.
func (s *DB) familyHave(ctx context.Context, tx *sql.Tx, family string) (familyStored, error) {
	have := familyStored{records: map[typeKey]familyRecord{}, keys: map[typeKey]int64{}}
	st, err := s.txStmt(ctx, tx, `SELECT id, type, key, name, spellings, keys, articles, mentions, merged_into
		FROM entities WHERE family = ?`)
	if err != nil {
		return have, err
	}
	rows, err := st.QueryContext(ctx, family)
	if err != nil {
		return have, err
	}
	for rows.Next() {
		var r familyRecord
		var tk typeKey
		if err := rows.Scan(&r.id, &tk.typ, &tk.key, &r.name, &r.spellings, &r.keys, &r.articles, &r.mentions, &r.merged); err != nil {
			rows.Close()
			return have, err
		}
		have.records[tk] = r
	}
	if err := closeRows(rows); err != nil {
		return have, err
	}
	st, err = s.txStmt(ctx, tx, `SELECT k.type, k.key, k.entity_id FROM entity_keys k
		JOIN entities e ON e.id = k.entity_id WHERE e.family = ?`)
	if err != nil {
		return have, err
	}
	if rows, err = st.QueryContext(ctx, family); err != nil {
		return have, err
	}
	for rows.Next() {
		var tk typeKey
		var id int64
		if err := rows.Scan(&tk.typ, &tk.key, &id); err != nil {
			rows.Close()
			return have, err
		}
		have.keys[tk] = id
	}
	return have, closeRows(rows)
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeFamily brings the family's stored records and key rows to what
// ents says, writing only the rows that differ. The result is what
// rewriting every row gives (records upserted in ents' order, so new
// records get the same IDs; every key row of the family replaced; every
// record no longer in ents counting nothing and pointing at the record
// its key joined, if any), except that an unchanged record keeps its
// updated_at.
func (s *DB) writeFamily(ctx context.Context, tx *sql.Tx, family string, ents []model.CorpusEntity, have familyStored, now string) error {
	wantKeys := map[typeKey]int64{}
	live := map[typeKey]int64{} // each record of ents, with its ID
	var unnamed []typeKey
	for _, e := range ents {
		spellings, _ := json.Marshal(nonNil(e.Spellings))
		keys, _ := json.Marshal(nonNil(e.Keys))
		tk := typeKey{e.Type, e.Key}
		r, ok := have.records[tk]
		want := familyRecord{id: r.id, name: e.Name, spellings: string(spellings), keys: string(keys),
			articles: int64(e.Articles), mentions: int64(e.Mentions)}
		if !ok || r != want {
			id, err := s.upsertEntity(ctx, tx, family, e, want, now)
			if err != nil {
				return err
			}
			want.id = id
		}
		live[tk] = want.id
		if e.Articles == 0 {
			unnamed = append(unnamed, tk)
		}
		for _, k := range e.Keys {
			wantKeys[typeKey{e.Type, k}] = want.id
		}
	}
	if err := s.writeFamilyKeys(ctx, tx, have.keys, wantKeys); err != nil {
		return err
	}
	// A record of ents that no article names (not what CorpusEntities
	// gives) points, like a retired one, at the record its key joined.
	for _, tk := range unnamed {
		into, err := s.mergedInto(ctx, tx, tk, live[tk], wantKeys)
		if err != nil {
			return err
		}
		if into != 0 {
			if err := s.txExec(ctx, tx, `UPDATE entities SET merged_into = ? WHERE id = ?`, into, live[tk]); err != nil {
				return err
			}
		}
	}
	for _, tk := range sortedKeys(have.records) {
		if _, ok := live[tk]; ok {
			continue
		}
		if err := s.retireEntity(ctx, tx, tk, have.records[tk], wantKeys); err != nil {
			return err
		}
	}
	return nil
}

// upsertEntity writes one record and returns its ID.
func (s *DB) upsertEntity(ctx context.Context, tx *sql.Tx, family string, e model.CorpusEntity, r familyRecord, now string) (int64, error) {
	upsert, err := s.txStmt(ctx, tx, `INSERT INTO entities (type, key, family, name, spellings, keys, articles, mentions, merged_into, updated_at)
		VALUES (?,?,?,?,?,?,?,?,0,?) ON CONFLICT(type, key) DO UPDATE SET family = excluded.family, name = excluded.name,
		spellings = excluded.spellings, keys = excluded.keys, articles = excluded.articles, mentions = excluded.mentions,
		merged_into = 0, updated_at = excluded.updated_at RETURNING id`)
	if err != nil {
		return 0, err
	}
	var id int64
	err = upsert.QueryRowContext(ctx, e.Type, e.Key, family, r.name, r.spellings, r.keys, r.articles, r.mentions, now).Scan(&id)
	return id, err
}

// writeFamilyKeys deletes the family's key rows no record claims any
// more and writes those that are new or point elsewhere.
func (s *DB) writeFamilyKeys(ctx context.Context, tx *sql.Tx, have, want map[typeKey]int64) error {
	for _, tk := range sortedKeys(have) {
		if _, ok := want[tk]; !ok {
			if err := s.txExec(ctx, tx, `DELETE FROM entity_keys WHERE type = ? AND key = ?`, tk.typ, tk.key); err != nil {
				return err
			}
		}
	}
	for _, tk := range sortedKeys(want) {
		if id, ok := have[tk]; ok && id == want[tk] {
			continue
		}
		if err := s.txExec(ctx, tx, `INSERT INTO entity_keys (type, key, entity_id) VALUES (?,?,?)
			ON CONFLICT(type, key) DO UPDATE SET entity_id = excluded.entity_id`, tk.typ, tk.key, want[tk]); err != nil {
			return err
		}
	}
	return nil
}

// retireEntity makes a record no article names any more count nothing
// and point at the record its key was joined into, if any.
func (s *DB) retireEntity(ctx context.Context, tx *sql.Tx, tk typeKey, r familyRecord, wantKeys map[typeKey]int64) error {
	into, err := s.mergedInto(ctx, tx, tk, r.id, wantKeys)
	if err != nil {
		return err
	}
	if r.articles == 0 && r.mentions == 0 && r.merged == into {
		return nil
	}
	return s.txExec(ctx, tx, `UPDATE entities SET articles = 0, mentions = 0, merged_into = ? WHERE id = ?`, into, r.id)
}

// mergedInto is the record, other than id, that the key row of tk points
// at once the family's key rows are written, or 0.
func (s *DB) mergedInto(ctx context.Context, tx *sql.Tx, tk typeKey, id int64, wantKeys map[typeKey]int64) (int64, error) {
	into, ok := wantKeys[tk]
	if !ok {
		// A key row left for tk belongs to another family's record: not
		// something families give, but read it as a rewrite would.
		st, err := s.txStmt(ctx, tx, `SELECT entity_id FROM entity_keys WHERE type = ? AND key = ?`)
		if err != nil {
			return 0, err
		}
		if err := st.QueryRowContext(ctx, tk.typ, tk.key).Scan(&into); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	if into == id {
		return 0, nil
	}
	return into, nil
}

// sortedKeys returns m's keys in order, so writes come in the same order
// every time.
func sortedKeys[V any](m map[typeKey]V) []typeKey {
	out := make([]typeKey, 0, len(m))
	for tk := range m {
		out = append(out, tk)
	}
	slices.SortFunc(out, func(a, b typeKey) int {
		return cmp.Or(strings.Compare(a.typ, b.typ), strings.Compare(a.key, b.key))
	})
	return out
}
