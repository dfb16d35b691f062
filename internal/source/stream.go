package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// bufSize is the read buffer; it is also how far ahead we can peek to choose
// between JSON lines and a pretty-printed JSON document.
const bufSize = 64 << 10

// stream reads one input: it undoes gzip and UTF-16, then either streams
// JSON lines or reads the whole document (capped) and classifies it.
// size is the file size on disk, or -1 when unknown.
func (r *reader) stream(name string, src io.Reader, size int64) bool {
	in, compressed, err := unwrap(bufio.NewReaderSize(&sticky{r: src}, bufSize))
	if err != nil {
		return r.fail(name, readReason(err))
	}
	// A read error here is not final: it is sticky, so the reads below meet
	// it again after using whatever good data came first (the first lines
	// of a truncated .jsonl.gz still yield).
	head, _ := in.Peek(bufSize)
	hint := strings.TrimSuffix(name, ".gz")
	if isWARC(head) {
		return r.warc(name, in) // streamed record by record; see warc.go
	}
	if isJSONLines(head) {
		// JSON lines are streamed with a per-line cap, so the file as a
		// whole may exceed MaxBytes.
		return r.jsonLines(name, in)
	}
	if !compressed && size > r.opt.MaxBytes {
		return r.fail(name, tooLarge(ErrTooLarge, r.opt.MaxBytes))
	}
	if _, err := Detect(hint, head[:min(len(head), sniffLen)]); errors.Is(err, ErrBinary) {
		return r.fail(name, err) // no need to read the rest of a binary
	}
	data, err := readCapped(in, r.opt.MaxBytes)
	if err != nil {
		return r.fail(name, err)
	}
	return r.document(name, hint, data)
}

// unwrap peels gzip (by magic number, whatever the name) and transcodes
// UTF-16 with a byte order mark to UTF-8, so everything after sees UTF-8 or
// a legacy 8-bit encoding. compressed reports whether gzip was found.
func unwrap(br *bufio.Reader) (in *bufio.Reader, compressed bool, err error) {
	if magic, _ := br.Peek(2); bytes.Equal(magic, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, true, &gzipError{err: err}
		}
		br = bufio.NewReaderSize(&sticky{r: gzipReader{zr}}, bufSize)
		compressed = true
	}
	if bom, _ := br.Peek(2); bytes.Equal(bom, bomUTF16LE) || bytes.Equal(bom, bomUTF16BE) {
		t := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		br = bufio.NewReaderSize(transform.NewReader(br, t), bufSize)
	}
	return br, compressed, nil
}

// readCapped reads all of in, failing once it passes max bytes. The limit is
// what stops a gzip bomb: it applies to the decompressed stream.
func readCapped(in io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, readReason(err)
	}
	if int64(len(data)) > max {
		return nil, tooLarge(ErrTooLarge, max)
	}
	return data, nil
}

// document classifies a whole document and yields it.
func (r *reader) document(name, hint string, data []byte) bool {
	kind, err := Detect(hint, data)
	if err != nil {
		return r.fail(name, err)
	}
	if kind == KindRecord {
		return r.jsonDocument(name, data)
	}
	text, warning, err := decodeReport(data, "")
	if err != nil {
		return r.fail(name, err)
	}
	return r.emit(Doc{Source: name, Kind: kind, Text: text, Warning: warning})
}

// sticky remembers the first read error and returns it on every later read.
// bufio.Reader reports an error only once, and we peek before reading, so
// without this a failure met while peeking could be silently lost.
type sticky struct {
	r   io.Reader
	err error
}

func (s *sticky) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	s.err = err
	return n, err
}
