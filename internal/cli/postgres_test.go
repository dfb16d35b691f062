package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store/pgtest"
)

// TestPostgresMatchesSQLite: ingesting the example corpus into PostgreSQL
// gives the same stories, articles and export as into SQLite, and a second
// ingest changes nothing.
func TestPostgresMatchesSQLite(t *testing.T) {
	pg := pgtest.URL(t)
	lite := filepath.Join(t.TempDir(), "p.db")
	for _, db := range []string{lite, pg} {
		if _, stderr, err := run(t, "ingest", "--quiet", "--db", db, corpus); err != nil {
			t.Fatalf("ingest into %s: %v\n%s", db, err, stderr)
		}
	}
	out, _, err := run(t, "ingest", "--quiet", "--db", pg, corpus)
	if err != nil || !strings.Contains(out, ": 0 new, 0 updated, 15 unchanged, 0 failed;") || !strings.Contains(out, "(0 new)") {
		t.Errorf("second ingest into PostgreSQL = %v: %s", err, out)
	}
	wantExport, gotExport := export(t, lite), export(t, pg)
	if len(gotExport.Articles) == 0 || len(gotExport.Articles) != len(wantExport.Articles) {
		t.Fatalf("PostgreSQL has %d articles, SQLite %d", len(gotExport.Articles), len(wantExport.Articles))
	}
	if g, w := jsonOf(t, gotExport.Stories), jsonOf(t, wantExport.Stories); g != w {
		t.Errorf("stories differ:\npostgres %s\nsqlite   %s", g, w)
	}
	for _, cmd := range [][]string{
		{"export"},
		{"stories", "--format", "json"},
		{"stories", "--format", "json", "--sort", "coverage"},
		{"articles", "--format", "json"},
		{"search", "--format", "json", "harbour"},
		{"story", "--format", "json", "1"},
		{"story", "--format", "json", "4"},
	} {
		onDB := func(db string) []string { return append([]string{cmd[0], "--db", db}, cmd[1:]...) }
		want, _, err := run(t, onDB(lite)...)
		if err != nil {
			t.Fatalf("%v on SQLite: %v", cmd, err)
		}
		got, _, err := run(t, onDB(pg)...)
		if err != nil {
			t.Fatalf("%v on PostgreSQL: %v", cmd, err)
		}
		if got != want {
			t.Errorf("%v differs between the backends:\npostgres %.600s\nsqlite   %.600s", cmd, got, want)
		}
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
