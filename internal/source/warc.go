package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// WARC limits: a header line and a record's whole header block. Real
// headers are a few hundred bytes.
const (
	warcMaxLine   = 16 << 10
	warcMaxHeader = 256 << 10
)

var errNoHTMLRecords = errors.New("no HTML responses (status 200, text/html) in WARC file")

// isWARC reports whether content (already gunzipped) starts a WARC file.
func isWARC(b []byte) bool {
	return bytes.HasPrefix(b, []byte("WARC/1.0\r\n")) || bytes.HasPrefix(b, []byte("WARC/1.1\r\n")) ||
		bytes.HasPrefix(b, []byte("WARC/1.0\n")) || bytes.HasPrefix(b, []byte("WARC/1.1\n"))
}

// warcRecord is one record: its named fields (keys lower-cased) and its
// block, which must be read or skipped before the next record.
type warcRecord struct {
	n      int // its number in the file, from 1
	fields map[string]string
	length int64 // the block's declared length
	block  *io.LimitedReader
}

func (rec *warcRecord) get(name string) string { return rec.fields[strings.ToLower(name)] }

// name is how messages name the record: its number and target URI.
func (rec *warcRecord) name() string {
	if uri := strings.Trim(rec.get("WARC-Target-URI"), "<>"); uri != "" {
		return fmt.Sprintf("WARC record %d (%s)", rec.n, uri)
	}
	return fmt.Sprintf("WARC record %d", rec.n)
}

// warcReader reads records one after another. Gzipped files need no help:
// each record is usually its own gzip member, and Go's gzip reader reads
// concatenated members as one stream.
type warcReader struct {
	br  *bufio.Reader
	n   int // number of the record last returned, from 1
	cur *warcRecord
}

func newWARCReader(r io.Reader) *warcReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, bufSize)
	}
	return &warcReader{br: br}
}

// next skips what is left of the current record and reads the next one's
// header. It returns io.EOF after the last record.
func (w *warcReader) next() (*warcRecord, error) {
	if err := w.finish(); err != nil {
		return nil, err
	}
	version, err := w.firstLine()
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", w.n+1, readReason(err))
	}
	w.n++
	if version != "WARC/1.0" && version != "WARC/1.1" {
		return nil, fmt.Errorf("record %d: not a WARC record (starts %q)", w.n, clip(version, 20))
	}
	fields, err := w.header()
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", w.n, err)
	}
	length, err := strconv.ParseInt(fields["content-length"], 10, 64)
	if err != nil || length < 0 {
		return nil, fmt.Errorf("record %d: bad or missing Content-Length %q", w.n, clip(fields["content-length"], 20))
	}
	w.cur = &warcRecord{n: w.n, fields: fields, length: length, block: &io.LimitedReader{R: w.br, N: length}}
	return w.cur, nil
}

// finish skips what is left of the current record's block. When the file
// ends first, the record is cut short: an error naming it, so nothing read
// from it is used.
func (w *warcReader) finish() error {
	rec := w.cur
	if rec == nil {
		return nil
	}
	w.cur = nil
	_, err := io.Copy(io.Discard, rec.block)
	if err == nil && rec.block.N == 0 {
		return nil
	}
	if err != nil {
		err = readReason(err)
	}
	return &cutShortError{record: rec.name(), got: rec.length - rec.block.N, want: rec.length, err: err}
}

// cutShortError is a record the file ends inside of, or that could not be
// read to its end.
type cutShortError struct {
	record    string // how messages name it
	got, want int64  // bytes of its block read, and declared
	err       error  // the read error met instead of its end, if any
}

func (e *cutShortError) Error() string {
	if e.err != nil {
		return e.record + ": " + e.err.Error()
	}
	return fmt.Sprintf("%s is cut short: the file ends after %d of its %d bytes", e.record, e.got, e.want)
}

func (e *cutShortError) Unwrap() error {
	if e.err != nil {
		return e.err
	}
	return io.ErrUnexpectedEOF
}

// firstLine reads the version line, skipping the blank lines that end the
// previous record (two CRLFs by the standard; writers vary).
func (w *warcReader) firstLine() (string, error) {
	for {
		line, err := w.line()
		if err != nil {
			return "", err
		}
		if line != "" {
			return line, nil
		}
	}
}

