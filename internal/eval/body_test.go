package eval

import (
	"math"
	"reflect"
	"testing"
)

func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBody(t *testing.T) {
	gold := "one two three four five six"
	for _, tc := range []struct {
		name, got string
		p, r      float64
	}{
		{"exact", gold, 1, 1},
		{"case and punctuation ignored", "One, two; three four. Five six!", 1, 1},
		{"half", "one two three four", 1, 1.0 / 3},
		{"extra boilerplate", gold + " menu home sport", 3.0 / 6, 1},
		{"empty extraction", "", 0, 0},
	} {
		s := Body(tc.got, gold)
		if !closeTo(s.Precision, tc.p) || !closeTo(s.Recall, tc.r) {
			t.Errorf("%s: P %.3f R %.3f; want %.3f %.3f", tc.name, s.Precision, s.Recall, tc.p, tc.r)
		}
	}
	if s := Body("", ""); s.F1 != 1 {
		t.Errorf("two empty texts: %+v", s)
	}
}

func TestMeanTakesF1FromAverages(t *testing.T) {
	m := Mean([]BodyScore{{Precision: 1, Recall: 0}, {Precision: 0, Recall: 1}})
	if !closeTo(m.Precision, 0.5) || !closeTo(m.Recall, 0.5) || !closeTo(m.F1, 0.5) {
		t.Errorf("Mean = %+v", m)
	}
	if m := Mean(nil); m.F1 != 0 {
		t.Errorf("Mean(nil) = %+v", m)
	}
}

func TestParseLines(t *testing.T) {
	got, err := ParseLines("3, 5-7,10")
	if err != nil || !reflect.DeepEqual(got, []int{3, 5, 6, 7, 10}) {
		t.Fatalf("ParseLines = %v, %v", got, err)
	}
	for _, bad := range []string{"0", "x", "7-5", "3-", "-2"} {
		if _, err := ParseLines(bad); err == nil {
			t.Errorf("ParseLines(%q) accepted", bad)
		}
	}
}

func TestLinesAndCheck(t *testing.T) {
	text := "Menu\n\nFirst paragraph here.\n\nSecond one, quoted “so”.\nFooter"
	gold, err := Lines(text, []int{3, 5})
	if err != nil || len(gold) != 2 {
		t.Fatalf("Lines = %q, %v", gold, err)
	}
	if _, err := Lines(text, []int{99}); err == nil {
		t.Error("line past the end accepted")
	}
	c := CheckLines("First paragraph here.\n\nSecond one, quoted \"so\".", gold)
	if len(c.Missing)+len(c.Extra) != 0 {
		t.Errorf("exact body: %+v", c)
	}
	c = CheckLines("Menu\n\nFirst paragraph here.", gold)
	if !reflect.DeepEqual(c.Missing, []string{"Second one, quoted “so”."}) || !reflect.DeepEqual(c.Extra, []string{"Menu"}) {
		t.Errorf("check = %+v", c)
	}
}
