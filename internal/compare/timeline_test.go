package compare

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

// dm is a hand-made date mention of the first paragraph.
func dm(text, date, sentence string) model.DateMention {
	return model.DateMention{Text: text, Date: date, Sentence: sentence}
}

// datedArticle is an invented one-paragraph article with its date mentions.
func datedArticle(id int64, outlet, body string, ms ...model.DateMention) model.Article {
	return model.Article{ID: id, Outlet: outlet, Published: "2031-03-14", Body: body,
		Enrichment: &model.Enrichment{Dates: ms}}
}

func TestWhenOf(t *testing.T) {
	tests := []struct {
		sentence, text, date string
		label, start         string
		prec                 precision
	}{
		{"The Orvel council met on Tuesday.", "on Tuesday", "2031-03-11", "2031-03-11", "2031-03-11", precDay},
		{"The Orvel council met last week.", "last week", "2031-03-03", "week of 2031-03-03", "2031-03-03", precWeek},
		{"Two weeks ago the ferry from Brask sank.", "Two weeks ago", "2031-02-28", "week of 2031-02-24", "2031-02-24", precWeek},
		{"Talks in Brask ran over the weekend.", "the weekend", "2031-03-08", "weekend of 2031-03-08", "2031-03-08", precWeekend},
		{"The Orvel dam was finished in March 2029.", "in March 2029", "2029-03", "2029-03", "2029-03-01", precMonth},
		{"In 2029, the Orvel dam was finished.", "In 2029", "2029", "2029", "2029-01-01", precYear},
		{"In the 1990's, Ida Sorn ran the Brask port.", "1990", "1990", "1990s", "1990-01-01", precDecade},
		{"In the 1990s, Ida Sorn ran the Brask port.", "1990", "1990", "1990s", "1990-01-01", precDecade},
		{"In 1990 Ida Sorn ran the Brask port.", "1990", "1990", "1990", "1990-01-01", precYear},
	}
	for _, tt := range tests {
		m := dm(tt.text, tt.date, tt.sentence)
		w, ok := whenOf(m, tt.sentence, mentionAt(tt.sentence, tt.text))
		if !ok || w.label != tt.label || w.start != tt.start || w.prec != tt.prec {
			t.Errorf("%q %q: got %+v %v, want %q %q %d", tt.sentence, tt.text, w, ok, tt.label, tt.start, tt.prec)
		}
	}
	if _, ok := whenOf(dm("soon", "someday", ""), "", -1); ok {
		t.Errorf("an unreadable date was read")
	}
}

func TestBackground(t *testing.T) {
	tests := []struct {
		sentence, text, date string
		want                 bool
	}{
		// Dates of what the sentence reports.
		{"In 1970, Ida Sorn joined the Brask harbour guard.", "In 1970", "1970", false},
		{"Ida Sorn joined the Brask harbour guard in 1970.", "in 1970", "1970", false},
		{"The ferry line was founded in 1970 by Ida Sorn.", "in 1970", "1970", false},
		{"In the 1990's, Ida Sorn ran the Brask port.", "1990", "1990", false},
		{"Velk Party lawmakers met in March to pick a leader.", "in March", "2031-03", false},
		{"The Brask council, which meets daily, voted on Tuesday.", "on Tuesday", "2031-03-11", false},
		{"Earlier this year, the Orvel council cut the ferry budget.", "Earlier this year", "2031", false},
		// Dates given in passing.
		{"Ida Sorn has run the Brask port since 2019.", "2019", "2019", true},
		{"Ida Sorn ran the Brask port from 2019 to 2024.", "2019", "2019", true},
		{"Ida Sorn ran the Brask port from 2019 to 2024.", "2024", "2024", true},
		{"Ida Sorn, who ran the Brask port in 2019, spoke on Tuesday.", "in 2019", "2019", true},
		{"Her father, who backed the Orvel dam in 2009, spoke too.", "in 2009", "2009", true},
		{"It is a motto that was adopted in 1956 in Brask.", "in 1956", "1956", true},
		{"Two chapels, founded in 1970 and 1985, stand near the Orvel pier.", "in 1970", "1970", true},
		{"Orvel lawmakers elected in 2010 were hoping for a vote.", "in 2010", "2010", true},
		{"The speech came before the 2032 Velk Party convention.", "2032", "2032", true},
		{"Ida Sorn wrote a 1999 book about the Brask port.", "1999", "1999", true},
		{"It was the worst flood since the Great Storm of 1962.", "1962", "1962", true},
		{"Funding rose to 4 million crowns in fiscal 2030.", "2030", "2030", true},
		{"Her son, who drowned in December, was nine.", "in December", "2030-12", true},
		{"The Orvel ferries have run late since Tuesday.", "Tuesday", "2031-03-11", true},
		{"Nine seats are in play this year in Orvel.", "this year", "2031", true},
	}
	for _, tt := range tests {
		m := dm(tt.text, tt.date, tt.sentence)
		at := mentionAt(tt.sentence, tt.text)
		w, _ := whenOf(m, tt.sentence, at)
		if got := background(tt.sentence, at, m, w.prec); got != tt.want {
			t.Errorf("background(%q, %q) = %v, want %v", tt.sentence, tt.text, got, tt.want)
		}
	}
}

