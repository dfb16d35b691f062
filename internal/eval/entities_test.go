package eval

import (
	"math"
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestNormEntityName(t *testing.T) {
	for in, want := range map[string]string{
		"The Meridian Herald":                "meridian herald",
		"West Coast Fishermen’s Association": "west coast fishermens association",
		"Hallvard Sténn":                     "hallvard stenn",
		"Wren-1":                             "wren 1",
		"  Theodor  Brask ":                  "theodor brask",
	} {
		if got := NormEntityName(in); got != want {
			t.Errorf("NormEntityName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScoreEntities(t *testing.T) {
	gold, err := LoadEntityGold(strings.NewReader(`
{"source": "a", "entities": [{"name": "Tova Rell", "type": "person"}, {"name": "Port Aldane", "type": "place"}, {"name": "Kessel Union", "type": "organisation"}]}
{"source": "b", "entities": [{"name": "Ora Vint", "type": "person"}]}
{"source": "missing", "entities": [{"name": "Lenn", "type": "place"}]}
`))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]model.Entity{
		"a": {{Name: "Tova Rell", Type: "person"}, {Name: "Port Aldane", Type: "person"}, {Name: "Officials", Type: "person"}},
		"b": {{Name: "ora vint", Type: "person"}},
	}
	s := ScoreEntities(gold, got)
	// typed: TP 2 (Tova Rell, Ora Vint), FP 2, FN 3 (Port Aldane place, Kessel Union, Lenn)
	want := PRF{TP: 2, FP: 2, FN: 3}
	if s.Typed.TP != want.TP || s.Typed.FP != want.FP || s.Typed.FN != want.FN {
		t.Errorf("typed = %+v, want counts %+v", s.Typed, want)
	}
	if math.Abs(s.Typed.Precision-0.5) > 1e-9 || math.Abs(s.Typed.Recall-0.4) > 1e-9 {
		t.Errorf("typed P/R = %.3f/%.3f", s.Typed.Precision, s.Typed.Recall)
	}
	// untyped: Port Aldane matches by name
	if s.Untyped.TP != 3 || s.Untyped.FP != 1 || s.Untyped.FN != 2 {
		t.Errorf("untyped = %+v", s.Untyped)
	}
	if len(s.Unmatched) != 1 || s.Unmatched[0] != "missing" {
		t.Errorf("unmatched = %v", s.Unmatched)
	}
	if len(s.Errors) != 2 || s.Errors[0].Source != "a" || len(s.Errors[0].Spurious) != 2 {
		t.Errorf("errors = %+v", s.Errors)
	}
}

func TestLoadEntityGoldErrors(t *testing.T) {
	for _, in := range []string{`{"source": ""}`, `not json`} {
		if _, err := LoadEntityGold(strings.NewReader(in)); err == nil {
			t.Errorf("LoadEntityGold(%q): no error", in)
		}
	}
}
