package enrich

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// dateStrings renders mentions as "text=date", with "*" after an inferred one.
func dateStrings(ms []model.DateMention) []string {
	var out []string
	for _, m := range ms {
		s := m.Text + "=" + m.Date
		if m.Inferred {
			s += "*"
		}
		out = append(out, s)
	}
	return out
}

// Every sentence below is invented. 2025-05-11 is a Sunday; 2025-01-02 a
// Thursday; 2024-03-01 a Friday.
func TestDates(t *testing.T) {
	tests := []struct {
		name      string
		published string
		body      string
		want      []string
	}{
		// Absolute forms.
		{"day month year", "2025-05-11", "The accord was signed on 11 May 2025 in Varnholt.", []string{"on 11 May 2025=2025-05-11"}},
		{"ordinal of", "2025-05-11", "It lapsed on the 3rd of May, 2025.", []string{"3rd of May, 2025=2025-05-03"}},
		{"month day year", "2025-05-11", "The accord was signed May 11, 2025, at noon.", []string{"May 11, 2025=2025-05-11"}},
		{"abbreviated month", "2025-05-11", "Brandt took office on Jan. 28, 2019.", []string{"on Jan. 28, 2019=2019-01-28"}},
		{"sept", "2025-05-11", "The raid of Sept. 3 2012 was never solved.", []string{"Sept. 3 2012=2012-09-03"}},
		{"iso", "2025-05-11", "The figures were published on 2025-05-03.", []string{"on 2025-05-03=2025-05-03"}},
		{"day first slashes", "2025-05-11", "The letter is dated 25/04/2025.", []string{"25/04/2025=2025-04-25"}},
		{"month first slashes", "2025-05-11", "The letter is dated 04/25/2025.", []string{"04/25/2025=2025-04-25"}},
		{"ambiguous slashes", "2025-05-11", "The letter is dated 05/04/2025.", nil},
		{"year first slashes", "2025-05-11", "The letter is dated 2025/04/25.", []string{"2025/04/25=2025-04-25"}},
		{"month year", "2025-05-11", "The plant closed in March 2024.", []string{"in March 2024=2024-03"}},
		{"early month year", "2025-05-11", "The plant closed in early March 2024.", []string{"in early March 2024=2024-03"}},
		{"year", "2025-05-11", "Osterby joined the league in 2014.", []string{"in 2014=2014"}},
		{"year as modifier", "2025-05-11", "Critics recalled the 2022 elections and mid-2019.", []string{"2022=2022", "mid-2019=2019"}},
		{"decade and counts are not years", "2025-05-11", "Since the 1990s some 2000 people left; it cost $2000 and 1999%.", nil},
		{"model number", "2025-05-11", "The RTX 2060 is fast.", nil},
		{"count before plural", "2025-05-11", "Floods displaced 2000 families.", nil},
		{"month alone past", "2025-05-11", "Prices fell in March.", []string{"in March=2025-03"}},
		{"month alone later in year is last year", "2025-05-11", "Prices fell in September.", []string{"in September=2024-09"}},
		{"month alone future", "2025-05-11", "The new line will open in February.", []string{"in February=2026-02"}},
		{"last month name", "2025-05-11", "Brandt resigned last May.", []string{"last May=2024-05"}},
		{"yearless nearest", "2025-05-11", "Talks resume on May 15.", []string{"on May 15=2025-05-15"}},
		{"yearless day first", "2025-05-11", "Talks resume on 15 May.", []string{"on 15 May=2025-05-15"}},
		{"weekday beside a date", "2025-05-11", "Talks resume on Thursday, May 15, in Osterby.", []string{"on Thursday, May 15=2025-05-15"}},
		// Weekdays and tense.
		{"past weekday", "2025-05-11", "Mayor Ilse Brandt resigned on Thursday.", []string{"on Thursday=2025-05-08"}},
		{"past weekday on the day", "2025-05-11", "The ferry sank on Sunday.", []string{"on Sunday=2025-05-11"}},
		{"will", "2025-05-11", "The council will vote on Thursday.", []string{"on Thursday=2025-05-15"}},
		{"future weekday on the day", "2025-05-11", "The council will vote on Sunday.", []string{"on Sunday=2025-05-11"}},
		{"next on the day", "2025-05-11", "The council votes next Sunday.", []string{"next Sunday=2025-05-18"}},
		{"clause after the date", "2025-05-11", "Brandt warned on Wednesday that the dam would fail.", []string{"on Wednesday=2025-05-07"}},
		{"cue past a comma", "2025-05-11", "On Friday, Brandt will sign it.", []string{"On Friday=2025-05-16"}},
		{"comma shields the left cue", "2025-05-11", "The plan, first reported in Friday's papers, should pass.", []string{"in Friday's=2025-05-09"}},
		{"adjective participle", "2025-05-11", "Brandt canceled a scheduled interview Monday night.", []string{"Monday=2025-05-05"}},
		{"set off", "2025-05-11", "The report set off a debate on Friday.", []string{"on Friday=2025-05-09"}},
		{"expected", "2025-05-11", "Brandt is expected to testify Thursday.", []string{"Thursday=2025-05-15"}},
		{"plans to", "2025-05-11", "Brandt plans to travel to Osterby on Friday.", []string{"on Friday=2025-05-16"}},
		{"waiting", "2025-05-11", "“I will be waiting for Kessler in Varnholt on Thursday,” she said.", []string{"on Thursday=2025-05-15"}},
		{"starting", "2025-05-11", "Unions backed a 30-day truce starting Monday.", []string{"Monday=2025-05-12"}},
		{"infinitive of intent", "2025-05-11", "Kessler accepted an offer to meet Brandt on Thursday.", []string{"on Thursday=2025-05-15"}},
		{"cue on the right", "2025-05-11", "On Tuesday, the minister said the port was closed.", []string{"On Tuesday=2025-05-06"}},
		{"two tenses, two dates", "2025-05-11", "Brandt said on Friday that she would meet Kessler on Wednesday.", []string{"on Friday=2025-05-09", "on Wednesday=2025-05-14"}},
		{"no cue is past", "2025-05-11", "Strikes on Monday.", []string{"on Monday=2025-05-05"}},
		{"next and last", "2025-05-11", "Not last Friday but next Friday.", []string{"last Friday=2025-05-09", "next Friday=2025-05-16"}},
		{"last on the day", "2025-05-11", "It rained last Sunday.", []string{"last Sunday=2025-05-04"}},
		{"possessive", "2025-05-11", "Thursday's vote was close.", []string{"Thursday's=2025-05-08"}},
		{"weekday names", "2025-05-11", "After Good Friday, the Sunday Times said Ottilie May was right.", nil},
		// Relative words and periods.
		{"yesterday today tomorrow", "2025-05-11", "Yesterday it rained, today it pours and tomorrow it clears.", []string{"Yesterday=2025-05-10", "today=2025-05-11", "tomorrow=2025-05-12"}},
		{"last night", "2025-05-11", "Shelling resumed last night.", []string{"last night=2025-05-10"}},
		{"last week", "2025-05-11", "The talks collapsed last week.", []string{"last week=2025-04-28"}},
		{"earlier this week", "2025-05-11", "The talks collapsed earlier this week.", []string{"earlier this week=2025-05-05"}},
		{"next week", "2025-05-11", "The talks resume next week.", []string{"next week=2025-05-12"}},
		{"earlier this month", "2025-05-11", "Brandt spoke earlier this month.", []string{"earlier this month=2025-05"}},
		{"late last month", "2025-05-11", "Late last month, Brandt spoke.", []string{"Late last month=2025-04"}},
		{"next year", "2025-05-11", "Elections are due next year.", []string{"next year=2026"}},
		{"ago", "2025-05-11", "The dam broke two days ago and the levee 3 weeks ago, a year ago the canal.", []string{"two days ago=2025-05-09", "3 weeks ago=2025-04-20", "a year ago=2024"}},
		{"weekend", "2025-05-11", "Fighting eased over the weekend.", []string{"the weekend=2025-05-10"}},
		{"last weekend", "2025-05-14", "Fighting eased last weekend.", []string{"last weekend=2025-05-10"}},
		// Year rollover.
		{"rollover last month", "2025-01-02", "Prices rose last month.", []string{"last month=2024-12"}},
		{"rollover yearless", "2025-01-02", "The port reopened on Dec. 30.", []string{"on Dec. 30=2024-12-30"}},
		{"rollover weekday", "2025-01-02", "The port reopened on Monday.", []string{"on Monday=2024-12-30"}},
		{"rollover next", "2025-01-02", "It reopens next Friday.", []string{"next Friday=2025-01-03"}},
		{"rollover last year", "2025-01-02", "Exports fell last year.", []string{"last year=2024"}},
		{"rollover month past", "2025-01-02", "Exports fell in December.", []string{"in December=2024-12"}},
		{"rollover last week", "2025-01-02", "Exports fell last week.", []string{"last week=2024-12-23"}},
		// Leap years.
		{"leap day", "2025-05-11", "It opened on Feb. 29, 2024.", []string{"on Feb. 29, 2024=2024-02-29"}},
		{"no leap day", "2025-05-11", "It opened on Feb. 29, 2025.", nil},
		{"leap yesterday", "2024-03-01", "It opened yesterday.", []string{"yesterday=2024-02-29"}},
		{"leap yearless", "2025-03-10", "It opened on Feb. 29.", []string{"on Feb. 29=2024-02-29"}},
		{"impossible day", "2025-05-11", "It opened on April 31.", nil},
		// Published as a date-time keeps its calendar day.
		{"date-time", "2025-05-11T23:30:00-04:00", "It opened on Sunday.", []string{"on Sunday=2025-05-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, ref, inferred := Dates(model.Article{Published: tt.published, Body: tt.body})
			if got := dateStrings(ms); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Dates(%q) = %q, want %q", tt.body, got, tt.want)
			}
			if ref != tt.published[:10] || inferred {
				t.Errorf("ref = %q inferred %v, want %q false", ref, inferred, tt.published[:10])
			}
		})
	}
}

