package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// A compact JSON array names each record by line and column, so records
// on one line never share a name (the name is the article's key when it
// has no URL).
func TestReadCompactJSONArrayNames(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "in.json"), []byte(`[{"text":"A"},{"text":"B"}, 7]`+"\n"+`{"text":"C"}`))
	res := readPaths(t, Options{}, path)
	var got []string
	for _, d := range res.docs {
		got = append(got, strings.Replace(d.Source, path, "PATH", 1))
	}
	for _, e := range res.errs {
		got = append(got, strings.Replace(e.Error(), path, "PATH", 1))
	}
	want := "PATH:1:2 PATH:1:15 PATH:2 PATH:1:29: not a JSON object: got a number"
	if strings.Join(got, " ") != want {
		t.Errorf("names = %q\nwant    %q", strings.Join(got, " "), want)
	}
}

// FuzzDecode: whatever the bytes and the declared charset, the text is
// valid UTF-8 without NULs or carriage returns, and a warning comes only
// with bytes that are not valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), "")
	f.Add([]byte("pont de l\u2019\u00c9tang, \u00e9t\u00e9 \xe9 "+strings.Repeat("a", 200)), "")
	f.Add([]byte("caf\xe9 au lait"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xff\xfeh\x00i\x00"), "text/plain; charset=utf-16")
	f.Add([]byte("plain\r\ntext\x00"), "text/html; charset=x-klingon")
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=windows-1256'>\xc7\xe1"), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		s, warning, err := decodeReport(data, contentType)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r") {
			t.Fatalf("Decode(%q, %q) = %q", data, contentType, s)
		}
		if warning != "" && (utf8.Valid(data) || strings.Contains(warning, "\n")) {
			t.Fatalf("warning %q for %q", warning, data)
		}
	})
}

// FuzzReadJSONDocument: the records of one JSON document have distinct
// names, and only InputErrors come out.
func FuzzReadJSONDocument(f *testing.F) {
	for _, s := range []string{
		`[{"text":"a"},{"text":"b"}]`,
		"[\n{\"text\":\"a\"},\n{\"text\":\"b\"}\n]",
		`{"text":"a"} {"text":"b"}`,
		`[[{"text":"a"}],{"text":"b"}]`,
		`[{"text":"a"}] [{"text":"b"}]`,
		"{\n\"text\": \"a\"}\n[1, {\"body\": \"x\"}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := collect(t, Read(context.Background(), []string{"-"}, Options{MaxBytes: 1 << 12, Stdin: bytes.NewReader(data)}))
		seen := map[string]bool{}
		for _, d := range res.docs {
			if seen[d.Source] {
				t.Fatalf("two documents named %q in %q", d.Source, data)
			}
			seen[d.Source] = true
		}
	})
}

// FuzzReadGzip: a gzip stream cut anywhere, of any content, is read or
// refused as one input; never a panic or a stray error type.
func FuzzReadGzip(f *testing.F) {
	f.Add([]byte("<html><body><p>Harbour news.</p></body></html>"), uint16(20))
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), uint16(0xffff))
	f.Add([]byte("\x1f\x8b\x08\x00"), uint16(3))
	f.Fuzz(func(t *testing.T, content []byte, cut uint16) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(content)
		zw.Close()
		z := buf.Bytes()
		if int(cut) < len(z) {
			z = z[:cut]
		}
		res := collect(t, Read(context.Background(), []string{"-"}, Options{MaxBytes: 1 << 12, Stdin: bytes.NewReader(z)}))
		for _, d := range res.docs {
			if !utf8.ValidString(d.Text) {
				t.Fatalf("invalid UTF-8 from %q", z)
			}
		}
	})
}
