package cluster

import (
	"testing"
	"time"
)

func TestTextDates(t *testing.T) {
	d := func(y int, m time.Month, day int) string {
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"Talks on May 11, 2025 in Istanbul", []string{d(2025, 5, 11)}},
		{"on 11 May 2025 20:24", []string{d(2025, 5, 11)}},
		{"saved 2025-05-11T20:24:00Z", []string{d(2025, 5, 11)}},
		{"the attack of Sept. 11, 2012, and Jan. 3 2013", []string{d(2012, 9, 11), d(2013, 1, 3)}},
		{"9 Feb. 2025 14:26", []string{d(2025, 2, 9)}},
		{"Thursday, May 8, 2025, in the East Room", []string{d(2025, 5, 8)}},
		{"the 1st of May", nil},
		{"May 1st, 2020 and 2nd June 2021", []string{d(2020, 5, 1), d(2021, 6, 2)}},
		{"MARCH 3, 2011", []string{d(2011, 3, 3)}},
		{"May 10", nil},                // no year: ignored
		{"December 2019", nil},         // no day
		{"Feb 30, 2024", nil},          // impossible day
		{"May 11, 1850", nil},          // out of range
		{"May 11, 20255", nil},         // not a year
		{"x2025-05-11", nil},           // glued to a word
		{"2025-5-11", nil},             // ISO needs two digits
		{"version 1.11 May 2025", nil}, // "1.11" is not a day
		{"they may 11, 2025 agree", []string{d(2025, 5, 11)}}, // accepted: rare and harmless
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range TextDates(tt.in) {
			got = append(got, x.Format(time.DateOnly))
		}
		if len(got) != len(tt.want) {
			t.Errorf("TextDates(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("TextDates(%q) = %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

func TestArticleTime(t *testing.T) {
	day := func(s string) int32 { x, _ := time.Parse(time.DateOnly, s); return dayOf(x) }
	tests := []struct {
		published, url, body string
		want                 artTime
	}{
		{"2025-05-11", "", "on 1 Jan 2020", artTime{day("2025-05-11"), timePublished}},
		{"2025-05-11T20:24:00+03:00", "", "", artTime{day("2025-05-11"), timePublished}},
		{"2025-05-11", "https://example.org/2025/05/12/talks", "", artTime{day("2025-05-11"), timePublished}},
		{"", "https://example.org/2025/05/12/talks", "on 1 Jan 2020", artTime{day("2025-05-12"), timeURL}},
		{"", "", "on 1 Jan 2020, 3 Jan 2020 and 9 Jan 2020", artTime{day("2020-01-03"), timeMentioned}},
		{"", "", "on 1 Jan 2020 and 9 Jan 2020", artTime{day("2020-01-01"), timeMentioned}},
		{"garbage", "", "nothing dated", artTime{}},
	}
	for _, tt := range tests {
		if got := articleTime(tt.published, tt.url, nil, "", tt.body); got != tt.want {
			t.Errorf("articleTime(%q, %q) = %+v, want %+v", tt.published, tt.body, got, tt.want)
		}
	}
}

// FuzzTextDates: never panics, every date is valid and in range, and a date
// written in each layout is read back.
func FuzzTextDates(f *testing.F) {
	for _, s := range []string{"May 11, 2025", "11 May 2025", "2025-05-11", "Sept. 3 2012", "9 Feb. 2025 14:26", "May 1st, 2020", "—2025-05-11—"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, n int64) {
		for _, d := range TextDates(s) {
			if d.Year() < 1900 || d.Year() > 2100 || d.Hour() != 0 || d.Location() != time.UTC {
				t.Fatalf("TextDates(%q) gave %v", s, d)
			}
		}
		day := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(uint64(n)%73000))
		for _, layout := range []string{"January 2, 2006", "Jan. 2 2006", "2 January 2006", "2006-01-02"} {
			in := "Said on " + day.Format(layout) + ", officials."
			got := TextDates(in)
			if len(got) != 1 || !got[0].Equal(day) {
				t.Fatalf("TextDates(%q) = %v, want %v", in, got, day)
			}
		}
	})
}

func TestArticleTimePageDates(t *testing.T) {
	day := func(s string) int32 { x, _ := time.Parse(time.DateOnly, s); return dayOf(x) }
	got := articleTime("", "", []string{"2025-05-16", "2025-05-11", "junk"}, "", "on 1 Jan 2020")
	if want := (artTime{day("2025-05-16"), timeMentioned}); got != want {
		t.Errorf("page dates: %+v, want %+v", got, want)
	}
	if got := articleTime("2025-05-18", "", []string{"2025-05-16"}, "", ""); got.day != day("2025-05-18") {
		t.Errorf("published must win: %+v", got)
	}
}
