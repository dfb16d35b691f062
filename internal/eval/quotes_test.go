package eval

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestLoadQuoteGold(t *testing.T) {
	in := `{"id":"a1","text":"we will win","speaker":"Anselm Karvik","bias":"x"}

{"id":"a2","text":"“no”","speaker":"Norvala"}`
	g, err := LoadQuoteGold(strings.NewReader(in))
	if err != nil || len(g) != 2 || g[0].Speaker != "Anselm Karvik" {
		t.Fatalf("LoadQuoteGold = %+v, %v", g, err)
	}
	if _, err := LoadQuoteGold(strings.NewReader(`{"id":"a1"}`)); err == nil {
		t.Error("want error for a line without text")
	}
	if _, err := LoadQuoteGold(strings.NewReader(`{`)); err == nil {
		t.Error("want error for bad JSON")
	}
}

func TestScoreQuotes(t *testing.T) {
	quotes := map[string][]model.Quote{
		"a1": {
			{Text: "We will not give up the coast. Never.", Speaker: "Anselm Karvik"},
			{Text: "The second half of it.", Speaker: "Anselm Karvik"},
			{Text: "Ready on Friday", Speaker: "Oleksiy Dovzhenkiy"},
		},
	}
	tests := []struct {
		g     QuoteGold
		found bool
	}{
		{QuoteGold{"a1", "“We will NOT give up  the coast,”", "Karvik"}, true},
		{QuoteGold{"a1", "give up the coast", "President Karvik"}, true},
		{QuoteGold{"a1", "give up the coast", "Dovzhenkiy"}, false},                                // wrong speaker
		{QuoteGold{"a1", "“the coast. Never.” he said, “The second half”", "Anselm Karvik"}, true}, // spans the attribution
		{QuoteGold{"a1", "not said by anyone", "Anselm Karvik"}, false},
		{QuoteGold{"a2", "Ready on Friday", "Oleksiy Dovzhenkiy"}, false}, // other article
		{QuoteGold{"a1", "Ready on Friday", "Al"}, false},                 // short words do not match
	}
	var gold []QuoteGold
	want := 0
	for _, tt := range tests {
		gold = append(gold, tt.g)
		s := ScoreQuotes([]QuoteGold{tt.g}, quotes)
		if (s.Found == 1) != tt.found {
			t.Errorf("%+v: found %v, want %v (%+v)", tt.g, s.Found == 1, tt.found, s.Misses)
		}
		if tt.found {
			want++
		}
	}
	s := ScoreQuotes(gold, quotes)
	if s.Found != want || s.Total != len(tests) || len(s.Misses) != len(tests)-want {
		t.Errorf("ScoreQuotes = %+v", s)
	}
	if s.Misses[0].Reason != "speaker differs" || s.Misses[0].Got != "Anselm Karvik" {
		t.Errorf("first miss %+v", s.Misses[0])
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		gold string
		q    model.Quote
		want bool
	}{
		{"Anselm Karvik", model.Quote{Speaker: "Anselm Karvik"}, true},
		{"Republican lawmakers", model.Quote{Speaker: "Dana Orly", SpeakerDescription: "Rep., Republican, Minnesota"}, true},
		{"Democratic Lawmakers", model.Quote{Speaker: "Ivo Brandt", SpeakerDescription: "Democrat, Maryland"}, true},
		{"Senate Democrats", model.Quote{Speaker: "Ivo Brandt", SpeakerDescription: "Democratic senator"}, true},
		{"Karvik campaign", model.Quote{Speaker: "Ana Pell", SpeakerDescription: "a spokeswoman for the Karvik campaign"}, true},
		{"Norvala officials", model.Quote{Speaker: "the lawsuit", SpeakerDescription: "lawsuit from Norvala and Veloria"}, true},
		{"software companies", model.Quote{Speaker: "the spokesperson", SpeakerDescription: "spokesperson for a software company"}, true},
		{"Norvala and Veloria officials", model.Quote{Speaker: "Ana Pell", SpeakerDescription: "the head of the port and the harbour"}, false}, // function words do not match
		{"Fox News", model.Quote{Speaker: "Ana Pell", SpeakerDescription: "a new aide"}, false},
		{"Anselm Karvik", model.Quote{Speaker: "Ana Pell", SpeakerDescription: ""}, false},
	}
	for _, tt := range tests {
		if got := speakerMatches(tt.gold, tt.q); got != tt.want {
			t.Errorf("speakerMatches(%q, %+v) = %v, want %v", tt.gold, tt.q, got, tt.want)
		}
	}
}

func TestStemName(t *testing.T) {
	for in, want := range map[string]string{"democrats": "democrat", "democratic": "democrat", "democrat": "democrat",
		"republicans": "republican", "companies": "company", "officials": "official", "public": "public",
		"news": "news", "witnesses": "witness", "catholics": "cathol", "catholic": "cathol"} {
		if got := stemName(in); got != want {
			t.Errorf("stemName(%q) = %q, want %q", in, got, want)
		}
	}
}
