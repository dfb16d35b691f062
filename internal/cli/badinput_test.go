package cli

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badCase is one kind of bad input given to ingest beside a good one.
type badCase struct {
	name   string
	make   func(t *testing.T, dir string) string // writes the input, returns its path
	input  func(path string) string              // what the error line names; nil: the path
	reason string                                // the reason after "INPUT: "
	stored int                                   // articles stored from the bad input itself
}

// The rule for bad input: one line naming the input and the reason, the
// other inputs still ingested, a failing exit status, nothing half-written.
func TestIngestEachBadInputKind(t *testing.T) {
	for _, c := range badFileCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := c.make(t, dir)
			good := filepath.Join(copyInputs(t, "ferry.txt"), "ferry.txt")
			db := filepath.Join(t.TempDir(), "p.db")
			_, stderr, err := run(t, "ingest", "--db", db, bad, good)
			if !errors.Is(err, errSomeFailed) {
				t.Fatalf("err = %v; want errSomeFailed", err)
			}
			input := bad
			if c.input != nil {
				input = c.input(bad)
			}
			assertOneErrorLine(t, stderr, input, c.reason)
			as := exportArticles(t, db)
			if len(as) != 1+c.stored {
				t.Fatalf("stored %d articles; want %d (the good input and no junk)", len(as), 1+c.stored)
			}
			for _, a := range as {
				if a.Title == "" || strings.TrimSpace(a.Body) == "" {
					t.Errorf("half-written article stored: %+v", a)
				}
			}
		})
	}
}

// assertOneErrorLine checks stderr holds exactly one error line, and that
// it names input and gives reason.
func assertOneErrorLine(t *testing.T, stderr, input, reason string) {
	t.Helper()
	lines := errorLines(stderr)
	if len(lines) != 1 {
		t.Fatalf("%d error lines; want 1:\n%s", len(lines), stderr)
	}
	if want := "error: " + input + ": " + reason; !strings.HasPrefix(lines[0], want) {
		t.Errorf("error line = %q; want it to start %q", lines[0], want)
	}
}

const goodRecord = `{"title": "Quarry road resurfaced", "outlet": "The Lindholt Echo", "text": "Crews in the fictional town of Lindholt finished resurfacing the quarry road on Tuesday, two weeks ahead of plan."}`

func badFileCases() []badCase {
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	page := []byte("<html><body><article>" + strings.Repeat("<p>The fictional ferry to Osterby ran late on Sunday.</p>", 20) + "</article></body></html>")
	zipped := gz(page)
	corrupt := append([]byte{}, zipped...)
	corrupt[len(corrupt)-6] ^= 0xff // the CRC-32 in the trailer
	return []badCase{
		{name: "empty", make: write("empty.html", nil), reason: "empty file"},
		{name: "whitespace only", make: write("blank.txt", []byte(" \n\t\r\n")), reason: "empty file"},
		{name: "byte order mark only", make: write("bom.txt", []byte("\xef\xbb\xbf")), reason: "empty file"},
		{name: "binary image", make: write("photo.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")), reason: "binary file"},
		{name: "binary control bytes", make: write("noise.txt", bytes.Repeat([]byte("ab\x00\x01\x02"), 100)), reason: "binary file"},
		{name: "truncated gzip", make: write("cut.html.gz", zipped[:len(zipped)/2]), reason: "truncated gzip: unexpected EOF"},
		{name: "corrupt gzip", make: write("crc.html.gz", corrupt), reason: "corrupt gzip"},
		{name: "oversize", make: sparse("huge.html", 17<<20), reason: "file too large: over 16 MiB"},
		{name: "gzip bomb", make: write("bomb.html.gz", gz(bytes.Repeat([]byte("<p>boom</p>"), 2<<20))), reason: "file too large: over 16 MiB"},
		{name: "missing path", make: func(t *testing.T, dir string) string { return filepath.Join(dir, "nope.html") }, reason: "no such file or directory"},
		{name: "parent is a file", make: func(t *testing.T, dir string) string {
			return filepath.Join(write("plain.txt", []byte("x"))(t, dir), "child.html")
		}, reason: "not a directory"},
		{name: "unreadable file", make: unreadable, reason: "permission denied"},
		{name: "broken symlink in a directory", make: brokenLink, input: func(d string) string { return filepath.Join(d, "gone.html") }, reason: "broken symlink"},
		{name: "no article in HTML", make: write("shell.html", []byte("<html><head><title>Menu</title></head><body></body></html>")), reason: "no article text found"},
		{name: "JSONL line not JSON", make: write("feed.jsonl", []byte(goodRecord+"\nthis line is not json\n")),
			input: func(p string) string { return p + ":2" }, reason: "not JSON: invalid character", stored: 1},
		{name: "JSONL line not an object", make: write("list.jsonl", []byte(goodRecord+"\n[1, 2]\n")),
			input: func(p string) string { return p + ":2" }, reason: "not a JSON object", stored: 1},
		{name: "JSON missing content fields", make: write("meta.json", []byte(`{"url": "https://echo.example/a", "title": "No body"}`)), reason: "no text, body or html"},
		{name: "JSON field of the wrong type", make: write("typed.json", []byte(`{"title": 7, "text": "Some words."}`)), reason: `field "title": want a string, got a number`},
		{name: "JSON broken", make: write("broken.json", []byte("{\n  \"title\": \"x\",\n}\n")), reason: "not JSON"},
		{name: "JSON empty array", make: write("none.json", []byte("[]")), reason: "no records: empty JSON array"},
	}
}

