package store

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// Packed values: large JSON and the clusterer's checkpoint are stored
// deflated behind a marker, so a store keeps a comparison report in about
// a sixth of its JSON (measured on generated stories, docs/PERFORMANCE.md)
// and rows written before packing existed still read: a value without the
// marker is returned as it is. The marker starts with a NUL byte, which
// neither JSON text nor a gob stream (a message length first) begins with.
const packMarker = "\x00pz1"

// packMin is the size under which a value is stored as it is: deflate's
// own overhead and the marker eat most of what a short value would save.
const packMin = 128

var packers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return w
}}

// Pack returns b deflated behind the marker, or b itself when short or
// when deflating does not make it smaller.
func Pack(b []byte) []byte {
	return pack(b, flate.DefaultCompression)
}

// PackFast is Pack at deflate's fastest level: for a large value written
// often (the checkpoint), where the time of the best level would show.
func PackFast(b []byte) []byte {
	return pack(b, flate.BestSpeed)
}

func pack(b []byte, level int) []byte {
	if len(b) < packMin || IsPacked(b) { // already packed: as it is
		return b
	}
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + len(packMarker) + 64)
	buf.WriteString(packMarker)
	var w *flate.Writer
	if level == flate.DefaultCompression {
		w = packers.Get().(*flate.Writer)
		defer packers.Put(w)
		w.Reset(&buf)
	} else {
		w, _ = flate.NewWriter(&buf, level)
	}
	// Writes to a bytes.Buffer do not fail.
	w.Write(b)
	w.Close()
	if buf.Len() >= len(b) {
		return b
	}
	return buf.Bytes()
}

// IsPacked reports whether b was packed by Pack.
func IsPacked(b []byte) bool {
	return len(b) >= len(packMarker) && string(b[:len(packMarker)]) == packMarker
}

// Unpack returns what Pack was given: b inflated when it carries the
// marker, else b as it is (a row stored before packing).
func Unpack(b []byte) ([]byte, error) {
	if !IsPacked(b) {
		return b, nil
	}
	// A reader from the pool, reset: a new one allocates its tables (about
	// 40 KB), which cost more than inflating a storyline's small reports.
	src := bytes.NewReader(b[len(packMarker):])
	r, ok := unpackers.Get().(io.ReadCloser)
	if ok {
		ok = r.(flate.Resetter).Reset(src, nil) == nil
	}
	if !ok {
		r = flate.NewReader(src)
	}
	defer unpackers.Put(r)
	var out bytes.Buffer
	out.Grow(4 * len(b)) // reports deflate to about a sixth
	if _, err := out.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("unpack stored value: %w", err)
	}
	return out.Bytes(), nil
}

var unpackers sync.Pool
