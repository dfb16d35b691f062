package cli

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// entitySnapshot is a SQLite store's corpus index of entities as a
// rebuild from every article must leave it whatever happened before: the
// records some article names (by type and key, without their IDs, which
// follow the order families were first rebuilt) and the key rows (each
// naming its record by type and key). A killed run may also leave
// records no article names any more, from families rebuilt while only
// part of the articles were stored; those must count nothing and point
// at a named record or at none.
func entitySnapshot(t *testing.T, path string) (named, keys []string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	named = queryLines(t, db, `SELECT type, key, family, name, spellings, keys, articles, mentions, merged_into
		FROM entities WHERE articles > 0 ORDER BY type, key`)
	keys = queryLines(t, db, `SELECT k.type, k.key, e.type, e.key FROM entity_keys k JOIN entities e ON e.id = k.entity_id
		ORDER BY k.type, k.key`)
	if bad := queryLines(t, db, `SELECT e.type, e.key, e.mentions, e.merged_into FROM entities e
		LEFT JOIN entities m ON m.id = e.merged_into
		WHERE e.articles = 0 AND (e.mentions != 0 OR e.merged_into != 0 AND (m.id IS NULL OR m.articles = 0))`); len(bad) > 0 {
		t.Errorf("%s: records no article names that count or point nowhere: %v", path, bad)
	}
	if pending := queryLines(t, db, `SELECT family FROM pending_families`); len(pending) > 0 {
		t.Errorf("%s: families still marked: %v", path, pending)
	}
	return named, keys
}

func queryLines(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.String
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameEntities reports where two stores' entity indexes differ.
func sameEntities(t *testing.T, got, want string) {
	t.Helper()
	gotNamed, gotKeys := entitySnapshot(t, got)
	wantNamed, wantKeys := entitySnapshot(t, want)
	if !reflect.DeepEqual(gotNamed, wantNamed) {
		t.Errorf("named entity records: %d against %d of an uninterrupted run; first difference %s", len(gotNamed), len(wantNamed), firstDiff(gotNamed, wantNamed))
	}
	if !reflect.DeepEqual(gotKeys, wantKeys) {
		t.Errorf("entity key rows: %d against %d of an uninterrupted run; first difference %s", len(gotKeys), len(wantKeys), firstDiff(gotKeys, wantKeys))
	}
	if len(wantNamed) == 0 {
		t.Error("the uninterrupted run named no entity: nothing compared")
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " against " + b[i]
		}
	}
	return "in length"
}

// TestIngestInRunsSameEntities: a collection ingested in three runs (its
// first files, then more, then all of it) ends with the entity index of
// one run: a family rebuilt again as more of its articles arrive writes
// what a rebuild from nothing does (each run a whole command, in this
// process; TestKilledIngestsRepair kills real ones).
func TestIngestInRunsSameEntities(t *testing.T) {
	corpus := writeCorpus(t, 11, 600, 6)
	ref, db := filepath.Join(t.TempDir(), "ref.db"), filepath.Join(t.TempDir(), "runs.db")
	if _, stderr, err := run(t, "ingest", "--quiet", "--db", ref, corpus); err != nil {
		t.Fatalf("one run: %v\n%s", err, stderr)
	}
	parts, err := filepath.Glob(filepath.Join(corpus, "part-*.jsonl"))
	if err != nil || len(parts) != 6 {
		t.Fatalf("corpus files %v, %v", parts, err)
	}
	for _, k := range []int{2, 4, 6} {
		args := append([]string{"ingest", "--quiet", "--db", db}, parts[:k]...)
		if _, stderr, err := run(t, args...); err != nil {
			t.Fatalf("run over %d files: %v\n%s", k, err, stderr)
		}
	}
	sameSnapshot(t, takeSnapshot(t, db), takeSnapshot(t, ref))
	sameEntities(t, db, ref)
}
