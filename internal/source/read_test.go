package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func TestReadFixtures(t *testing.T) {
	res := readPaths(t, Options{}, "testdata/article.html", "testdata/dump.txt",
		"testdata/record.json", "testdata/records.json")
	if len(res.errs) != 0 {
		t.Fatalf("unexpected errors: %v", res.errs)
	}
	want := []struct {
		source string
		kind   Kind
		has    string
	}{
		{"testdata/article.html", KindHTML, "Quillwater canal"},
		{"testdata/dump.txt", KindText, "clock tower on Market Row"},
		{"https://news.example/brindlecombe/ferry", KindRecord, "paddle wheel"},
		{"https://news.example/a", KindRecord, "Pellmoor belfry"},
		{"testdata/records.json:3", KindRecord, "saffron loaf"},
	}
	if len(res.docs) != len(want) {
		t.Fatalf("got %d docs, want %d: %+v", len(res.docs), len(want), res.docs)
	}
	for i, w := range want {
		d := res.docs[i]
		if d.Source != w.source || d.Kind != w.kind {
			t.Errorf("doc %d = %s %s, want %s %s", i, d.Source, d.Kind, w.source, w.kind)
		}
		if !strings.Contains(docContent(d), w.has) {
			t.Errorf("doc %d lacks %q", i, w.has)
		}
	}
	rec := res.docs[2].Record
	if rec.Title != "Brindlecombe ferry returns after repairs" || rec.Outlet != "The Brindlecombe Gazette" ||
		rec.Published != "2031-04-02" || rec.Language != "en" || strings.Join(rec.Authors, "|") != "Idris Fenwick" {
		t.Errorf("record.json fields = %+v", rec)
	}
	if got := strings.Join(res.docs[3].Record.Authors, "|"); got != "Nia Carrow|Bram Ostley" {
		t.Errorf("authors = %q", got)
	}
}

func docContent(d Doc) string {
	if d.Record != nil {
		return d.Record.Text + d.Record.Body + d.Record.HTML
	}
	return d.Text
}

func TestReadJSONL(t *testing.T) {
	const path = "testdata/records.jsonl"
	res := readPaths(t, Options{}, path)
	var sources []string
	for _, d := range res.docs {
		sources = append(sources, d.Source)
	}
	wantSources := "https://news.example/1 " + path + ":2 https://news.example/5"
	if got := strings.Join(sources, " "); got != wantSources {
		t.Errorf("sources = %q, want %q", got, wantSources)
	}
	if got := res.docs[0].Record.Authors; len(got) != 1 || got[0] != "Wren Alcott" {
		t.Errorf("single-string authors = %q", got)
	}
	wantErrs := []struct{ input, msg string }{
		{path + ":3", path + ":3: not JSON: invalid character 'h' in literal true (expecting 'r')"},
		{path + ":5", path + ":5: no text, body or html"},
	}
	if len(res.errs) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", res.errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if e := res.errs[i]; e.Input != w.input || e.Error() != w.msg {
			t.Errorf("error %d = %q (input %q), want %q", i, e.Error(), e.Input, w.msg)
		}
	}
	if !errors.Is(res.errs[0], ErrNotJSON) || !errors.Is(res.errs[1], ErrNoContent) {
		t.Errorf("errors do not match sentinels: %v", res.errs)
	}
}