// TestDatesNoPublished: without a published date the reference is the
// latest past full date the text gives or the page shows, and mentions
// resolved against it are Inferred.
func TestDatesNoPublished(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		pageDates []string
		wantRef   string
		want      []string
	}{
		{"from the text", "The fund closed on March 3, 2025.\n\nOn Friday the board met.", nil,
			"2025-03-03", []string{"on March 3, 2025=2025-03-03", "On Friday=2025-02-28*"}},
		{"dateline", "OSTERBY, 14 April 2025 — The club, founded on 2 June 1998, folded. Its last match was on Saturday.", nil,
			"2025-04-14", []string{"14 April 2025=2025-04-14", "on 2 June 1998=1998-06-02", "on Saturday=2025-04-12*"}},
		{"background dates are not the writing date", "The club folded. Brandt recalled the floods of 2 June 1998 and the storm on 9 May 2001.\n\nIts last match was on Saturday.", nil,
			"", []string{"2 June 1998=1998-06-02", "on 9 May 2001=2001-05-09"}},
		{"a line of its own", "The club folded on Saturday.\n\nUpdated: 14 April 2025", nil,
			"2025-04-14", []string{"on Saturday=2025-04-12*", "14 April 2025=2025-04-14"}},
		{"beside a weekday", "The club folded.\n\nThe league, which was founded in 1921 and moved its offices to Osterby in 1998, said on Friday, April 11, 2025, that it had no choice. It met again on Monday.", nil,
			"2025-04-11", []string{"in 1921=1921", "in 1998=1998", "on Friday, April 11, 2025=2025-04-11", "on Monday=2025-04-07*"}},
		{"latest anchored wins", "OSTERBY, 2 June 2024 — Stub.\n\nUpdated: 14 April 2025", []string{"2025-01-01"},
			"2025-04-14", []string{"2 June 2024=2024-06-02", "14 April 2025=2025-04-14"}},
		{"future dates do not count", "The vote will be held on June 20, 2025. The mayor resigned on Friday.", nil,
			"", []string{"on June 20, 2025=2025-06-20"}},
		{"page dates", "The mayor spoke on Monday and will return on Thursday.", []string{"2025-06-02", "2025-05-30"},
			"2025-06-02", []string{"on Monday=2025-06-02*", "on Thursday=2025-06-05*"}},
		{"yearless needs the reference", "The fund closed on 3 March 2025 and reopens on April 2.", nil,
			"2025-03-03", []string{"on 3 March 2025=2025-03-03", "on April 2=2025-04-02*"}},
		{"nothing to go on", "The mayor resigned on Friday, in 2019 terms.", nil,
			"", []string{"in 2019=2019"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, ref, inferred := Dates(model.Article{Body: tt.body, PageDates: tt.pageDates})
			if got := dateStrings(ms); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mentions = %q, want %q", got, tt.want)
			}
			if ref != tt.wantRef || inferred != (tt.wantRef != "") {
				t.Errorf("ref = %q inferred %v, want %q", ref, inferred, tt.wantRef)
			}
		})
	}
}

