package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// An outlet a page does not name is labelled after its file everywhere;
// `ingest --outlet` names it when the user knows it.
func TestIngestOutletName(t *testing.T) {
	dir := t.TempDir()
	page := "Harbour crane collapses in Brask\n\nA harbour crane collapsed in Brask on Tuesday, the port authority said.\n\n" +
		"Nobody was hurt when the crane fell onto an empty quay, according to the harbour master.\n"
	path := filepath.Join(dir, "brask-crane.txt")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{nil, "unknown outlet (brask-crane.txt)"},
		{[]string{"--outlet", "Brask Harbour News"}, "Brask Harbour News"},
	}
	for _, tt := range tests {
		db := filepath.Join(t.TempDir(), "p.db")
		args := append(append([]string{"ingest", "--quiet", "--db", db}, tt.args...), path)
		if _, stderr, err := run(t, args...); err != nil {
			t.Fatalf("ingest %v: %v\n%s", tt.args, err, stderr)
		}
		as := exportArticles(t, db)
		if len(as) != 1 || as[0].Outlet != tt.want {
			t.Errorf("ingest %v: outlets %+v, want %q", tt.args, as, tt.want)
		}
	}
}
