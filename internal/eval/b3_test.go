package eval

import (
	"math"
	"testing"
)

func TestB3(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
	tests := []struct {
		name    string
		pred    map[string]string
		gold    map[string]string
		p, r, f float64
	}{
		{"identical", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}, gold, 1, 1, 1},
		{"labels renamed", map[string]string{"a": "q", "b": "q", "c": "q", "d": "z", "e": "z"}, gold, 1, 1, 1},
		// One cluster of all five: precision (3·3/5 + 2·2/5)/5 = 13/25.
		{"all merged", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"}, gold, 13.0 / 25, 1, 2 * (13.0 / 25) / (1 + 13.0/25)},
		// Singletons: recall (3·1/3 + 2·1/2)/5 = 2/5.
		{"all split", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, gold, 1, 2.0 / 5, 2 * (2.0 / 5) / (1 + 2.0/5)},
		// Missing items are singletons.
		{"missing items", map[string]string{"a": "1", "b": "1", "d": "2", "e": "2"}, gold, 1, (2*2.0/3 + 1.0/3 + 2) / 5, 0},
		// Items outside gold are ignored.
		{"extra items", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "zz": "1"}, gold, 1, 1, 1},
		{"empty gold", map[string]string{"a": "1"}, map[string]string{}, 1, 1, 1},
		{"empty pred", map[string]string{}, map[string]string{"a": "x", "b": "x"}, 1, 0.5, 2 * 0.5 / 1.5},
		// Classic example: gold {a,b,c}{d,e}; pred {a,b}{c,d,e}.
		// P = (1+1+1/3+2/3+2/3)/5 = 11/15; R = (2/3+2/3+1/3+1+1)/5 = 11/15.
		{"one moved", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}, gold, 11.0 / 15, 11.0 / 15, 11.0 / 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f := B3(tt.pred, tt.gold)
			if tt.f == 0 {
				tt.f = 2 * tt.p * tt.r / (tt.p + tt.r)
			}
			if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
				t.Errorf("B3 = %.4f %.4f %.4f, want %.4f %.4f %.4f", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
}

// TestB3Symmetry: swapping prediction and gold swaps precision and recall
// when both label the same items.
func TestB3Symmetry(t *testing.T) {
	a := map[string]string{"1": "x", "2": "x", "3": "y", "4": "y", "5": "z", "6": "x"}
	b := map[string]string{"1": "p", "2": "q", "3": "q", "4": "q", "5": "r", "6": "p"}
	p1, r1, f1 := B3(a, b)
	p2, r2, f2 := B3(b, a)
	if !near(p1, r2) || !near(r1, p2) || !near(f1, f2) {
		t.Errorf("B3(a,b) = %v %v %v, B3(b,a) = %v %v %v", p1, r1, f1, p2, r2, f2)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
