package cluster

import (
	"slices"
	"testing"
)

func TestHeuristicEntities(t *testing.T) {
	tests := []struct {
		title, body string
		want        []string
	}{
		{"", "On Sunday US President Donald Trump spoke with Vladimir Putin.",
			[]string{"us", "donald trump", "vladimir putin"}}, // the title splits the run
		{"", "Putin said so. Despite the talks, Putin waited.",
			[]string{"putin", "putin"}}, // "Despite" only starts a sentence; "Putin" also stands mid-sentence
		{"", "US officials met.", nil}, // sentence-initial and never mid-sentence: unknown
		{"", "Mr. Steele spoke at the Department of Justice in Washington.",
			[]string{"steele", "department of justice", "washington"}},
		{"", "Ukraine waited. Then Trump wrote that Ukraine should agree, IMMEDIATELY.",
			[]string{"ukraine", "trump", "ukraine"}}, // shouting is not a name
		{"", "It met the G.O.P. in the U.S. Senate on Friday.",
			[]string{"g o p", "u s senate"}}, // initials stay one name
		{"Michael Steele Criticized for Afghanistan Comments", "The chairman, Michael Steele, spoke about Afghanistan.",
			[]string{"michael steele", "afghanistan", "michael steele", "afghanistan"}}, // title words only if the body names them
		{"", "Obama’s plan and O'Brien's reply.", []string{"o'brien"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		got := HeuristicEntities(tt.title, tt.body)
		if !slices.Equal(got, tt.want) {
			t.Errorf("HeuristicEntities(%q, %q) = %q, want %q", tt.title, tt.body, got, tt.want)
		}
	}
}

func FuzzHeuristicEntities(f *testing.F) {
	f.Add("Title Here", "Some Body of Text. Mr. Name went to Paris, France.")
	f.Fuzz(func(t *testing.T, title, body string) {
		for _, e := range HeuristicEntities(title, body) {
			if e == "" || e[0] == ' ' || e[len(e)-1] == ' ' {
				t.Fatalf("bad entity %q", e)
			}
		}
	})
}