func write(name string, data []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// sparse makes a big file without writing its blocks.
func sparse(name string, size int64) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := write(name, nil)(t, dir)
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func unreadable(t *testing.T, dir string) string {
	if os.Getuid() == 0 {
		t.Skip("root reads any file; 'parent is a file' covers failing opens")
	}
	p := write("secret.html", []byte("<p>secret</p>"))(t, dir)
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	return p
}

// brokenLink returns a directory holding only a dangling symlink.
func brokenLink(t *testing.T, dir string) string {
	d := filepath.Join(dir, "saved")
	if err := os.Mkdir(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "deleted.html"), filepath.Join(d, "gone.html")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	return d
}

// A compact JSON array (every record on one line) gives one article per
// record: the records are named PATH:LINE:COLUMN, so their keys differ.
func TestIngestCompactJSONArrayKeepsEveryRecord(t *testing.T) {
	dir := t.TempDir()
	rec2 := strings.Replace(strings.Replace(goodRecord, "Quarry road resurfaced", "Ferry pier repainted", 1), "quarry road", "ferry pier", 1)
	p := write("compact.json", []byte("["+goodRecord+","+rec2+"]"))(t, dir)
	db := filepath.Join(t.TempDir(), "p.db")
	out, stderr, err := run(t, "ingest", "--db", db, p)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "2 new, 0 updated") || len(exportArticles(t, db)) != 2 {
		t.Errorf("want 2 new articles:\n%s", out)
	}
}

// A page whose declared charset is unknown is still read: it is not a bad
// input, the declaration is ignored and the bytes are detected.
func TestIngestUnknownCharsetIsRead(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><meta charset="x-klingon"><title>Ferry pier repainted</title></head><body><article>` +
		strings.Repeat("<p>Painters in the fictional port of Osterby finished the ferry pier on Monday, café owners said.</p>", 5) +
		"</article></body></html>"
	p := write("klingon.html", []byte(page))(t, dir)
	db := filepath.Join(t.TempDir(), "p.db")
	if _, stderr, err := run(t, "ingest", "--db", db, p); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	as := exportArticles(t, db)
	if len(as) != 1 || !strings.Contains(as[0].Body, "café owners") {
		t.Errorf("articles = %+v", as)
	}
}

// A text file in UTF-8 but for one stray byte is read as UTF-8: the byte
// becomes U+FFFD, one warning line names the file, and it is no failure.
// (Read whole as Windows-1252, every accent would turn to mojibake.)
func TestIngestMostlyUTF8TextStaysUTF8(t *testing.T) {
	text := "Brévalle approuve la rénovation du pont de l’Étang\n\nPar Aurélie Dutrêne\n\n" +
		"Le conseil municipal de Brévalle a approuvé jeudi soir la rénovation complète du pont de l’Étang, fermé aux camions depuis l’hiver dernier.\n\n" +
		"Les travaux débuteront en été et dureront dix-huit mois, a précisé la maire Hélène Quérard devant une salle comble.\xe9\n\n" +
		"Pendant le chantier, une passerelle provisoire permettra aux piétons et aux cyclistes de traverser la rivière à toute heure.\n\n" +
		"Les commerçants du quartier Saint-Évroult craignent une baisse de fréquentation, mais la mairie promet une aide aux boutiques touchées.\n"
	p := write("pont.txt", []byte(text))(t, t.TempDir())
	db := filepath.Join(t.TempDir(), "p.db")
	out, stderr, err := run(t, "ingest", "--db", db, p)
	if err != nil {
		t.Fatalf("ingest: %v\n%s\n%s", err, out, stderr)
	}
	var warnings []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "warning: ") {
			warnings = append(warnings, l)
		}
	}
	want := "warning: " + p + ": not valid UTF-8 in 1 place; read as UTF-8 with it replaced by U+FFFD"
	if len(warnings) != 1 || warnings[0] != want || len(errorLines(stderr)) != 0 {
		t.Errorf("stderr:\n%s\nwant one line %q", stderr, want)
	}
	as := exportArticles(t, db)
	if len(as) != 1 || !strings.Contains(as[0].Body, "Hélène Quérard") || strings.Contains(as[0].Body, "Ã") {
		t.Fatalf("articles = %+v; want the accents intact", as)
	}
	if n := strings.Count(as[0].Title+as[0].Body, "\uFFFD"); n != 1 {
		t.Errorf("%d U+FFFD in the article; want 1", n)
	}
}
