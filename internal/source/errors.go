package source

import (
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Reasons an input is rejected. They are wrapped in an InputError, often with
// detail appended, so callers test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file (not text or HTML)")
	ErrTooLarge = errors.New("file too large")
	ErrNotJSON  = errors.New("not JSON")
	// ErrNoContent means a record carries no article content at all.
	ErrNoContent = errors.New("no text, body or html")
)

var (
	errLineTooLong = errors.New("line too large")
	errNotObject   = errors.New("not a JSON object")
	errNotRegular  = errors.New("not a regular file")
	errSymlinkLoop = errors.New("symlink loop")
	errBrokenLink  = errors.New("broken symlink")
)

// reason is an error with a short message for users that still unwraps to the
// underlying error, so "permission denied" stays a one-liner while
// errors.Is(err, fs.ErrPermission) keeps working.
type reason struct {
	msg string
	err error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.err }

// osReason shortens an os error: the path is already in InputError.Input, so
// only the bare cause ("permission denied", "not a directory") is kept.
func osReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &reason{msg: pe.Err.Error(), err: err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &reason{msg: le.Err.Error(), err: err}
	}
	return err
}

// gzipError marks a failure of the gzip layer so a reader further down the
// pipeline reports "truncated gzip" rather than a bare "unexpected EOF".
type gzipError struct{ err error }

func (e *gzipError) Error() string {
	if errors.Is(e.err, io.ErrUnexpectedEOF) || errors.Is(e.err, io.EOF) {
		return "truncated gzip: unexpected EOF"
	}
	var ce flate.CorruptInputError
	switch {
	case errors.Is(e.err, gzip.ErrChecksum):
		return "corrupt gzip: checksum mismatch"
	case errors.Is(e.err, gzip.ErrHeader):
		return "corrupt gzip: invalid header"
	case errors.As(e.err, &ce):
		return "corrupt gzip: invalid data"
	}
	return "gzip: " + e.err.Error()
}

func (e *gzipError) Unwrap() error { return e.err }

// gzipReader tags every error except the final io.EOF as a gzipError.
type gzipReader struct{ r io.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = &gzipError{err: err}
	}
	return n, err
}

// readReason turns an error met while reading content into a short reason.
func readReason(err error) error {
	var ge *gzipError
	if errors.As(err, &ge) {
		return ge
	}
	return osReason(err)
}

// tooLarge reports content over the cap, naming the cap.
func tooLarge(base error, max int64) error {
	return fmt.Errorf("%w: over %s", base, sizeString(max))
}

// sizeString prints a cap the way users set it: whole MiB or KiB when exact.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// jsonReason shortens an encoding/json error to one readable clause.
func jsonReason(err error) error {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	const maxLen = 80
	if len(msg) > maxLen {
		msg = strings.ToValidUTF8(msg[:maxLen], "") + "…"
	}
	return &reason{msg: ErrNotJSON.Error() + ": " + msg, err: errors.Join(ErrNotJSON, err)}
}
