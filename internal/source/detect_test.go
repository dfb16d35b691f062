package source

import (
	"bytes"
	"errors"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file string
		data       string
		want       Kind
		wantErr    error
	}{
		{name: "doctype", data: "<!DOCTYPE html><html><body><p>Hi</p></body></html>", want: KindHTML},
		{name: "doctype lower with BOM and space", data: "\uFEFF \n<!doctype html>\n<title>x</title>", want: KindHTML},
		{name: "html tag", data: "<HTML lang=en><p>Hi", want: KindHTML},
		{name: "head tag", data: "<head><meta charset=utf-8></head>", want: KindHTML},
		{name: "body tag", data: "  <body>Hello</body>", want: KindHTML},
		{name: "p fragment", data: "<p>Only a paragraph.</p>", want: KindHTML},
		{name: "div fragment", data: "<div class=story>Text</div>", want: KindHTML},
		{name: "comment then html", data: "<!-- saved page -->\n<html><body>x</body></html>", want: KindHTML},
		{name: "xml prolog", data: `<?xml version="1.0"?>` + "\n<html xmlns=\"x\"><body/></html>", want: KindHTML},
		{name: "header line before html", data: "Saved from the archive\n<html><body>x</body></html>", want: KindHTML},
		{name: "fragment in .txt", file: "a.txt", data: "<div class=story>Text</div>", want: KindText},
		{name: "stray tag atop a text dump", data: "<img src=\"//px.example/t.gif\"> <img src=x>\n\n  * Politics\n  * Sport\n", want: KindText},
		{name: "head tag in .txt", file: "a.txt", data: "<html><body>x</body></html>", want: KindHTML},
		{name: "pre is not p", data: "<prelude> is a word in angle brackets", want: KindText},
		{name: "unknown tag in .html", file: "page.html", data: "<custom-el>x</custom-el>", want: KindHTML},
		{name: "unknown tag in .txt", file: "page.txt", data: "<custom-el>x</custom-el>", want: KindText},
		{name: "json object", data: `{"url": "https://x.example", "text": "t"}`, want: KindRecord},
		{name: "json object pretty", data: "{\n  \"title\": \"t\"\n}", want: KindRecord},
		{name: "json lines", data: "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", want: KindRecord},
		{name: "json array", data: "[\n {\"text\": \"a\"}\n]", want: KindRecord},
		{name: "empty json array", data: "[]", want: KindRecord},
		{name: "bracketed prose", data: "[Updated] The mayor of Dunmarrow spoke.", want: KindText},
		{name: "empty form field in text dump", data: "[      ] Share\n[ ]\n\nThis site uses cookies.", want: KindText},
		{name: "empty form field then button", data: "[      ]  [Go]\n  * Markets", want: KindText},
		{name: "mismatched empty brackets", data: "{ ] text", want: KindText},
		{name: "mismatched brackets alone", data: "[}", want: KindText},
		{name: "empty objects as JSON lines", data: "{}\n{}\n", want: KindRecord},
		{name: "braced prose", data: "{Editor's note} This story was corrected.", want: KindText},
		{name: "bracket in .json", file: "data.json", data: "[1, 2, 3]", want: KindRecord},
		{name: "brace in .jsonl.gz", file: "data.jsonl.gz", data: "{oops", want: KindRecord},
		{name: "prose in .json", file: "data.json", data: "not json at all", want: KindText},
		{name: "plain text", data: "The Dunmarrow fair opens today.\n", want: KindText},
		{name: "latin-1 text", data: "Caf\xe9 in Dunmarrow", want: KindText},
		{name: "text with a stray NUL", data: "A long enough line of text about Dunmarrow harbour, with one NUL:\x00 here.", want: KindText},
		{name: "empty", data: "", wantErr: ErrEmpty},
		{name: "whitespace", data: " \n\t\r\n ", wantErr: ErrEmpty},
		{name: "only BOM", data: "\uFEFF\n", wantErr: ErrEmpty},
		{name: "png", data: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", wantErr: ErrBinary},
		{name: "zip", data: "PK\x03\x04\x14\x00\x00\x00", wantErr: ErrBinary},
		{name: "elf", data: "\x7fELF\x02\x01\x01\x00", wantErr: ErrBinary},
		{name: "pdf", data: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", wantErr: ErrBinary},
		{name: "gzip left compressed", data: "\x1f\x8b\x08\x00\x00\x00", wantErr: ErrBinary},
		{name: "control bytes", data: string(bytes.Repeat([]byte("ab\x01\x02\x03cd"), 100)), wantErr: ErrBinary},
		{name: "NULs", data: string(make([]byte, 512)), wantErr: ErrBinary},
		{name: "utf-16 html", data: "\xff\xfe<\x00p\x00>\x00h\x00i\x00<\x00/\x00p\x00>\x00", want: KindHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.file, []byte(tt.data))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Detect() error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Detect() error = %v", err)
			}
			if got != tt.want {
				t.Errorf("Detect() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsJSONLines(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"one line", `{"text":"a"}`, true},
		{"two lines", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", true},
		{"bad first line then object", "{\"text\": oops\n{\"text\":\"b\"}\n", true},
		{"pretty object", "{\n  \"text\": \"a\"\n}\n", false},
		{"pretty object key on first line", "{\"text\": \"a\",\n  \"title\": \"b\"\n}\n", false},
		{"array", "[{\"text\":\"a\"}]", false},
		{"text", "hello", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isJSONLines([]byte(tt.head)); got != tt.want {
				t.Errorf("isJSONLines(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}
