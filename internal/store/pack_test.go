package store

import (
	"bytes"
	"strings"
	"testing"
)

func TestPack(t *testing.T) {
	report := []byte(`{"summary":[` + strings.Repeat(`{"text":"The crews will sail when the pay is fair","article_ids":[1,2,3]},`, 40) + `{}]}`)
	tests := []struct {
		name   string
		in     []byte
		packed bool
	}{
		{"empty", nil, false},
		{"short JSON stays as it is", []byte(`{"entities":[]}`), false},
		{"a large report is packed", report, true},
		{"random-looking bytes that do not shrink stay", noise(200), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range [][]byte{Pack(tt.in), PackFast(tt.in)} {
				if IsPacked(p) != tt.packed {
					t.Fatalf("packed = %v, want %v (%d bytes from %d)", IsPacked(p), tt.packed, len(p), len(tt.in))
				}
				if tt.packed && len(p) >= len(tt.in)/4 {
					t.Errorf("packed to %d bytes from %d", len(p), len(tt.in))
				}
				got, err := Unpack(p)
				if err != nil || !bytes.Equal(got, tt.in) {
					t.Errorf("Unpack = %q, %v", got, err)
				}
				if again := Pack(p); !bytes.Equal(again, p) {
					t.Error("packing a packed value changed it")
				}
			}
		})
	}
	if _, err := Unpack([]byte(packMarker + "not deflate")); err == nil {
		t.Error("Unpack of a damaged value: no error")
	}
}

// noise is n bytes deflate cannot shrink.
func noise(n int) []byte {
	out := make([]byte, n)
	x := uint32(2463534242)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x)
	}
	return out
}
