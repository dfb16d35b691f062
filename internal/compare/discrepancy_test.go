package compare

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

// fig is a hand-made figure of an article's first paragraph.
func fig(text string, value float64, unit string) model.Figure {
	return model.Figure{Text: text, Value: value, Unit: unit}
}

// figArticle is an invented article with one paragraph and its figures.
func figArticle(id int64, outlet, published, body string, figs ...model.Figure) model.Article {
	return model.Article{ID: id, Outlet: outlet, Published: published, Body: body,
		Enrichment: &model.Enrichment{Figures: figs}}
}

// oneValue reads the single figure of a one-sentence article.
func oneValue(t *testing.T, body string, f model.Figure) (valued, bool) {
	t.Helper()
	docs := prepare([]model.Article{figArticle(1, "A", "", body, f)})
	for _, vs := range valuesOf(docs) {
		return vs[0], true
	}
	return valued{}, false
}

func TestFigureOf(t *testing.T) {
	tests := []struct {
		body    string
		f       model.Figure
		ok      bool
		key     string
		hedged  string // the hedge shown before the figure
		isHedge bool
	}{
		{"By noon at least 12 people were confirmed dead in Orvel.", fig("12 people", 12, "person"), true, "number/person/dead", "at least", true},
		{"The flood in Orvel killed nine people on Friday.", fig("nine people", 9, "person"), true, "number/person/dead", "", false},
		{"Around 4,000 people have been evacuated from Orvel.", fig("4,000 people", 4000, "person"), true, "number/person/evacuated", "around", true},
		{"Rescuers said 30 people were missing and 4,000 had fled.", fig("30 people", 30, "person"), true, "number/person/missing", "", false},
		{"The town counted 4,000 evacuees by evening.", fig("4,000 evacuees", 4000, "evacuee"), true, "number/person/evacuated", "", false},
		{"A 12-person panel led by Ida Sorn will report in May.", fig("12-person", 12, "person"), true, "number/person/", "", false},
		{"Divers pulled two more bodies from the lake.", fig("two more bodies", 2, "body"), false, "", "", false},
		{"Dozens of people gathered outside the hall.", fig("Dozens of people", 24, "person"), false, "", "", false},
		{"The bridge cost nearly 40m crowns.", fig("40m crowns", 4e7, "crown"), true, "number/crown/", "nearly", true},
	}
	for _, tt := range tests {
		v, ok := oneValue(t, tt.body, tt.f)
		if ok != tt.ok {
			t.Errorf("%q: ok = %v, want %v", tt.body, ok, tt.ok)
			continue
		}
		if ok && (v.key() != tt.key || v.hedgeWords != tt.hedged || v.hedge != tt.isHedge) {
			t.Errorf("%q: key %q hedge %q %v, want %q %q %v", tt.body, v.key(), v.hedgeWords, v.hedge, tt.key, tt.hedged, tt.isHedge)
		}
	}
}

func TestGrainOf(t *testing.T) {
	tests := []struct {
		text string
		v    float64
		want float64
	}{
		{"14 people", 14, 1}, {"30 people", 30, 10}, {"4,300 homes", 4300, 100},
		{"1.1 billion crowns", 1.1e9, 1e8}, {"1bn crowns", 1e9, 1e9}, {"290m crowns", 2.9e8, 1e7},
		{"$10,977.74", 10977.74, 0.01}, {"fourteen people", 14, 1}, {"310km", 310, 10},
	}
	for _, tt := range tests {
		if got := grainOf(tt.v, tt.text); got < tt.want*0.999 || got > tt.want*1.001 {
			t.Errorf("grainOf(%q) = %g, want %g", tt.text, got, tt.want)
		}
	}
}