func TestReadJSONShapes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, data string
		sources          []string // "PATH" stands for the file path
		errs             []string // messages, "PATH" replaced by the file path
	}{
		{name: "one line no url", data: `{"text": "Solo story."}` + "\n", sources: []string{"PATH"}},
		{name: "pretty no url", data: "{\n  \"body\": \"Pretty story.\"\n}\n", sources: []string{"PATH"}},
		{name: "pretty broken", data: "{\n  \"body\": \"Pretty story.\",\n}\n", errs: []string{"PATH: not JSON: invalid character '}' looking for beginning of object key string (line 3)"}},
		{name: "array", data: "[\n{\"text\": \"A\"},\n\n{\"text\": \"B\"}\n]", sources: []string{"PATH:2", "PATH:4"}},
		{name: "empty array", data: "[]", errs: []string{"PATH: no records: empty JSON array"}},
		{name: "array of non-objects", file: "x.json", data: "[1]", errs: []string{"PATH:1: not a JSON object: got a number"}},
		{name: "wrong field type", data: `{"text": "x", "title": 7}`, errs: []string{`PATH: field "title": want a string, got a number`}},
		{name: "author objects", data: `{"text": "x", "authors": [{"name": "Ada Quill"}, "Bo Reed", null]}`, sources: []string{"PATH"}},
		{name: "CRLF lines", data: "{\"text\": \"A\"}\r\n{\"text\": \"B\"}\r\n", sources: []string{"PATH:1", "PATH:2"}},
		{name: "BOM before JSON lines", data: "\uFEFF{\"text\": \"A\"}\n{\"text\": \"B\"}\n", sources: []string{"PATH:1", "PATH:2"}},
		{name: "legacy charset JSON lines", data: string(encode(t, charmap.Windows1251, "{\"text\": \""+russianText+"\"}\n{\"title\": \"Травник\", \"text\": \""+russianText+"\"}\n")), sources: []string{"PATH:1", "PATH:2"}},
		{name: "bad first line", data: "{\"text\": oops\n{\"text\": \"B\"}\n", sources: []string{"PATH:2"}, errs: []string{"PATH:1: not JSON: invalid character 'o' looking for beginning of value"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.file
			if name == "" {
				name = "in.json"
			}
			path := writeFile(t, filepath.Join(dir, string(rune('a'+i)), name), []byte(tt.data))
			res := readPaths(t, Options{}, path)
			var got []string
			for _, d := range res.docs {
				got = append(got, strings.Replace(d.Source, path, "PATH", 1))
			}
			if strings.Join(got, " ") != strings.Join(tt.sources, " ") {
				t.Errorf("sources = %q, want %q", got, tt.sources)
			}
			for _, d := range res.docs {
				if strings.ContainsRune(docContent(d), utf8.RuneError) {
					t.Errorf("%s: content has U+FFFD: %.80q", d.Source, docContent(d))
				}
			}
			var msgs []string
			for _, e := range res.errs {
				msgs = append(msgs, strings.ReplaceAll(e.Error(), path, "PATH"))
			}
			if strings.Join(msgs, "\n") != strings.Join(tt.errs, "\n") {
				t.Errorf("errors = %q, want %q", msgs, tt.errs)
			}
		})
	}
}

// TestReadBadInputs checks each kind of bad input yields exactly one clear
// InputError naming it, while a good file read alongside still comes out.
func TestReadBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte("Good news from Ashgrove.\n"))
	tests := []struct {
		name    string
		setup   func(t *testing.T) string // returns the path to read
		opt     Options
		wantMsg string // the error message after "PATH: "
		wantIs  error
	}{
		{name: "empty file", setup: file(dir, "empty.txt", ""), wantMsg: "empty file", wantIs: ErrEmpty},
		{name: "whitespace only", setup: file(dir, "blank.html", " \n\r\n\t "), wantMsg: "empty file", wantIs: ErrEmpty},
		{name: "png", setup: file(dir, "image.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), wantMsg: "binary file (not text or HTML)", wantIs: ErrBinary},
		{name: "zip", setup: file(dir, "archive.txt", "PK\x03\x04\x14\x00\x08\x00\x08\x00"), wantMsg: "binary file (not text or HTML)", wantIs: ErrBinary},
		{name: "elf", setup: file(dir, "program", "\x7fELF\x02\x01\x01\x00\x00\x00"), wantMsg: "binary file (not text or HTML)", wantIs: ErrBinary},
		{name: "pdf", setup: file(dir, "paper.txt", "%PDF-1.4\n1 0 obj\n"), wantMsg: "binary file (not text or HTML)", wantIs: ErrBinary},
		{name: "control bytes", setup: file(dir, "noise.txt", strings.Repeat("a\x01\x02\x03\x04b", 50)), wantMsg: "binary file (not text or HTML)", wantIs: ErrBinary},
		{name: "truncated gzip", setup: truncatedGzip(dir), wantMsg: "truncated gzip: unexpected EOF", wantIs: io.ErrUnexpectedEOF},
		{name: "gzip header only", setup: file(dir, "stub.txt.gz", "\x1f\x8b\x08"), wantMsg: "truncated gzip: unexpected EOF"},
		{name: "sparse 50 MB file", setup: sparseFile(dir, 50<<20), wantMsg: "file too large: over 16 MiB", wantIs: ErrTooLarge},
		{name: "small cap", setup: file(dir, "capped.txt", strings.Repeat("word ", 300)), opt: Options{MaxBytes: 1 << 10}, wantMsg: "file too large: over 1 KiB", wantIs: ErrTooLarge},
		{name: "gzip bomb", setup: gzipBomb(dir, 64<<20), wantMsg: "file too large: over 16 MiB", wantIs: ErrTooLarge},
		{name: "missing file", setup: func(*testing.T) string { return filepath.Join(dir, "nope.html") }, wantMsg: "no such file or directory", wantIs: fs.ErrNotExist},
		{name: "parent is a file", setup: func(*testing.T) string { return filepath.Join(good, "child.html") }, wantMsg: "not a directory"},
		{name: "permission denied", setup: unreadableFile(dir), wantMsg: "permission denied", wantIs: fs.ErrPermission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.setup(t)
			res := readPaths(t, tt.opt, path, good)
			if len(res.docs) != 1 || res.docs[0].Source != good {
				t.Errorf("good file not read alongside: %+v", res.docs)
			}
			if len(res.errs) != 1 {
				t.Fatalf("got %d errors %v, want 1", len(res.errs), res.errs)
			}
			e := res.errs[0]
			if want := path + ": " + tt.wantMsg; e.Input != path || e.Error() != want {
				t.Errorf("error = %q (input %q), want %q", e.Error(), e.Input, want)
			}
			if tt.wantIs != nil && !errors.Is(e, tt.wantIs) {
				t.Errorf("errors.Is(%v, %v) = false", e, tt.wantIs)
			}
		})
	}
}