// TestDatesPlaces checks paragraph indexes, the headline and sentences.
func TestDatesPlaces(t *testing.T) {
	a := model.Article{
		Title:     "Brandt to meet Kessler on Thursday",
		Published: "2025-05-11",
		Body:      "Talks failed. Brandt left on Friday.\n\nShe returns on 20 May.",
	}
	ms, _, _ := Dates(a)
	want := []model.DateMention{
		{Text: "on Thursday", Date: "2025-05-15", Paragraph: -1, Sentence: "Brandt to meet Kessler on Thursday"},
		{Text: "on Friday", Date: "2025-05-09", Paragraph: 0, Sentence: "Brandt left on Friday."},
		{Text: "on 20 May", Date: "2025-05-20", Paragraph: 1, Sentence: "She returns on 20 May."},
	}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("Dates = %+v\nwant %+v", ms, want)
	}
	if ms, ref, _ := Dates(model.Article{}); ms != nil || ref != "" {
		t.Errorf("empty article: %v %q", ms, ref)
	}
}

func FuzzDates(f *testing.F) {
	f.Add("2025-05-11", "Brandt met Kessler on Thursday, May 15, 2025, and will return next Friday.")
	f.Add("", "On 29 Feb. 2024 — 05/04/2025 — late last month; 3 weeks ago; Sept. 3 2012. May")
	f.Add("2024-02-29T10:00:00Z", "Thursday's\u2019s mid-2019 in March 2024 yesterday 1990s HK$5bn")
	f.Add("0000-01-01", "ThursdAY") // once resolved to year -1
	f.Fuzz(func(t *testing.T, published, body string) {
		a := model.Article{Published: published, Title: body, Body: body}
		ms, ref, _ := Dates(a)
		for _, m := range ms {
			if !strings.Contains(body, m.Text) || !strings.Contains(m.Sentence, m.Text) {
				t.Fatalf("mention %+v not in its text", m)
			}
			if !validDateString(m.Date) {
				t.Fatalf("bad date %q for %q", m.Date, m.Text)
			}
		}
		if ref != "" && !validDateString(ref) {
			t.Fatalf("bad ref %q", ref)
		}
	})
}

// validDateString accepts 2006-01-02, 2006-01 and 2006.
func validDateString(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// TestDatesURLReference: an undated article whose URL's path carries a
// date resolves its relative dates against that day, unless its text
// anchors a later one.
func TestDatesURLReference(t *testing.T) {
	tests := []struct {
		url, body, wantRef string
		want               []string
	}{
		{"https://news.example.org/2025/06/02/mayor-resigns", "The mayor resigned on Friday.",
			"2025-06-02", []string{"on Friday=2025-05-30*"}},
		{"https://example.org/2025/04/13/club", "OSTERBY, 14 April 2025 — The club folded on Saturday.",
			"2025-04-14", []string{"14 April 2025=2025-04-14", "on Saturday=2025-04-12*"}},
		{"https://example.org/club-folds", "The club folded on Saturday.", "", nil},
	}
	for _, tt := range tests {
		ms, ref, _ := Dates(model.Article{URL: tt.url, Body: tt.body})
		if got := dateStrings(ms); ref != tt.wantRef || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ref %q, mentions %q; want %q, %q", tt.url, ref, got, tt.wantRef, tt.want)
		}
	}
}
