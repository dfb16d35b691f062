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
		{QuoteGold{ID: "a1", Text: "“We will NOT give up  the coast,”", Speaker: "Karvik"}, true},
		{QuoteGold{ID: "a1", Text: "give up the coast", Speaker: "President Karvik"}, true},
		{QuoteGold{ID: "a1", Text: "give up the coast", Speaker: "Dovzhenkiy"}, false},                                // wrong speaker
		{QuoteGold{ID: "a1", Text: "“the coast. Never.” he said, “The second half”", Speaker: "Anselm Karvik"}, true}, // spans the attribution
		{QuoteGold{ID: "a1", Text: "not said by anyone", Speaker: "Anselm Karvik"}, false},
		{QuoteGold{ID: "a2", Text: "Ready on Friday", Speaker: "Oleksiy Dovzhenkiy"}, false}, // other article
		{QuoteGold{ID: "a1", Text: "Ready on Friday", Speaker: "Al"}, false},                 // short words do not match
	}
	var gold []QuoteGold
	want := 0
	for _, tt := range tests {
		gold = append(gold, tt.g)
		s := ScoreQuotes([]QuoteGold{tt.g}, quotes, QuoteOptions{})
		if (s.Found == 1) != tt.found {
			t.Errorf("%+v: found %v, want %v (%+v)", tt.g, s.Found == 1, tt.found, s.Misses)
		}
		if tt.found {
			want++
		}
	}
	s := ScoreQuotes(gold, quotes, QuoteOptions{})
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

func TestScoreQuotesStrict(t *testing.T) {
	quotes := map[string][]model.Quote{
		"a1": {
			{Text: "We will not give up the coast.", Speaker: "Anselm Karvik"},
			{Text: "The port opens on Friday.", Speaker: "Ana Pell", SpeakerDescription: "a spokeswoman for the Karvik campaign"},
			{Text: "Nobody annotated this one.", Speaker: "Ivo Brandt"},
		},
	}
	tests := []struct {
		g             QuoteGold
		lenient, want bool
	}{
		{QuoteGold{ID: "a1", Text: "give up the coast", Speaker: "Sen. Anselm Karvik", SpeakerKind: "name"}, true, true},
		{QuoteGold{ID: "a1", Text: "give up the coast", Speaker: "Sen. Ivo Brandt", SpeakerKind: "name"}, false, false},  // titles never match
		{QuoteGold{ID: "a1", Text: "opens on Friday", Speaker: "the Karvik campaign", SpeakerKind: "name"}, true, false}, // description only
		{QuoteGold{ID: "a1", Text: "opens on Friday", Speaker: "she", SpeakerKind: "pronoun"}, false, true},              // words only
		{QuoteGold{ID: "a1", Text: "opens on Friday", Speaker: "Norvalian officials"}, false, true},                      // a group: words only
		{QuoteGold{ID: "a1", Text: "not in any quotation", Speaker: "she", SpeakerKind: "pronoun"}, false, false},
	}
	for _, tt := range tests {
		for _, strict := range []bool{false, true} {
			want := tt.lenient
			if strict {
				want = tt.want
			}
			s := ScoreQuotes([]QuoteGold{tt.g}, quotes, QuoteOptions{Strict: strict})
			if (s.Found == 1) != want {
				t.Errorf("strict=%v %+v: found %v, want %v", strict, tt.g, s.Found == 1, want)
			}
		}
	}
	var gold []QuoteGold
	for _, tt := range tests {
		gold = append(gold, tt.g)
	}
	s := ScoreQuotes(gold, quotes, QuoteOptions{Strict: true})
	if s.TextFound != 5 || s.Named != 3 || s.NamedRight != 1 {
		t.Errorf("text found %d, named %d, right %d; want 5, 3, 1", s.TextFound, s.Named, s.NamedRight)
	}
	if s.Extracted != 3 || s.InGold != 2 || len(s.Extra) != 1 || s.Extra[0].Speaker != "Ivo Brandt" {
		t.Errorf("extracted %d, in gold %d, extra %+v", s.Extracted, s.InGold, s.Extra)
	}
}

func TestDescriptionSpeaker(t *testing.T) {
	for s, want := range map[string]bool{
		"the Norvalian senator": true, "a longtime party aide": true, "The Karvik Foundation": false,
		"the DNC": false, "Ana Pell": false, "the senator": true, "one senior Veloran official": true,
	} {
		if got := descriptionSpeaker(s); got != want {
			t.Errorf("descriptionSpeaker(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestGroupSpeaker(t *testing.T) {
	for s, want := range map[string]bool{
		"plaintiffs": true, "Norvala officials": true, "Democrats": true, "Senate Republicans": true,
		"Republican Lawmakers": true, "Ana Sanders": false, "Karvik campaign": false, "Tea Party": false,
		"NAACP": false, "Anselm Karvik": false, "Lumen Systems": false, "": false,
	} {
		if got := groupSpeaker(s); got != want {
			t.Errorf("groupSpeaker(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLoadQuoteGoldKinds(t *testing.T) {
	g, err := LoadQuoteGold(strings.NewReader(`{"id":"a","text":"we won","speaker":"he","speaker_kind":"pronoun"}`))
	if err != nil || g[0].SpeakerKind != "pronoun" || g[0].named() {
		t.Fatalf("LoadQuoteGold = %+v, %v", g, err)
	}
	if _, err := LoadQuoteGold(strings.NewReader(`{"id":"a","text":"we won","speaker":"he","speaker_kind":"who"}`)); err == nil {
		t.Error("want error for an unknown speaker_kind")
	}
}
