package text

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Mr. Smith went to Washington. He left.", []string{"Mr. Smith went to Washington.", "He left."}},
		{`He said: "We will win." Then he left.`, []string{`He said: "We will win."`, "Then he left."}},
		{"The U.S. State Department said so. The talks ended.", []string{"The U.S. State Department said so.", "The talks ended."}},
		{"He flew to the U.S. The talks ended.", []string{"He flew to the U.S.", "The talks ended."}},
		{"J. R. Smith spoke. Then?", []string{"J. R. Smith spoke.", "Then?"}},
		{"Prices rose 3.5 percent. Why? Nobody knows!", []string{"Prices rose 3.5 percent.", "Why?", "Nobody knows!"}},
		{"no capital. after this", []string{"no capital. after this"}},
		{"On Jan. 5 it began.", []string{"On Jan. 5 it began."}},
		{"Republicans called on Ariz. Gov. Jan Brewer to veto it. She did.", []string{"Republicans called on Ariz. Gov. Jan Brewer to veto it.", "She did."}},
		{"He is a manager in Concord, Calif. Dukes is a greeter.", []string{"He is a manager in Concord, Calif.", "Dukes is a greeter."}},
		{"The vote went to Rep. Tom Price, R-Ga. Price said so.", []string{"The vote went to Rep. Tom Price, R-Ga.", "Price said so."}},
		{"“Wait for me. Personally,” she wrote. “Come.” Then she left.", []string{"“Wait for me. Personally,” she wrote.", "“Come.”", "Then she left."}},
		{`"One. Two," he said. Unclosed "three. Four.`, []string{`"One. Two," he said.`, `Unclosed "three.`, "Four."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.in) {
			got = append(got, s.Text)
			if tt.in[s.Start:s.End] != s.Text {
				t.Errorf("%q: span %d:%d is not %q", tt.in, s.Start, s.End, s.Text)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add(`He said: "Yes." Mr. X left. U.S. A.`)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End < sp.Start || sp.End > len(s) || s[sp.Start:sp.End] != sp.Text {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
