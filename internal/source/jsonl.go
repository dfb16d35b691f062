package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// isJSONLines decides, from the first bytes of a stream, whether it is JSON
// lines (streamed line by line) rather than one JSON document. A stream
// qualifies when it starts with an object and that first line is complete
// JSON, or the next non-blank line opens another object: a pretty-printed
// object continues with a key instead. A first line longer than head is
// taken as JSON lines too; a minified single object reads the same way.
func isJSONLines(head []byte) bool {
	head = bytes.TrimPrefix(head, bomUTF8)
	body := trimSpaceLeft(head)
	if !looksJSON(body) || body[0] != '{' {
		return false
	}
	first, rest, found := bytes.Cut(body, []byte("\n"))
	if !found || json.Valid(first) {
		return true
	}
	next := trimSpaceLeft(rest)
	return len(next) > 0 && next[0] == '{'
}

// lineReader reads lines of at most max bytes without holding more than one
// line in memory. A longer line is skipped to its end and reported as
// errLineTooLong, so one bad line does not end the file.
type lineReader struct {
	br  *bufio.Reader
	max int64
	n   int // number of the line last returned, from 1
	buf []byte
}

// next returns the next line without its line end; the slice is reused by
// the following call. At the end of input it returns io.EOF.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	tooLong, seen := false, false
	for {
		chunk, err := l.br.ReadSlice('\n')
		seen = seen || len(chunk) > 0
		if !tooLong && int64(len(l.buf)+len(chunk)) > l.max+1 { // +1: the "\n"
			tooLong, l.buf = true, l.buf[:0]
		}
		if !tooLong {
			l.buf = append(l.buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) && seen {
			err = nil // a last line without "\n"
		}
		if err != nil {
			return nil, err
		}
		l.n++
		if tooLong {
			return nil, errLineTooLong
		}
		return bytes.TrimRight(l.buf, "\r\n"), nil
	}
}

// pending is a JSON line parsed but not yet yielded; see jsonLines.
type pending struct {
	line int
	rec  *Record
	err  error
}

// jsonLines streams JSON lines: one record per non-blank line, one
// InputError (PATH:LINE) per bad line. A file with a single line is a single
// JSON object, named PATH rather than PATH:1, so the first line is held back
// until a second one shows up.
func (r *reader) jsonLines(name string, in *bufio.Reader) bool {
	lr := &lineReader{br: in, max: r.opt.MaxBytes}
	var first *pending
	count := 0
	for {
		if !r.live() {
			return false
		}
		line, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			// The stream itself broke (truncated gzip): report the file.
			// Name a held first line PATH:LINE: the file had more.
			return r.flush(name, first, count+1) && r.fail(name, readReason(err))
		}
		line = bytes.TrimPrefix(line, bomUTF8) // only ever on line 1
		if err == nil && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		p := &pending{line: lr.n, err: err}
		if err != nil {
			p.err = tooLarge(errLineTooLong, r.opt.MaxBytes)
		} else {
			p.rec, p.err = parseRecord(line)
		}
		count++
		if count == 1 {
			first = p
			continue
		}
		if count == 2 {
			if !r.flush(name, first, count) {
				return false
			}
			first = nil
		}
		if !r.yieldPending(fmt.Sprintf("%s:%d", name, p.line), p) {
			return false
		}
	}
	return count != 1 || r.flush(name, first, count)
}

// flush yields the held-back first line, named PATH if it was the only one.
func (r *reader) flush(name string, first *pending, count int) bool {
	if first == nil {
		return true
	}
	at := name
	if count > 1 {
		at = fmt.Sprintf("%s:%d", name, first.line)
	}
	return r.yieldPending(at, first)
}

func (r *reader) yieldPending(at string, p *pending) bool {
	if p.err != nil {
		return r.fail(at, p.err)
	}
	return r.emit(recordDoc(at, p.rec))
}

// jsonValue is one top-level JSON value, or one item of a top-level array,
// with the line it starts on.
type jsonValue struct {
	raw  json.RawMessage
	line int
	col  int // 1-based byte column; names values that share a line
}

// jsonDocument yields the records of a whole JSON document: one object,
// an array of objects, or several concatenated values. A lone object is
// named PATH; otherwise each value is named PATH:LINE.
func (r *reader) jsonDocument(name string, data []byte) bool {
	data = bytes.TrimPrefix(data, bomUTF8)
	vals, lone, err := splitJSON(data)
	shared := sharedLines(vals)
	for _, v := range vals {
		if !r.live() {
			return false
		}
		at := name
		switch {
		case lone:
		case shared[v.line]:
			// A compact array ([{...},{...}] on one line): the line alone
			// would give every record the same name, and so the same
			// article key.
			at = fmt.Sprintf("%s:%d:%d", name, v.line, v.col)
		default:
			at = fmt.Sprintf("%s:%d", name, v.line)
		}
		rec, perr := parseRecord(v.raw)
		if perr != nil {
			if !r.fail(at, perr) {
				return false
			}
			continue
		}
		if !r.emit(recordDoc(at, rec)) {
			return false
		}
	}
	if err != nil {
		return r.fail(name, err)
	}
	if len(vals) == 0 {
		return r.fail(name, errors.New("no records: empty JSON array"))
	}
	return true
}

// splitJSON cuts data into top-level values, flattening top-level arrays.
// lone reports a single value that was not inside an array. On a syntax
// error it returns the values before it and the error, with its line.
func splitJSON(data []byte) (vals []jsonValue, lone bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	arrays := 0
	for {
		off := skipJSONSpace(data, dec.InputOffset())
		if off >= len(data) {
			return vals, arrays == 0 && len(vals) == 1, nil
		}
		if data[off] == '[' {
			arrays++
			vals, err = splitArray(dec, data, vals)
		} else {
			var raw json.RawMessage
			if err = dec.Decode(&raw); err == nil {
				vals = append(vals, valueAt(raw, data, off))
			}
		}
		if err != nil {
			return vals, false, syntaxReason(err, data)
		}
	}
}

// splitArray reads one array whose '[' is next in dec, appending its items.
func splitArray(dec *json.Decoder, data []byte, vals []jsonValue) ([]jsonValue, error) {
	if _, err := dec.Token(); err != nil {
		return vals, err
	}
	for dec.More() {
		off := skipJSONSpace(data, dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return vals, err
		}
		vals = append(vals, valueAt(raw, data, off))
	}
	_, err := dec.Token() // the closing ']'
	return vals, err
}

// skipJSONSpace moves past whitespace and the commas between array items:
// the decoder's offset stops before them.
func skipJSONSpace(data []byte, off int64) int {
	i := int(off)
	for i < len(data) && (isSpace(data[i]) || data[i] == ',') {
		i++
	}
	return i
}

func valueAt(raw json.RawMessage, data []byte, off int) jsonValue {
	off = min(off, len(data))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return jsonValue{raw: raw, line: lineAt(data, off), col: col}
}

// sharedLines reports the lines on which more than one value starts.
func sharedLines(vals []jsonValue) map[int]bool {
	seen := make(map[int]bool, len(vals))
	shared := map[int]bool{}
	for _, v := range vals {
		if seen[v.line] {
			shared[v.line] = true
		}
		seen[v.line] = true
	}
	return shared
}

func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:min(off, len(data))], []byte("\n"))
}

// syntaxReason adds the line of a syntax error, which encoding/json only
// gives as a byte offset.
func syntaxReason(err error, data []byte) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return jsonReason(errors.New("unexpected end of JSON input"))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return jsonReason(fmt.Errorf("%v (line %d)", se, lineAt(data, int(se.Offset))))
	}
	return jsonReason(err)
}