func TestQuotedRelative(t *testing.T) {
	tests := []struct {
		sentence, text string
		want           bool
	}{
		{`"As I said yesterday, the Orvel dam is safe," Ida Sorn said.`, "yesterday", true},
		{`“We meet on Thursday,” Ida Sorn said on Monday.`, "on Thursday", true},
		{`“We meet on Thursday,” Ida Sorn said on Monday.`, "on Monday", false},
		{`Ida Sorn told "Today" she would stay.`, "Today", true},
		{`"We met on March 3, 2031," Ida Sorn said.`, "March 3, 2031", false},
	}
	for _, tt := range tests {
		if got := quotedRelative(tt.sentence, mentionAt(tt.sentence, tt.text), tt.text); got != tt.want {
			t.Errorf("quotedRelative(%q, %q) = %v, want %v", tt.sentence, tt.text, got, tt.want)
		}
	}
}

// TestTimelineRules builds timelines of invented articles: each event is
// told by a sentence that carries its date, at the precision written, in
// order, with dates given in passing left out unless two outlets agree.
func TestTimelineRules(t *testing.T) {
	const (
		s1 = "The Brask ferry sank last week near the Orvel pier."
		s2 = "In the 1990's, Ida Sorn ran the Brask port."
		s3 = "Ida Sorn, who ran the Brask port since 2019, spoke on Tuesday about the ferry."
		s4 = "Divers searched the Orvel pier on Tuesday for the ferry."
		s5 = "Ida Sorn wrote a 1999 book about the Brask ferry disaster of 1962."
		s6 = "Kel Varno wrote a 1999 book about the Brask ferry disaster of 1962."
	)
	a := datedArticle(1, "Orvel Courier", strings.Join([]string{s1, s2, s3, s5}, " "),
		dm("last week", "2031-03-03", s1),
		dm("1990", "1990", s2),
		dm("2019", "2019", s3),
		dm("on Tuesday", "2031-03-11", s3),
		dm("Tuesday", "2031-03-11", s4), // points at a sentence without it
		dm("1999", "1999", s5),
		dm("1962", "1962", s5))
	b := datedArticle(2, "Brask Herald", strings.Join([]string{s4, s6}, " "),
		dm("on Tuesday", "2031-03-11", s4),
		dm("1999", "1999", s6),
		dm("1962", "1962", s6))
	got := timeline(prepare([]model.Article{a, b}))
	var lines []string
	for _, e := range got {
		lines = append(lines, e.Date+" "+e.Text)
	}
	// s5 gives 1962 and 1999: a sentence stands once, on the first of its
	// finest dates.
	wantDates := []string{"1990s", "1999", "week of 2031-03-03", "2031-03-11"}
	var dates []string
	for _, e := range got {
		if len(dates) == 0 || dates[len(dates)-1] != e.Date {
			dates = append(dates, e.Date)
		}
	}
	if strings.Join(dates, "|") != strings.Join(wantDates, "|") {
		t.Errorf("dates %q, want %q\n%s", dates, wantDates, strings.Join(lines, "\n"))
	}
	for _, e := range got {
		if e.Date == "2019" {
			t.Errorf("a tenure year became an event: %+v", e)
		}
		if e.Date == "1999" && len(e.ArticleIDs) != 2 {
			t.Errorf("1999 should stand, told by both outlets: %+v", e)
		}
		if e.Date == "2031-03-11" && !strings.Contains(e.Text, "Tuesday") {
			t.Errorf("Tuesday event told by a sentence without it: %+v", e)
		}
	}
}

func TestTimelineLoneBackgroundDropped(t *testing.T) {
	s := "Ida Sorn wrote a 1999 book about the Brask port."
	a := datedArticle(1, "Orvel Courier", s, dm("1999", "1999", s))
	if got := timeline(prepare([]model.Article{a})); len(got) != 0 {
		t.Errorf("a year in passing told by one outlet became an event: %+v", got)
	}
}

func TestSentenceForNeedsTheMention(t *testing.T) {
	a := datedArticle(1, "Orvel Courier", "The Orvel pier closed on Monday. Divers came back later.")
	d := prepare([]model.Article{a})[0]
	if s := sentenceFor(d, 0, "Divers came back later.", "on Monday"); s == nil || !strings.Contains(s.text, "on Monday") {
		t.Errorf("sentenceFor gave %+v, want the sentence with the mention", s)
	}
	if s := sentenceFor(d, 0, "Divers came back later.", "on Friday"); s != nil {
		t.Errorf("sentenceFor gave %q for a mention no sentence carries", s.text)
	}
}

func FuzzTimelineRules(f *testing.F) {
	f.Add("In the 1990's, Ida Sorn ran the Brask port since 2019.", "1990", "1990")
	f.Add("Ida Sorn, who ran it from 2019 to 2024, spoke last week.", "last week", "2031-03-03")
	f.Add(`"We meet on Thursday," she said.`, "on Thursday", "2031-03-13")
	f.Fuzz(func(t *testing.T, sentence, text, date string) {
		m := dm(text, date, sentence)
		at := mentionAt(sentence, text)
		if w, ok := whenOf(m, sentence, at); ok {
			background(sentence, at, m, w.prec)
		}
		quotedRelative(sentence, at, text)
		wordTokens(sentence)
	})
}
