package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"parallax/internal/model"
)

// run runs the command line and returns stdout, stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), err
}

// copyInputs copies testdata/inputs into a temporary directory.
func copyInputs(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", "inputs", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func exportArticles(t *testing.T, db string) []model.Article {
	t.Helper()
	out, _, err := run(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []model.Article `json:"articles"`
		Stories  []any           `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if doc.Stories == nil {
		t.Fatal("export has no stories array")
	}
	return doc.Articles
}

func TestIngestGoodAndBadInputs(t *testing.T) {
	dir := copyInputs(t, "harbour.html", "ferry.txt", "records.jsonl", "empty.txt", "picture.png")
	db := filepath.Join(t.TempDir(), "p.db")
	out, stderr, err := run(t, "ingest", "--db", db, dir)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v; want errSomeFailed", err)
	}
	for _, want := range []string{
		"empty.txt: empty file",
		"picture.png: binary",
		"records.jsonl:2: not JSON",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "4 new, 0 updated, 0 unchanged, 3 failed") {
		t.Errorf("summary = %q", out)
	}
	as := exportArticles(t, db)
	if len(as) != 4 {
		t.Fatalf("stored %d articles; want 4 (no rows for bad inputs)", len(as))
	}

	// The same inputs again add nothing.
	out, _, _ = run(t, "ingest", "--db", db, dir)
	if !strings.Contains(out, "0 new, 0 updated, 4 unchanged, 3 failed") {
		t.Errorf("re-ingest summary = %q", out)
	}
	// A changed page updates its record in place.
	p := filepath.Join(dir, "harbour.html")
	b, _ := os.ReadFile(p)
	b = bytes.Replace(b, []byte("fourteen suspension cables"), []byte("sixteen suspension cables"), 1)
	os.WriteFile(p, b, 0o644)
	out, _, _ = run(t, "ingest", "--db", db, dir)
	if !strings.Contains(out, "0 new, 1 updated, 3 unchanged, 3 failed") {
		t.Errorf("changed-page summary = %q", out)
	}
	if n := len(exportArticles(t, db)); n != 4 {
		t.Errorf("after update: %d articles; want 4", n)
	}
}

func TestIngestAllGoodSucceeds(t *testing.T) {
	dir := copyInputs(t, "harbour.html", "ferry.txt")
	db := filepath.Join(t.TempDir(), "p.db")
	if _, stderr, err := run(t, "ingest", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := run(t, "articles", "--db", db)
	if err != nil || !strings.Contains(out, "Harbour bridge reopens") || !strings.Contains(out, "Ferry crews return") {
		t.Fatalf("articles = %q, %v", out, err)
	}
	out, _, err = run(t, "search", "--db", db, "commuters")
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Fatalf("search commuters = %q, %v; want header and 2 rows", out, err)
	}
}

func TestIngestGzipAndDBFromEnv(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("testdata", "inputs", "harbour.html"))
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(src)
	zw.Close()
	os.WriteFile(filepath.Join(dir, "page.html.gz"), buf.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "cut.html.gz"), buf.Bytes()[:buf.Len()/2], 0o644)
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("PARALLAX_DB", db)
	_, stderr, err := run(t, "ingest", dir)
	if !errors.Is(err, errSomeFailed) || !strings.Contains(stderr, "cut.html.gz: truncated gzip") {
		t.Fatalf("err = %v, stderr = %q", err, stderr)
	}
	if as := exportArticles(t, db); len(as) != 1 || as[0].Outlet != "The Meridian Herald" {
		t.Fatalf("articles = %+v", as)
	}
}

func TestExtractJSON(t *testing.T) {
	out, _, err := run(t, "extract", filepath.Join("testdata", "inputs", "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "url", "title", "authors", "outlet", "published", "language", "body"} {
		if _, ok := m[k]; !ok {
			t.Errorf("extract JSON lacks %q", k)
		}
	}
	if m["title"] != "Harbour bridge reopens after storm repairs" || m["published"] != "2026-03-12T09:15:00Z" ||
		m["url"] != "https://meridianherald.example/2026/03/harbour-bridge" || m["language"] != "en" {
		t.Errorf("extract = %v", m)
	}
	body, _ := m["body"].(string)
	if strings.Contains(body, "Most read") || strings.Contains(body, "BREAKING") || !strings.Contains(body, "\n\n") {
		t.Errorf("body = %q", body)
	}
}

func TestExtractText(t *testing.T) {
	out, _, err := run(t, "extract", "--format", "text", filepath.Join("testdata", "inputs", "ferry.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "Ferry crews return to normal timetable") {
		t.Errorf("text output starts %q", out[:min(80, len(out))])
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"extract"},
		{"extract", "--format", "xml", "x"},
		{"ingest"},
		{"ingest", "--no-such-flag"},
		{"eval"},
		{"eval", "extract"},
	} {
		if _, _, err := run(t, args...); !errors.Is(err, ErrUsage) {
			t.Errorf("%q: err = %v; want usage error", args, err)
		}
	}
	if _, _, err := run(t, "ingest", "-h"); err != nil {
		t.Errorf("ingest -h: %v", err)
	}
}

func TestExtractMissingFile(t *testing.T) {
	_, _, err := run(t, "extract", filepath.Join(t.TempDir(), "nope.html"))
	if err == nil || !strings.Contains(err.Error(), "nope.html") {
		t.Fatalf("err = %v; want it to name the input", err)
	}
}

func TestEvalExtract(t *testing.T) {
	dir := copyInputs(t, "ferry.txt")
	gold := map[string]any{
		"ferry": map[string]any{"body_lines": "17,19,21", "title_line": 12, "published": "2026-03-13T08:05:00Z"},
	}
	b, _ := json.Marshal(gold)
	gp := filepath.Join(dir, "gold.json")
	os.WriteFile(gp, b, 0o644)
	out, _, err := run(t, "eval", "extract", "--gold", gp, "--exact", "--min-f1", "0.99")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, out)
	}
	if !strings.Contains(out, "1.000") {
		t.Errorf("eval output:\n%s", out)
	}
	// A gold that wants a line the extractor drops fails the exact gate.
	gold["ferry"] = map[string]any{"body_lines": "1,17,19,21"}
	b, _ = json.Marshal(gold)
	os.WriteFile(gp, b, 0o644)
	if _, _, err := run(t, "eval", "extract", "--gold", gp, "--exact"); !errors.Is(err, errGate) {
		t.Errorf("err = %v; want gate failure", err)
	}
}

// A page in a single-byte charset, declared or not, is stored readable.
func TestIngestLegacyCharsets(t *testing.T) {
	arabic := "افتتح المجلس البلدي في مدينة الميناء جسرا جديدا فوق النهر صباح الخميس بعد أشهر من العمل المتواصل."
	russian := "Городской совет открыл новый мост через реку в четверг утром после долгих месяцев ремонта."
	cases := []struct {
		name, charset, sentence string
		enc                     *charmap.Charmap
	}{
		{"arabic-declared.html", "windows-1256", arabic, charmap.Windows1256},
		{"arabic-undeclared.html", "", arabic, charmap.Windows1256},
		{"russian-declared.html", "koi8-r", russian, charmap.KOI8R},
		{"russian-undeclared.html", "", russian, charmap.KOI8R},
		{"russian-wrongly-utf8.html", "utf-8", russian, charmap.KOI8R},
	}
	dir := t.TempDir()
	for _, c := range cases {
		meta := ""
		if c.charset != "" {
			meta = `<meta charset="` + c.charset + `">`
		}
		page := "<html><head>" + meta + "<title>" + string([]rune(c.sentence)[:24]) + "</title></head><body><article>" +
			strings.Repeat("<p>"+c.sentence+"</p>\n", 6) + "</article></body></html>"
		b, err := c.enc.NewEncoder().String(page)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		os.WriteFile(filepath.Join(dir, c.name), []byte(b), 0o644)
	}
	db := filepath.Join(t.TempDir(), "p.db")
	if _, stderr, err := run(t, "ingest", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	as := exportArticles(t, db)
	if len(as) != 2 { // the same content in another charset is the same article
		t.Fatalf("stored %d articles; want 2", len(as))
	}
	for _, a := range as {
		if !strings.Contains(a.Body, arabic) && !strings.Contains(a.Body, russian) {
			t.Errorf("%s: body not readable: %q", a.Source, clip(a.Body, 80))
		}
	}
}
