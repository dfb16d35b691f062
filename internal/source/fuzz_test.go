package source

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"
)

func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"", " ", "<html>", "<!doctype html>", "<!--", "<?xml", "{", "[", `{"a":1}`, "[{}]",
		"\xff\xfe<\x00", "\x89PNG\r\n\x1a\n", "\x1f\x8b", "plain text", "\uFEFF<p>",
	} {
		f.Add("x.html", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		kind, err := Detect(name, data)
		if err == nil && kind != KindHTML && kind != KindText && kind != KindRecord {
			t.Fatalf("Detect() = %q with no error", kind)
		}
		if _, err := Decode(data, ""); err != nil {
			t.Fatalf("Decode() error = %v", err)
		}
	})
}

// FuzzReadJSONL feeds arbitrary bytes through Read via stdin, once as they
// are and once after a valid first line so the JSON-lines path always runs.
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
		"{\"text\": oops\n{\"text\":\"b\"}",
		"{\n \"text\": \"a\"\n}",
		"[{\"text\":\"a\"},{\"url\":1}]",
		"{\"authors\": [{\"name\": null}, 3], \"text\": \"x\"}",
		"\n\n\r\n",
		"{\"text\":\"" + string(bytes.Repeat([]byte("x"), 300)) + "\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, data)
		readFuzz(t, append([]byte("{\"text\":\"first\"}\n"), data...))
	})
}

func readFuzz(t *testing.T, data []byte) {
	opt := Options{MaxBytes: 256, Stdin: bytes.NewReader(data)}
	for d, err := range Read(context.Background(), []string{"-"}, opt) {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Input == "" {
				t.Fatalf("bad error %T %v", err, err)
			}
			continue
		}
		switch d.Kind {
		case KindRecord:
			if d.Record == nil {
				t.Fatal("record doc without record")
			}
		case KindHTML, KindText:
			if !utf8.ValidString(d.Text) {
				t.Fatal("invalid UTF-8 text")
			}
		default:
			t.Fatalf("unknown kind %q", d.Kind)
		}
	}
}