func file(dir, name, data string) func(*testing.T) string {
	return func(t *testing.T) string { return writeFile(t, filepath.Join(dir, name), []byte(data)) }
}

func truncatedGzip(dir string) func(*testing.T) string {
	return func(t *testing.T) string {
		z := gzipBytes(t, fixture(t, "article.html"))
		return writeFile(t, filepath.Join(dir, "cut.html.gz"), z[:len(z)/2])
	}
}

// sparseFile makes a big file cheaply: os.Truncate allocates no blocks.
func sparseFile(dir string, size int64) func(*testing.T) string {
	return func(t *testing.T) string {
		path := writeFile(t, filepath.Join(dir, "huge.html"), nil)
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// gzipBomb writes a small gzip file that inflates to size bytes of HTML.
func gzipBomb(dir string, size int) func(*testing.T) string {
	return func(t *testing.T) string {
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		chunk := bytes.Repeat([]byte("<p>boom</p>\n"), 1<<14)
		for n := 0; n < size; n += len(chunk) {
			if _, err := zw.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 1<<20 {
			t.Fatalf("bomb is %d bytes compressed; want a small file", buf.Len())
		}
		return writeFile(t, filepath.Join(dir, "bomb.html.gz"), buf.Bytes())
	}
}

func unreadableFile(dir string) func(*testing.T) string {
	return func(t *testing.T) string {
		if os.Getuid() == 0 {
			t.Skip("root reads files whatever their mode; 'parent is a file' covers failing paths")
		}
		path := writeFile(t, filepath.Join(dir, "secret.html"), []byte("<p>secret</p>"))
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	html := writeFile(t, filepath.Join(dir, "a.html.gz"), gzipBytes(t, fixture(t, "article.html")))
	text := writeFile(t, filepath.Join(dir, "b.txt.gz"), gzipBytes(t, fixture(t, "dump.txt")))
	jsonl := writeFile(t, filepath.Join(dir, "c.jsonl.gz"), gzipBytes(t, fixture(t, "records.jsonl")))
	// Content decides, not the name: gzip without .gz is still gzip.
	noext := writeFile(t, filepath.Join(dir, "d"), gzipBytes(t, fixture(t, "dump.txt")))
	koi := writeFile(t, filepath.Join(dir, "e.gz"), gzipBytes(t, page("", encode(t, charmap.KOI8R, russianText))))

	res := readPaths(t, Options{}, html, text, jsonl, noext, koi)
	kinds := map[string]Kind{}
	for _, d := range res.docs {
		kinds[d.Source] = d.Kind
	}
	for src, want := range map[string]Kind{html: KindHTML, text: KindText, noext: KindText, koi: KindHTML,
		"https://news.example/1": KindRecord, jsonl + ":2": KindRecord, "https://news.example/5": KindRecord} {
		if kinds[src] != want {
			t.Errorf("kind of %s = %q, want %q", src, kinds[src], want)
		}
	}
	if d, _ := res.bySource(koi); !strings.Contains(d.Text, "Пеструхин") {
		t.Errorf("gzipped KOI8-R page not decoded: %.120q", d.Text)
	}
	if len(res.errs) != 2 || res.errFor(jsonl+":3") == nil || res.errFor(jsonl+":5") == nil {
		t.Errorf("errors = %v, want the two bad lines of the .jsonl.gz", res.errs)
	}
}

// TestReadJSONLStreams checks JSON lines are capped per line, not per file:
// a file larger than MaxBytes still yields its lines, and only an
// oversized line is reported.
func TestReadJSONLStreams(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 40 {
		b.WriteString(`{"title": "Item", "text": "Short line of a long Ashgrove file."}` + "\n")
		if i == 20 {
			b.WriteString(`{"text": "` + strings.Repeat("x", 2000) + `"}` + "\n")
		}
	}
	path := writeFile(t, filepath.Join(dir, "big.jsonl"), []byte(b.String()))
	res := readPaths(t, Options{MaxBytes: 1 << 10}, path)
	if len(res.docs) != 40 {
		t.Errorf("got %d docs, want 40", len(res.docs))
	}
	want := path + ":22: line too large: over 1 KiB"
	if len(res.errs) != 1 || res.errs[0].Error() != want {
		t.Errorf("errors = %v, want %q", res.errs, want)
	}
	truncated := gzipBytes(t, []byte(b.String()))
	gz := writeFile(t, filepath.Join(dir, "cut.jsonl.gz"), truncated[:len(truncated)-10])
	res = readPaths(t, Options{MaxBytes: 1 << 10}, gz)
	if len(res.docs) == 0 || res.errFor(gz) == nil || !strings.Contains(res.errFor(gz).Error(), "gzip") {
		t.Errorf("truncated .jsonl.gz: %d docs, errors %v; want the lines before the cut and one gzip error", len(res.docs), res.errs)
	}
}

func TestReadCharsetFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		data  []byte
		words []string
	}{
		{"ar-declared.html", page(`<meta charset="windows-1256">`, encode(t, charmap.Windows1256, arabicText)), arabicWords},
		{"ar-undeclared.html", page("", encode(t, charmap.Windows1256, arabicText)), arabicWords},
		{"ar-undeclared.txt", encode(t, charmap.Windows1256, arabicText), arabicWords},
		{"ru-declared.html", page(`<meta http-equiv="content-type" content="text/html; charset=koi8-r">`, encode(t, charmap.KOI8R, russianText)), russianWords},
		{"ru-undeclared.html", page("", encode(t, charmap.KOI8R, russianText)), russianWords},
		{"ru-undeclared.txt", encode(t, charmap.KOI8R, russianText), russianWords},
		{"ru-wrong.html", page(`<meta charset="utf-8">`, encode(t, charmap.Windows1251, russianText)), russianWords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(dir, tt.name), tt.data)
			res := readPaths(t, Options{}, path)
			if len(res.errs) != 0 || len(res.docs) != 1 {
				t.Fatalf("docs %d, errors %v", len(res.docs), res.errs)
			}
			for _, w := range tt.words {
				if !strings.Contains(res.docs[0].Text, w) {
					t.Errorf("text lacks %q: %.200q", w, res.docs[0].Text)
				}
			}
		})
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, in string
		kind     Kind
		source   string
		wantErr  string
	}{
		{name: "html", in: "<p>From a pipe in Ashgrove.</p>", kind: KindHTML, source: "-"},
		{name: "text", in: "Plain words from Ashgrove.", kind: KindText, source: "-"},
		{name: "gzip", in: string(gzipBytes(t, []byte("Zipped words from Ashgrove."))), kind: KindText, source: "-"},
		{name: "jsonl", in: "{\"text\": \"a\"}\n{\"url\": \"https://x.example/b\", \"text\": \"b\"}\n", kind: KindRecord, source: "-:1"},
		{name: "empty", in: "", wantErr: "-: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readPaths(t, Options{Stdin: strings.NewReader(tt.in)}, "-")
			if tt.wantErr != "" {
				if len(res.errs) != 1 || res.errs[0].Error() != tt.wantErr {
					t.Errorf("errors = %v, want %q", res.errs, tt.wantErr)
				}
				return
			}
			if len(res.errs) != 0 || len(res.docs) == 0 {
				t.Fatalf("docs %+v, errors %v", res.docs, res.errs)
			}
			if d := res.docs[0]; d.Kind != tt.kind || d.Source != tt.source {
				t.Errorf("doc = %s %s, want %s %s", d.Source, d.Kind, tt.source, tt.kind)
			}
		})
	}
}

func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	docs := 0
	for d, err := range Read(ctx, []string{"testdata/dump.txt", "testdata/article.html", "testdata/records.jsonl"}, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs++
		if d.Source == "testdata/dump.txt" {
			cancel()
		}
	}
	if docs != 1 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("docs %d, errors %v; want 1 doc then context.Canceled once", docs, errs)
	}
}

func TestReadBreak(t *testing.T) {
	n := 0
	for range Read(context.Background(), []string{"testdata"}, Options{}) {
		n++
		break // must not panic by yielding after the consumer stopped
	}
	if n != 1 {
		t.Errorf("got %d iterations, want 1", n)
	}
}
