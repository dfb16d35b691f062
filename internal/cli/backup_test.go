package cli

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupAndStatus: a backup of a store in use is a whole store; an
// existing file is not overwritten; a missing store is named, not made;
// a PostgreSQL store is sent to pg_dump.
func TestBackupAndStatus(t *testing.T) {
	dir := t.TempDir()
	db, copy := filepath.Join(dir, "p.db"), filepath.Join(dir, "copy.db")
	if _, stderr, err := run(t, "ingest", "--quiet", "--db", db, corpus); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if out, _, err := run(t, "backup", "--db", db, copy); err != nil || !strings.Contains(out, "backed up") {
		t.Fatalf("backup = %v: %s", err, out)
	}
	out, _, err := run(t, "status", "--db", copy, "--check")
	if err != nil || !strings.Contains(out, "articles:         15 (0 not yet placed") || !strings.Contains(out, "integrity:        ok") {
		t.Errorf("status of the backup = %v:\n%s", err, out)
	}
	if _, _, err := run(t, "backup", "--db", db, copy); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("backup over an existing file = %v; want a refusal", err)
	}
	missing := filepath.Join(dir, "none.db")
	if _, _, err := run(t, "status", "--db", missing); err == nil || !strings.Contains(err.Error(), "no such store") {
		t.Errorf("status of a missing store = %v", err)
	}
	if _, _, err := run(t, "backup", "--db", "postgres://x@localhost/y", copy+"2"); !errors.Is(err, ErrUsage) {
		t.Errorf("backup of a PostgreSQL store = %v; want a usage error", err)
	}
}
