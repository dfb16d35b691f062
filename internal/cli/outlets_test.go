package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

func tempFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func registryOf(t *testing.T, db string) []model.Outlet {
	t.Helper()
	out, _, err := run(t, "outlets", "export", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Outlets []model.Outlet }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Outlets
}

// TestOutletsImportBadRows: each bad row gets one line naming the file,
// the line and the reason; the good rows are imported; the exit status
// says something failed.
func TestOutletsImportBadRows(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	csv := tempFile(t, "outlets.csv", "name,domains,country,leaning\n"+
		"Harbour Wire,harbourwire.example,XA,left\n"+
		"Fenmoor Post,fenmoor.example;fenmoor-post.example,XB,\n"+
		"Short row,x.example\n"+
		"Copycat,harbourwire.example,XC,\n"+
		"Bad Domain,not a domain,XA,\n"+
		"harbour wire,,XA,right\n")
	_, stderr, err := run(t, "outlets", "import", "--db", db, csv)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v, want some failed", err)
	}
	for _, want := range []string{
		csv + ":4: 2 fields, the header has 4",
		csv + ":5: domain harbourwire.example already belongs to \"Harbour Wire\"",
		csv + ":6: domain \"not a domain\"",
		csv + ":7: outlet \"harbour wire\" is already on line 2",
	} {
		if !strings.Contains(stderr, "error: "+want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if i, j := strings.Index(stderr, ":5: "), strings.Index(stderr, ":6: "); i > j {
		t.Errorf("errors not in the file's order:\n%s", stderr)
	}
	if n := strings.Count(stderr, "error: "); n != 4 {
		t.Errorf("%d error lines, want 4:\n%s", n, stderr)
	}
	reg := registryOf(t, db)
	if len(reg) != 2 || reg[0].Name != "Fenmoor Post" || len(reg[0].Domains) != 2 || reg[1].Attributes["leaning"] != "left" {
		t.Errorf("registry = %+v", reg)
	}
	if _, stderr, err := run(t, "outlets", "import", "--db", db, filepath.Join(t.TempDir(), "missing.csv")); !errors.Is(err, errSomeFailed) ||
		!strings.Contains(stderr, "missing.csv: no such file") {
		t.Errorf("missing file: %v, %q", err, stderr)
	}
}

// TestOutletsAddEditRemove: the registry's commands, and one clear line
// for an unknown name while the others are changed.
func TestOutletsAddEditRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if _, _, err := run(t, "outlets", "add", "--db", db, "--domain", "https://www.harbourwire.example/", "--country", "xa",
		"--attr", "kind=agency", "Harbour Wire"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "outlets", "add", "--db", db, "--language", "en", "Fenmoor Post"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "outlets", "add", "--db", db, "harbour wire"); err == nil || !strings.Contains(err.Error(), "already in the registry") {
		t.Errorf("adding a name twice: %v", err)
	}
	if _, _, err := run(t, "outlets", "add", "--db", db, "--attr", "kind", "X"); !errors.Is(err, ErrUsage) {
		t.Errorf("--attr without =: %v, want a usage error", err)
	}
	_, stderr, err := run(t, "outlets", "edit", "--db", db, "--attr", "leaning=centre", "--attr", "kind=", "Harbour Wire", "Nowhere News", "fenmoor post")
	if !errors.Is(err, errSomeFailed) || strings.Count(stderr, "\n") != 1 ||
		!strings.Contains(stderr, `error: outlets edit "Nowhere News": no such outlet in the registry`) {
		t.Errorf("edit with an unknown name: %v\n%s", err, stderr)
	}
	if _, _, err := run(t, "outlets", "edit", "--db", db, "--name", "Harbour Wire Service", "Harbour Wire"); err != nil {
		t.Fatal(err)
	}
	_, stderr, err = run(t, "outlets", "edit", "--db", db, "--domain", "harbourwire.example", "Fenmoor Post")
	if !errors.Is(err, errSomeFailed) || !strings.Contains(stderr, "already belongs to") {
		t.Errorf("edit taking another's domain: %v, %q", err, stderr)
	}
	reg := registryOf(t, db)
	if len(reg) != 2 {
		t.Fatalf("registry = %+v", reg)
	}
	fp, hw := reg[0], reg[1]
	if hw.Name != "Harbour Wire Service" || hw.Aliases[0] != "Harbour Wire" || hw.Country != "XA" || hw.Attributes["leaning"] != "centre" ||
		hw.Attributes["kind"] != "" || hw.Domains[0] != "harbourwire.example" {
		t.Errorf("edited = %+v", hw)
	}
	if fp.Attributes["leaning"] != "centre" || len(fp.Domains) != 0 {
		t.Errorf("Fenmoor Post = %+v", fp)
	}
	if _, stderr, err := run(t, "outlets", "remove", "--db", db, "harbour wire", "Nobody"); !errors.Is(err, errSomeFailed) ||
		!strings.Contains(stderr, `"Nobody": no such outlet`) {
		t.Errorf("remove: %v, %q", err, stderr)
	}
	if reg := registryOf(t, db); len(reg) != 1 {
		t.Errorf("after remove: %+v", reg)
	}
}

// TestOutletsNameArticles: an article is linked by its host, and the
// registry's name is what it carries; list counts it under its outlet.
func TestOutletsNameArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if _, _, err := run(t, "outlets", "add", "--db", db, "--domain", "brask.example", "--country", "XA", "Brask Harbour News"); err != nil {
		t.Fatal(err)
	}
	rec := `{"url": "https://news.brask.example/crane", "title": "Harbour crane collapses in Brask", "published": "2026-03-10",` +
		`"text": "A harbour crane collapsed in Brask on Tuesday, the port authority said. Nobody was hurt when the crane fell onto an empty quay."}`
	in := tempFile(t, "crane.json", rec)
	if _, stderr, err := run(t, "ingest", "--quiet", "--db", db, in); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	as := exportArticles(t, db)
	if len(as) != 1 || as[0].Outlet != "Brask Harbour News" || as[0].Language != "en" {
		t.Errorf("articles = %+v", as)
	}
	out, _, err := run(t, "outlets", "list", "--db", db)
	if err != nil || !strings.Contains(out, "Brask Harbour News  1 ") && !strings.Contains(out, "Brask Harbour News  1") {
		t.Errorf("list = %v\n%s", err, out)
	}
}
