package enrich

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
)

// figureStrings renders figures as "text=value unit".
func figureStrings(fs []model.Figure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s=%g %s", f.Text, f.Value, f.Unit))
	}
	return out
}

// Every sentence below is invented.
func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"people killed", "Police said nine people killed in the blast were miners.", []string{"nine people killed=9 person"}},
		{"killing people", "A drone hit a bus in Osterby, killing nine people.", []string{"nine people=9 person"}},
		{"hyphen", "Both sides agreed a 30-day ceasefire.", []string{"30-day ceasefire=30 day"}},
		{"hyphen with adjective", "They demanded a 30-day unconditional ceasefire from Varnholt.", []string{"30-day unconditional ceasefire=30 day"}},
		{"hyphen words", "The nearly three-year war goes on.", []string{"three-year war=3 year"}},
		{"age", "A 45-year-old fisherman was rescued.", []string{"45-year-old fisherman=45 year"}},
		{"victims", "The court heard from 175 victims.", []string{"175 victims=175 victim"}},
		{"adjectives before the noun", "Rebels claimed 71 coordinated attacks across 51 locations.", []string{"71 coordinated attacks=71 attack", "51 locations=51 location"}},
		{"dollars", "The fund raised $1.2 billion in a week.", []string{"$1.2 billion=1.2e+09 dollar"}},
		{"glued multiplier", "Osterby spent €40m and £3bn.", []string{"€40m=4e+07 euro", "£3bn=3e+09 pound"}},
		{"prefixed dollar", "The listing raised HK$31.01 billion.", []string{"HK$31.01 billion=3.101e+10 hong kong dollar"}},
		{"word currency", "Brandt owed 5 million rubles.", []string{"5 million rubles=5e+06 ruble"}},
		{"percent", "Prices rose 3 percent, wages 3%, rents 3.5 per cent.", []string{"3 percent=3 percent", "3%=3 percent", "3.5 per cent=3.5 percent"}},
		{"percentage points", "Support fell two percentage points.", []string{"two percentage points=2 percentage point"}},
		{"number words", "Twelve ships and twenty-five miners waited.", []string{"Twelve ships=12 ship", "twenty-five miners=25 miner"}},
		{"dozens", "A dozen drones, dozens of protesters and half a dozen tanks.", []string{"A dozen drones=12 drone", "dozens of protesters=24 protester", "half a dozen tanks=6 tank"}},
		{"hundreds", "Hundreds of homes burned and tens of thousands of refugees fled.", []string{"Hundreds of homes=200 home", "tens of thousands of refugees=20000 refugee"}},
		{"hundreds of thousands", "The war caused the deaths of hundreds of thousands.", []string{"deaths of hundreds of thousands=200000 death"}},
		{"word multiplier", "Two hundred sailors and 1,200 dockers struck.", []string{"Two hundred sailors=200 sailor", "1,200 dockers=1200 docker"}},
		{"one", "One person died; one of the guards fled.", []string{"One person=1 person"}},
		{"plural forms", "Three casualties, four children, two buses and five women.", []string{"Three casualties=3 casualty", "four children=4 child", "two buses=2 bus", "five women=5 woman"}},
		{"count not year", "The army sent 2000 troops.", []string{"2000 troops=2000 troop"}},
		{"kept in quotes", "“We lost 40 tanks,” she said.", []string{"40 tanks=40 tank"}},
		{"units", "The convoy drove 120 km in 48 hours.", []string{"120 km=120 km", "48 hours=48 hour"}},
		// Not figures.
		{"years", "In 2014 the 2022 elections and the 1990s.", nil},
		{"dates", "On May 15 talks opened; on 16 May talks closed; Jan. 28 votes.", nil},
		{"times", "At 10:00 GMT and 9 a.m. and 9pm, 14 local officials.", nil},
		{"age after a name", "Olga Marsh, 45, said 3 sons survived.", []string{"3 sons=3 son"}},
		{"list marker", "1. Three ships sank.", []string{"Three ships=3 ship"}},
		{"phone", "Call 555-0199 or (202) 555-0100 for 24 hours.", []string{"24 hours=24 hour"}},
		{"names", "F-16 jets, G7 states, Article 5 obligations and Flight 370 wreckage.", nil},
		{"ordinals", "The 15th round and the 2nd vote.", nil},
		{"ranges", "Between 10-15 people.", nil},
		{"nothing counted", "He said 30 was enough and named five of them.", nil},
		{"name words", "The Five Eyes partners met.", nil},
		{"labels", "Type 2 diabetes rose in phase 3 trials of group 2 cells.", nil},
		{"model numbers", "Five 787 jets and the RTX 2060 cards.", nil},
		{"fractions", "Two-thirds of voters and three-quarters of members agreed.", nil},
		{"one takes a singular", "No one wants that; one where it rained.", nil},
		{"capitalised plurals", "Six Republicans, 600 Texans and three Texas towns.", []string{"Six Republicans=6 republican", "600 Texans=600 texan", "three Texas towns=3 town"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := figureStrings(Figures(model.Article{Body: tt.body}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Figures(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestFiguresPlaces checks the headline, paragraph indexes and sentences.
func TestFiguresPlaces(t *testing.T) {
	a := model.Article{
		Title: "Nine Miners Rescued After 40-Hour Ordeal",
		Body:  "Rescuers worked for days. They freed nine miners.\n\nTwo were hurt.",
	}
	want := []model.Figure{
		{Text: "Nine Miners Rescued", Value: 9, Unit: "miner", Paragraph: -1, Sentence: a.Title},
		{Text: "40-Hour Ordeal", Value: 40, Unit: "hour", Paragraph: -1, Sentence: a.Title},
		{Text: "nine miners", Value: 9, Unit: "miner", Paragraph: 0, Sentence: "They freed nine miners."},
	}
	if got := Figures(a); !reflect.DeepEqual(got, want) {
		t.Errorf("Figures = %+v\nwant %+v", got, want)
	}
}

func FuzzFigures(f *testing.F) {
	f.Add("Nine people killed; a 30-day ceasefire; $1.2 billion; 3%; HK$5bn; 1. 555-0199")
	f.Add("tens of thousands of hundreds of dozens - 20- twenty- a dozen half a Article 5, 45, said")
	f.Fuzz(func(t *testing.T, body string) {
		for _, fg := range Figures(model.Article{Title: body, Body: body}) {
			if !strings.Contains(body, fg.Text) || !strings.Contains(fg.Sentence, fg.Text) {
				t.Fatalf("figure %+v not in its text", fg)
			}
			if fg.Unit == "" || fg.Value < 0 {
				t.Fatalf("bad figure %+v", fg)
			}
		}
	})
}
