package source

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// warcRec builds one WARC record around block.
func warcRec(typ, uri, ctype, block string) []byte {
	return fmt.Appendf(nil, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:%x>\r\n"+
		"Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, len(uri)+len(block), ctype, len(block), block)
}

// httpResp builds a stored HTTP response.
func httpResp(status int, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

const warcPageA = `<html><head><title>Tidal mill restored</title></head><body><article><h1>Tidal mill restored</h1>
<p>Volunteers in the fictional town of Brackenmouth finished restoring the tidal mill on Tuesday.</p></article></body></html>`

// testWARC holds two HTML pages among records that must be skipped.
func testWARC() [][]byte {
	const http = "application/http; msgtype=response"
	return [][]byte{
		warcRec("warcinfo", "", "application/warc-fields", "software: test\r\n"),
		warcRec("request", "https://news.example/mill", "application/http; msgtype=request", "GET /mill HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		warcRec("response", "https://news.example/mill", http, httpResp(200, "text/html; charset=utf-8", warcPageA)),
		warcRec("response", "https://news.example/logo.png", http, httpResp(200, "image/png", "\x89PNG\r\n\x1a\n")),
		warcRec("response", "https://news.example/gone", http, httpResp(404, "text/html", "<p>missing</p>")),
		warcRec("metadata", "https://news.example/mill", "application/warc-fields", "via: x\r\n"),
		warcRec("response", "<https://news.example/caf\u00e9>", http, httpResp(200, "text/html; charset=windows-1252", "<p>Caf\xe9 opens</p>")),
	}
}

func TestReadWARC(t *testing.T) {
	recs := testWARC()
	plain := bytes.Join(recs, nil)
	var members []byte // one gzip member per record, as crawlers write them
	for _, r := range recs {
		members = append(members, gzipBytes(t, r)...)
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"crawl.warc": plain, "crawl.warc.gz": members, "crawl.bin": plain} {
		p := writeFile(t, filepath.Join(dir, name), data)
		res := readPaths(t, Options{MaxBytes: 1 << 20}, p)
		if len(res.errs) != 0 || len(res.docs) != 2 {
			t.Fatalf("%s: %d docs, errs %v; want 2 docs", name, len(res.docs), res.errs)
		}
		mill, ok := res.bySource("https://news.example/mill")
		if !ok || mill.Kind != KindHTML || mill.Text != warcPageA {
			t.Errorf("%s: mill = %+v", name, mill)
		}
		cafe, ok := res.bySource("https://news.example/caf\u00e9")
		if !ok || cafe.Text != "<p>Caf\u00e9 opens</p>" {
			t.Errorf("%s: cafe = %+v (charset from the stored header)", name, cafe)
		}
	}
}

func TestReadWARCErrors(t *testing.T) {
	http := "application/http; msgtype=response"
	good := warcRec("response", "https://news.example/a", http, httpResp(200, "text/html", warcPageA))
	big := warcRec("response", "https://news.example/big", http, httpResp(200, "text/html", strings.Repeat("x", 2000)))
	// A stored answer without its own Content-Length: its body runs to the
	// end of the block, or of the file when that comes first.
	unsized := warcRec("response", "https://news.example/b", http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+warcPageA)
	image := warcRec("response", "https://news.example/logo.png", http, httpResp(200, "image/png", strings.Repeat("\x89PNG", 20)))
	tests := []struct {
		name  string
		data  []byte
		docs  int
		input string // what the error names after the file's path
		want  string
	}{
		{"none.warc", warcRec("warcinfo", "", "text/plain", "x"), 0, "", "no HTML responses"},
		{"cut.warc", cutEnd(good, 40), 0, "", "WARC record 1 (https://news.example/a) is cut short: the file ends after 250 of its 286 bytes"},
		{"cut-unsized.warc", cutEnd(unsized, 40), 0, "", "WARC record 1 (https://news.example/b) is cut short: the file ends after 230 of its 266 bytes"},
		{"cut-second.warc", join(good, cutEnd(unsized, 40)), 1, "", "WARC record 2 (https://news.example/b) is cut short"},
		{"cut-skipped.warc", join(good, cutEnd(image, 40)), 1, "", "WARC record 2 (https://news.example/logo.png) is cut short"},
		{"cut-gzip.warc.gz", join(gzipBytes(t, good), cutEnd(gzipBytes(t, unsized), 40)), 1, "", "WARC record 2 (https://news.example/b): truncated gzip: unexpected EOF"},
		{"nolen.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n"), 0, "", "bad or missing Content-Length"},
		{"second.warc", append(append([]byte{}, good...), "WARC/1.0\r\nno colon here\r\n\r\n"...), 1, "", "record 2: header line without a colon"},
		{"big.warc", append(append([]byte{}, big...), good...), 1, " record 1 (https://news.example/big)", "file too large"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		p := writeFile(t, filepath.Join(dir, tt.name), tt.data)
		res := readPaths(t, Options{MaxBytes: 1024}, p)
		want := p + tt.input
		e := res.errFor(want)
		if len(res.docs) != tt.docs || e == nil || !strings.Contains(e.Error(), tt.want) || len(res.errs) != 1 {
			t.Errorf("%s: %d docs, errs %v; want %d docs and %q: ...%s...", tt.name, len(res.docs), res.errs, tt.docs, want, tt.want)
		}
	}
}

func join(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// cutEnd drops the last n bytes, as a copy stopped early would.
func cutEnd(b []byte, n int) []byte { return b[:len(b)-n] }

func FuzzWARCReader(f *testing.F) {
	for _, r := range testWARC() {
		f.Add(r)
	}
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\n continued\r\nA: b\r\n\tmore\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := newWARCReader(bytes.NewReader(data))
		for range 100 {
			rec, err := w.next()
			if err != nil {
				break
			}
			warcPage(rec, 1<<16)
		}
		// Through Read too: whatever the bytes, only InputErrors come out.
		collect(t, Read(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(append([]byte("WARC/1.0\r\n"), data...))}))
	})
}
