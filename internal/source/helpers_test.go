package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"testing"
)

// result is what one Read yields, flattened for assertions.
type result struct {
	docs []Doc
	errs []*InputError
}

// bySource finds a yielded doc by its Source.
func (r result) bySource(src string) (Doc, bool) {
	for _, d := range r.docs {
		if d.Source == src {
			return d, true
		}
	}
	return Doc{}, false
}

// errFor finds the error yielded for one input.
func (r result) errFor(input string) *InputError {
	for _, e := range r.errs {
		if e.Input == input {
			return e
		}
	}
	return nil
}

// collect drains a Read sequence; any error that is not an *InputError
// fails the test, as Read promises InputErrors only (bar cancellation).
func collect(t testing.TB, seq iter.Seq2[Doc, error]) result {
	t.Helper()
	var res result
	for d, err := range seq {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("yielded %T %v, want *InputError", err, err)
			}
			res.errs = append(res.errs, ie)
			continue
		}
		res.docs = append(res.docs, d)
	}
	return res
}

func readPaths(t testing.TB, opt Options, paths ...string) result {
	t.Helper()
	return collect(t, Read(context.Background(), paths, opt))
}

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// failingReadDir makes one directory unreadable whatever the user running
// the tests, since chmod 000 does not stop root.
func failingReadDir(bad string) func(string) ([]fs.DirEntry, error) {
	return func(dir string) ([]fs.DirEntry, error) {
		if dir == bad {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission}
		}
		return os.ReadDir(dir)
	}
}
