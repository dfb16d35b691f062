package compare

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestStandsAlone(t *testing.T) {
	names := []nameForm{{form: "Ida Sorn", key: "p1", typ: model.Person}, {form: "Sorn", key: "p1", typ: model.Person},
		{form: "Orvel", key: "l1", typ: model.Place}}
	tests := []struct {
		text string
		want bool
	}{
		{"Ida Sorn said the Orvel dam had failed after three days of rain.", true},
		{"Floodwater from the Orvel dam killed nine people on Thursday.", true},
		{"The regional council will meet on Monday to approve emergency funds for Orvel.", true},
		{"Sorn said she would visit the town of Orvel on Friday.", true},
		{"Speaking in Orvel, Ida Sorn promised to rebuild every home.", true},
		// A pronoun or connective opens it.
		{"He said the Orvel dam had failed after three days of rain.", false},
		{"However, the Orvel council has not yet approved the money.", false},
		{"In addition, the Orvel council approved money for the ferry.", false},
		{"Previously, she had spoken out against the Orvel dam plan.", false},
		// The subject is known only by a description.
		{"The 49-year-old teaches at a small college north of Orvel.", false},
		{"The congressman, who called the incident mischief, said nothing more.", false},
		{"The ad is a statewide buy in Orvel that starts Wednesday.", false},
		{"The vice president dominated the Orvel debate from the start.", false},
		{"The Velk congressman is facing a deadline to leave the Orvel race.", false},
		{"The lieutenant governor, Ida Sorn, denied the Orvel allegations.", true},
		// The speaker or actor is only a pronoun.
		{"Noting that he was a sailor himself, he said that Orvel had to admit it.", false},
		{"The Orvel dam, he said, would be rebuilt by the spring.", false},
		{"At the bottom of the page, across her portrait, are the words of Ida Sorn.", false},
		{"What it accomplished among Orvel voters is hard to tell.", false},
		// It points back at earlier sentences.
		{"Putin, however, countered with a proposal for talks in Orvel.", false},
		{"Ida Sorn then left the Orvel hearing room with her lawyer.", false},
		{"Orvel police have also opened an unrelated inquiry into the dam.", false},
		{"The Orvel treasury answered some of those questions on Thursday.", false},
		{"Ida Sorn made a second attempt to persuade the Orvel council.", false},
		{"Ida Sorn said that because of this trend Orvel must build dams.", false},
		{"Ida Sorn said this week that Orvel must build dams.", true},
		{"In a statement released Tuesday, he decried the Orvel dam plan.", false},
		{"Members of the Orvel council are calling her evasive.", false},
		// It names no one, or leaves its verb to the sentence before.
		{"Metadata from the companies is used to find suspicious people.", false},
		{"When Kel Varno said he had, Ida Sorn produced the Orvel records.", false},
		{"Emails turned over to legislators suggest it may have been a message to Orvel.", false},
		// A column's or an unmarked quotation's first person.
		{"As my colleagues report from Orvel, the dam had cracked before.", false},
		// A parenthesis or a fragment.
		{"(Ida Sorn made waves in Orvel earlier in the year.)", false},
		{"and the Orvel dam had cracked before the storm came.", false},
	}
	for _, tt := range tests {
		if got := standsAlone(tt.text, names); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ORVEL — The dam failed on Thursday.", "The dam failed on Thursday."},
		{"NEW BRASK, Vel. -- The dam failed on Thursday.", "The dam failed on Thursday."},
		{"ORVEL—Rescuers searched the town.", "Rescuers searched the town."},
		{"Orvel: Rescuers searched the town.", "Rescuers searched the town."},
		{"UPDATE: 9 p.m. -- Rescuers searched the town.", "UPDATE: 9 p.m. -- Rescuers searched the town."},
		{"Rescuers searched the town — all of it.", "Rescuers searched the town — all of it."},
	}
	for _, tt := range tests {
		if got := stripDateline(tt.in); got != tt.want {
			t.Errorf("stripDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBriefRules builds briefs of invented articles: sentences that lean
// on context stay out, a claim whose representative leans on context is
// told by a member that stands alone, and every article stating the
// sentence is cited.
func TestBriefRules(t *testing.T) {
	arts := []model.Article{
		{ID: 1, Outlet: "Orvel Courier", Body: "The broken Tarrow dam flooded the town of Orvel on Thursday, killing nine people.\n\n" +
			"Both parties are to blame, he said. The council builds and the ministry forgets, while the people pay.\n\n" +
			"The council will meet on Monday to approve emergency funds for Orvel."},
		{ID: 2, Outlet: "Brask Herald", Body: "The broken Tarrow dam flooded the town of Orvel on Thursday, killing nine people there.\n\n" +
			"He added that the Orvel council will meet on Monday to approve emergency funds."},
		{ID: 3, Outlet: "Velk Wire", Body: "The Tarrow dam broke and flooded the town of Orvel on Thursday, killing nine people.\n\n" +
			"The Orvel council meets on Monday to approve emergency funds for the town."},
	}
	r := Build(model.Story{ID: 1}, arts)
	if len(r.Summary) == 0 || len(r.Summary) > briefLen {
		t.Fatalf("brief has %d sentences: %+v", len(r.Summary), r.Summary)
	}
	for _, s := range r.Summary {
		if strings.HasPrefix(s.Text, "He ") || strings.Contains(s.Text, "ministry forgets") {
			t.Errorf("a sentence leaning on context is in the brief: %q", s.Text)
		}
		if strings.Contains(s.Text, "emergency funds") && len(s.ArticleIDs) < 3 {
			t.Errorf("the funds sentence cites %v, want all three articles", s.ArticleIDs)
		}
		if strings.Contains(s.Text, "killing nine") && len(s.ArticleIDs) != 3 {
			t.Errorf("the flood sentence cites %v, want all three articles", s.ArticleIDs)
		}
	}
}

func TestContinuesSpeechAndQuotation(t *testing.T) {
	body := "Both parties are to blame, he said. The council builds and the ministry forgets, while the people pay.\n\n" +
		"\"The river took everything from us.\n\nWe will rebuild every home in Orvel by the spring.\n\n" +
		"The council will pay for all of it,\" Ida Sorn said."
	a := model.Article{ID: 1, Outlet: "Orvel Courier", Body: body, Enrichment: &model.Enrichment{Quotes: []model.Quote{
		{Text: "The river took everything from us. We will rebuild every home in Orvel by the spring. The council will pay for all of it,", Speaker: "Ida Sorn"}}}}
	d := prepare([]model.Article{a})[0]
	if len(d.sents) < 4 {
		t.Fatalf("sentences: %d", len(d.sents))
	}
	if !continuesSpeech(d.sents[1]) || continuesSpeech(d.sents[0]) {
		t.Errorf("continuesSpeech: %v %v", continuesSpeech(d.sents[0]), continuesSpeech(d.sents[1]))
	}
	found := false
	for _, s := range d.sents {
		if strings.HasPrefix(s.text, "We will rebuild") {
			found = true
			if !insideQuotation(s) {
				t.Errorf("%q is a piece of a quotation", s.text)
			}
		}
		if strings.HasPrefix(s.text, "Both parties") && insideQuotation(s) {
			t.Errorf("%q is no quotation", s.text)
		}
	}
	if !found {
		t.Errorf("no sentence inside the quotation among %d", len(d.sents))
	}
}

func FuzzStandsAlone(f *testing.F) {
	f.Add("ORVEL — The dam failed, he said, on Thursday.")
	f.Add("Orvel: (it) those")
	f.Fuzz(func(t *testing.T, s string) {
		standsAlone(stripDateline(s), []nameForm{{form: "Orvel", key: "l1"}})
		describedSubject(s)
	})
}

func TestVagueReference(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Ida Sorn said the program would close in Orvel next year.", true},
		{"Ida Sorn apologised in Orvel for the comments.", true},
		{"Velk delegates approved the measure Tuesday in Orvel.", true},
		{"Orvel voters expect that the governor will sign within a week.", true},
		{"Ida Sorn said the program, called Clearwater, would close in Orvel.", false},
		{"Ida Sorn defended the Orvel Water Act on Friday.", false},
		{"The council passed a bill on Friday, and Ida Sorn said the bill would cut taxes.", false},
		{"Ida Sorn said the bill to raise the Orvel ferry fare would fail.", false},
		{"The state legislature passed the bill, known as SB 12, last week.", false},
		{"Ida Sorn regretted the comments she made about Orvel farmers.", false},
		{"Orvel voters expect the governor, Ida Sorn, to sign within a week.", false},
	}
	for _, tt := range tests {
		if got := vagueReference(tt.text); got != tt.want {
			t.Errorf("vagueReference(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestStandsAloneStrict(t *testing.T) {
	names := []nameForm{{form: "Ida Sorn", key: "p1", typ: model.Person}, {form: "Orvel", key: "l1", typ: model.Place}}
	tests := []struct {
		text string
		want bool
	}{
		{"The two towns filed a lawsuit against Orvel on Friday.", false},
		{"Ferry fares are higher in such towns than in Orvel.", false},
		{"Towns such as Orvel pay higher ferry fares.", true},
		{"US officials said Ida Sorn had left Orvel on Friday.", true},
	}
	for _, tt := range tests {
		if got := standsAlone(tt.text, names); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsReaction(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Floodwater killed nine people in Orvel on Thursday, officials said.", false},
		{"Rescue crews searched Orvel through Thursday night.", false},
		{"Ida Sorn blamed the collapse on heavy rain.", true},
		{"Ida Sorn said the Orvel dam had failed.", true},
		{"Ida Sorn promised: \"We will rebuild Orvel.\"", true},
	}
	for _, tt := range tests {
		if got := isReaction(tt.text); got != tt.want {
			t.Errorf("isReaction(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestBriefSharedFirst: a single-outlet sentence never displaces a
// stand-alone sentence two outlets share, and an opening name the
// enrichment missed lets a later "he" through.
func TestBriefSharedFirst(t *testing.T) {
	arts := []model.Article{
		{ID: 1, Outlet: "Orvel Courier", Body: "The Tarrow dam broke and flooded the town of Orvel on Thursday, killing nine people.\n\n" +
			"Harbour master Kel Varno counted forty boats lost in the Orvel marina on Friday morning.\n\n" +
			"Varno told reporters he expects the Orvel marina to reopen in May."},
		{ID: 2, Outlet: "Brask Herald", Body: "The broken Tarrow dam flooded the town of Orvel on Thursday, killing nine people there."},
	}
	r := Build(model.Story{ID: 1}, arts)
	if len(r.Summary) == 0 || len(r.Summary[0].Outlets) != 2 {
		t.Fatalf("the shared flood sentence does not lead: %+v", r.Summary)
	}
	d := prepare(arts[:1])[0]
	last := d.sents[len(d.sents)-1]
	if _, fault := briefFault(last); fault != "" {
		t.Errorf("%q: fault %q, want none", last.text, fault)
	}
}
