package enrich

import (
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
)

// TestDatesFollowUp pins the review fixes, each both ways. Every sentence
// is invented. 2025-05-11 is a Sunday; 2010-06-15 a Tuesday.
func TestDatesFollowUp(t *testing.T) {
	tests := []struct {
		name      string
		published string
		title     string
		body      string
		want      []string
	}{
		// A decade keeps Text "1990" with its "'s"/"s" right after it in the
		// sentence, where the timeline reads it as a decade; "1990s" stays
		// undated as before.
		{"decade apostrophe", "2025-05-11", "", "In the 1990's, Brask grew.", []string{"1990=1990"}},
		{"decade plain", "2025-05-11", "", "In the 1990s, Brask grew.", nil},
		// A full date opening a sentence, before a capitalised word.
		{"on month day year", "2025-05-11", "", "On May 26, 2009, The Osterby Courier called her a veteran.", []string{"On May 26, 2009=2009-05-26"}},
		{"in month opening", "2025-05-11", "", "In May, Brandt resigned.", []string{"In May=2025-05"}},
		{"name before may", "2025-05-11", "", "Kessler met Ottilie May 26 times.", nil},
		// Bare months follow the tense; candidacies and pushes look ahead.
		{"running for", "2010-06-15", "", "Brandt is running for re-election against Ilse Kessler, a retired judge, in November.", []string{"in November=2010-11"}},
		{"push for", "2010-06-15", "", "The Greens stepped up their push for seats on the council in November.", []string{"in November=2010-11"}},
		{"was running", "2010-06-15", "", "Brandt was running for re-election in November.", []string{"in November=2009-11"}},
		{"lost a bid", "2010-06-15", "", "Brandt lost her bid for re-election in November.", []string{"in November=2009-11"}},
		{"month past", "2010-06-15", "", "The Greens won seats on the council in November.", []string{"in November=2009-11"}},
		// Demands and proposals look ahead to their object's date.
		{"demanding a modifier", "2025-05-11", "", "Kessler dismissed the notes issued by officials demanding a Monday ceasefire.", []string{"Monday=2025-05-12"}},
		{"proposed a modifier", "2025-05-11", "", "Kessler proposed a Thursday vote.", []string{"Thursday=2025-05-15"}},
		{"calling for", "2025-05-11", "", "Unions are calling for a strike on Tuesday.", []string{"on Tuesday=2025-05-13"}},
		{"possessive future", "2025-05-11", "", "Tuesday's vote will settle it.", []string{"Tuesday's=2025-05-13"}},
		{"demanded adverbial", "2025-05-11", "", "Protesters demanded the mayor's resignation on Friday.", []string{"on Friday=2025-05-09"}},
		{"proposed on", "2025-05-11", "", "Kessler proposed on Thursday that the port close.", []string{"on Thursday=2025-05-08"}},
		{"called weekday for", "2025-05-11", "", "Unions called Monday for a strike.", []string{"Monday=2025-05-05"}},
		{"rejected modifier", "2025-05-11", "", "Brandt rejected a Monday ceasefire.", []string{"Monday=2025-05-05"}},
		{"proposed adjective", "2025-05-11", "", "Brandt opposed the proposed levy on Friday.", []string{"on Friday=2025-05-09"}},
		{"registered adjective", "2025-05-11", "", "Kessler will face Ilse Brandt, a registered nurse, in June.", []string{"in June=2025-06"}},
		// Programme names are not dates.
		{"quoted show", "2025-05-11", "", "Brandt told Brask TV's “Today” show she would stay.", nil},
		{"quoted title before a stop", "2025-05-11", "", "Kessler was on Brask TV's \"This Week.\"", nil},
		{"capitalised mid-sentence", "2025-05-11", "", "Kessler spoke on Brask TV's This Week programme and to the Osterby Today paper.", nil},
		{"sentence start", "2025-05-11", "", "Today the council votes. This week, talks resume.", []string{"Today=2025-05-11", "This week=2025-05-05"}},
		{"quoted speech", "2025-05-11", "", "“Today,” she said, “we vote.”", []string{"Today=2025-05-11"}},
		{"after a dateline dash", "2025-05-11", "", "OSTERBY — Today the council votes.", []string{"Today=2025-05-11"}},
		{"title case headline", "2025-05-11", "Brask Council Votes Today On Harbour Levy", "", []string{"Today=2025-05-11"}},
		{"title case headline week", "2025-05-11", "Talks With Varnholt Resume Next Week", "", []string{"Next Week=2025-05-12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, _, _ := Dates(model.Article{Published: tt.published, Title: tt.title, Body: tt.body})
			if got := dateStrings(ms); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Dates(%q) = %q, want %q", tt.title+tt.body, got, tt.want)
			}
			for _, m := range ms {
				if strings.Contains(tt.body, "1990's") && !strings.Contains(m.Sentence, m.Text+"'s") {
					t.Errorf("decade suffix lost from the sentence: %+v", m)
				}
			}
		})
	}
}