// header reads "Name: value" lines up to a blank line; lines starting with
// space or tab continue the previous value.
func (w *warcReader) header() (map[string]string, error) {
	fields := map[string]string{}
	last, total := "", 0
	for {
		line, err := w.line()
		if err != nil {
			return nil, fmt.Errorf("header: %w", readReason(noEOF(err)))
		}
		if total += len(line); total > warcMaxHeader {
			return nil, errors.New("header too large")
		}
		if line == "" {
			return fields, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			fields[last] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("header line without a colon: %q", clip(line, 40))
		}
		last = strings.ToLower(strings.TrimSpace(name))
		fields[last] = strings.TrimSpace(value)
	}
}

// line reads one line without its line end, refusing very long ones. A
// last line without "\n" is a truncated file, unless it is blank.
func (w *warcReader) line() (string, error) {
	var buf []byte
	for {
		chunk, err := w.br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > warcMaxLine {
			return "", errors.New("header line too long")
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(bytes.TrimSpace(buf)) > 0:
			return "", io.ErrUnexpectedEOF
		case err != nil:
			return "", err
		}
		return strings.TrimRight(string(buf), "\r\n"), nil
	}
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(s string, n int) string {
	if len(s) > n {
		return strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}

// warc yields each HTML response of a WARC file as a document named by its
// target URI. Other records (requests, metadata, images, redirects) are
// skipped; a broken record ends the file with one error naming it.
func (r *reader) warc(name string, in io.Reader) bool {
	w := newWARCReader(in)
	pages := 0
	for {
		if !r.live() {
			return false
		}
		rec, err := w.next()
		if err == io.EOF {
			break
		}
		var cut *cutShortError
		switch {
		case errors.As(err, &cut):
			return r.fail(name, cut)
		case err != nil:
			return r.fail(name, fmt.Errorf("WARC %w", err))
		}
		doc, ok, err := warcPage(rec, r.opt.MaxBytes)
		if short := w.finish(); short != nil {
			// The file ends inside the record: one error for the file, and
			// no partial page from it (a body without its own length reads
			// to wherever the file stops).
			return r.fail(name, short)
		}
		switch {
		case err != nil:
			if !r.fail(fmt.Sprintf("%s record %d (%s)", name, w.n, rec.get("WARC-Target-URI")), err) {
				return false
			}
		case ok:
			pages++
			if !r.emit(doc) {
				return false
			}
		}
	}
	if pages == 0 {
		return r.fail(name, errNoHTMLRecords)
	}
	return true
}

// warcPage turns a response record holding a 200 text/html answer into a
// document; ok is false for any other record.
func warcPage(rec *warcRecord, maxBytes int64) (d Doc, ok bool, err error) {
	if !strings.EqualFold(rec.get("WARC-Type"), "response") ||
		!strings.HasPrefix(strings.ToLower(rec.get("Content-Type")), "application/http") {
		return d, false, nil
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.block), nil)
	if err != nil {
		return d, false, fmt.Errorf("bad HTTP response: %w", err)
	}
	defer resp.Body.Close()
	ctype := resp.Header.Get("Content-Type")
	if resp.StatusCode != http.StatusOK || !isHTMLType(ctype) {
		return d, false, nil
	}
	body, err := httpBody(resp, maxBytes)
	if err != nil {
		return d, false, err
	}
	text, warning, err := decodeReport(body, ctype)
	if err != nil {
		return d, false, err
	}
	src := rec.get("WARC-Target-URI")
	return Doc{Source: strings.Trim(src, "<>"), Kind: KindHTML, Text: text, Warning: warning}, true, nil
}

func isHTMLType(ctype string) bool {
	mt, _, err := mime.ParseMediaType(ctype)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// httpBody reads a stored HTTP body, undoing its Content-Encoding, capped
// after decompression.
func httpBody(resp *http.Response, maxBytes int64) ([]byte, error) {
	var body io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, &gzipError{err: err}
		}
		body = gzipReader{zr}
	case "deflate":
		body = flate.NewReader(resp.Body)
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	return readCapped(body, maxBytes)
}