func TestCompatibleNumbers(t *testing.T) {
	n := func(v, grain float64, hedge bool) valued {
		return valued{kind: "number", num: v, grain: grain, hedge: hedge}
	}
	tests := []struct {
		name string
		x, y valued
		want bool
	}{
		{"equal", n(14, 1, false), n(14, 1, true), true},
		{"a bound is still a toll", n(12, 1, true), n(14, 1, false), false},
		{"about 30 against 27", n(30, 10, true), n(27, 1, false), true},
		{"about 310 against roughly 290", n(310, 10, true), n(290, 10, true), false},
		{"around 4,000 against more than 6,500", n(4000, 1000, true), n(6500, 100, true), false},
		{"43,000 rounds 43,350", n(43000, 1000, false), n(43350, 1, false), true},
		{"just over 1bn against more than 1.1 billion", n(1e9, 1e9, true), n(1.1e9, 1e8, true), true},
		{"just over 1bn is not 320 million", n(1e9, 1e9, true), n(3.2e8, 1e7, false), false},
		{"exact small counts", n(30, 10, false), n(27, 1, false), false},
	}
	for _, tt := range tests {
		if got := compatibleNumbers(tt.x, tt.y); got != tt.want {
			t.Errorf("%s: compatible = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// numberFindings builds a report and returns its number discrepancies as
// "subject|value;value".
func numberFindings(arts ...model.Article) []string {
	var out []string
	for _, d := range Build(model.Story{ID: 1}, arts).Discrepancies {
		if d.Kind != "number" {
			continue
		}
		vals := make([]string, len(d.Values))
		for i, v := range d.Values {
			vals[i] = v.Value
		}
		out = append(out, d.Subject+"|"+strings.Join(vals, ";"))
	}
	return out
}

func TestNumberRules(t *testing.T) {
	const morning, evening, night = "2031-05-02T08:00:00Z", "2031-05-02T19:00:00Z", "2031-05-02T23:00:00Z"
	tests := []struct {
		name string
		arts []model.Article
		want []string
	}{
		{"a toll that rises is labelled as a possible update", []model.Article{
			figArticle(1, "Fen Courier", morning, "The Orvel flood killed at least 12 people, officials said.", fig("12 people", 12, "person")),
			figArticle(2, "Loam Gazette", evening, "Fourteen people are now dead after the flood in Orvel.", fig("Fourteen people", 14, "person")),
		}, []string{"people dead" + updateNote + "|at least 12 people (published 2031-05-02 08:00 UTC);Fourteen people (published 2031-05-02 19:00 UTC)"}},
		{"tolls that interleave in time are a plain disagreement", []model.Article{
			figArticle(1, "Fen Courier", morning, "The Orvel flood killed nine people, officials said.", fig("nine people", 9, "person")),
			figArticle(2, "Loam Gazette", evening, "Eleven people died in the Orvel flood.", fig("Eleven people", 11, "person")),
			figArticle(3, "Reed Post", night, "The Orvel flood killed nine people.", fig("nine people", 9, "person")),
		}, []string{"people dead|nine people;Eleven people"}},
		{"a toll of another year is not this story's toll", []model.Article{
			figArticle(1, "Fen Courier", morning, "Nine people died in the Orvel flood.", fig("Nine people", 9, "person")),
			withDate(figArticle(2, "Loam Gazette", evening, "It was the worst flood since 1988, which killed 13 people.", fig("13 people", 13, "person")), "1988"),
		}, nil},
		{"a bare number beside a count gives way", []model.Article{
			figArticle(1, "Fen Courier", morning, "Police made six arrests on Friday, compared to 47 the night before.", fig("six arrests", 6, "arrest")),
			figArticle(2, "Loam Gazette", evening, "Police made 47 arrests overnight in Orvel.", fig("47 arrests", 47, "arrest")),
		}, nil},
		{"a count noun names its subject", []model.Article{
			figArticle(1, "Fen Courier", morning, "The claim covers as many as 1.5 million nurses across Veloria.", fig("1.5 million nurses", 1.5e6, "nurse")),
			figArticle(2, "Loam Gazette", evening, "Judges doubted a suit on behalf of up to 1.6 million nurses.", fig("1.6 million nurses", 1.6e6, "nurse")),
		}, []string{"million nurses|as many as 1.5 million nurses;up to 1.6 million nurses"}},
		{"counts far apart are different things", []model.Article{
			figArticle(1, "Fen Courier", morning, "The two senators of Veloria signed the letter.", fig("two senators", 2, "senator")),
			figArticle(2, "Loam Gazette", evening, "Seven senators signed a letter against the plan.", fig("Seven senators", 7, "senator")),
		}, nil},
		{"a unit of measure needs like sentences", []model.Article{
			figArticle(1, "Fen Courier", morning, "The Orvel bridge cost 320 million crowns to build.", fig("320 million crowns", 3.2e8, "crown")),
			figArticle(2, "Loam Gazette", evening, "The Orvel bridge cost 290m crowns.", fig("290m crowns", 2.9e8, "crown")),
			figArticle(3, "Reed Post", night, "Veloria spent 300 million crowns on schools last year.", fig("300 million crowns", 3e8, "crown")),
		}, []string{"orvel bridge cost crowns|290m crowns;320 million crowns"}},
		{"hedged figures that agree", []model.Article{
			figArticle(1, "Fen Courier", morning, "The programme has cost more than 1.1 billion crowns.", fig("1.1 billion crowns", 1.1e9, "crown")),
			figArticle(2, "Loam Gazette", evening, "The programme has cost just over 1bn crowns.", fig("1bn crowns", 1e9, "crown")),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := numberFindings(tt.arts...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// withDate adds a date mention of the given year to an article's first
// sentence.
func withDate(a model.Article, year string) model.Article {
	a.Enrichment.Dates = append(a.Enrichment.Dates, model.DateMention{Text: year, Date: year})
	return a
}

func TestParseTitleAfterStatus(t *testing.T) {
	tests := []struct {
		before string
		class  string
		ok     bool
	}{
		{"talks were led by former trade minister", "former minister", true},
		{"said Trade Minister", "minister", true},
		{"the party's political director", "", false},
		{"led by the former", "", false},
	}
	for _, tt := range tests {
		got, ok := parseTitle(strings.Fields(tt.before))
		if ok != tt.ok || (ok && got.class != tt.class) {
			t.Errorf("parseTitle(%q) = %q %v, want %q %v", tt.before, got.class, ok, tt.class, tt.ok)
		}
	}
}

func TestWordOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		min  float64
		max  float64
	}{
		{"We will rebuild every home", "we will rebuild every house in Orvel", 0.79, 0.81},
		{"I'm sure he has great influence over there", "inaction by the council, which has spent time on coins", 0, 0.3},
	}
	for _, tt := range tests {
		if got := wordOverlap(tt.a, tt.b); got < tt.min || got > tt.max {
			t.Errorf("wordOverlap(%q, %q) = %.2f", tt.a, tt.b, got)
		}
	}
}
