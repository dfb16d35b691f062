package compare

import (
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
)

// TestSeedsTrustworthy checks what issue 14 asks of the seeds' Istanbul
// story (000, 001, 004; 004 is article 3): what was said on 11 May stands
// on 11 May, speaking of the 15th; no sentence twice; a brief that opens
// with Zelensky agreeing to meet Putin in Turkey and never calls Trump
// "former"; 004 not said to leave out Trump urging Ukraine to accept;
// quoted words given to their speakers are not scare quotes; DEAL against
// MEETING labelled as changed words.
func TestSeedsTrustworthy(t *testing.T) {
	arts := seedArticles(t, "000_", "001_", "004_")
	r := Build(model.Story{ID: 1}, arts)
	checkStatementDays(t, r)
	checkNoSentenceTwice(t, r)
	checkBrief(t, r)
	checkOmission(t, r, arts[2])
	checkScareQuotes(t, r)
	checkDealMeeting(t, r)
}

func checkStatementDays(t *testing.T, r model.Report) {
	t.Helper()
	for _, want := range []*regexp.Regexp{regexp.MustCompile(`Truth Social`), regexp.MustCompile(`Zelensk\w* (wrote|posted) on X`)} {
		found := false
		for _, e := range r.Timeline {
			found = found || want.MatchString(e.Text) && e.Date == "2025-05-11" && e.EventDate == "2025-05-15" && e.Statement
		}
		if !found {
			t.Errorf("no statement matching %q on 2025-05-11 about 2025-05-15 in %s", want, timelineText(r))
		}
	}
}

func timelineText(r model.Report) string {
	var b strings.Builder
	for _, e := range r.Timeline {
		b.WriteString("\n" + e.Date + " → " + e.EventDate + " " + e.Text)
	}
	return b.String()
}

func checkNoSentenceTwice(t *testing.T, r model.Report) {
	t.Helper()
	seen := make(map[string]string)
	for _, e := range r.Timeline {
		for _, s := range e.Sentences {
			k := s.Text
			if prev, ok := seen[k]; ok {
				t.Errorf("sentence under %s and %s: %q", prev, e.Date, k)
			}
			seen[k] = e.Date
		}
	}
}

func checkBrief(t *testing.T, r model.Report) {
	t.Helper()
	if len(r.Summary) == 0 {
		t.Fatal("no brief")
	}
	first := r.Summary[0].Text
	news := regexp.MustCompile(`(?i)zelensk.*(accept|agree|readiness|ready).*putin.*(turkey|türkiye|istanbul)`)
	if !news.MatchString(first) {
		t.Errorf("first line does not say Zelensky agreed to meet Putin in Turkey: %q", first)
	}
	for _, s := range r.Summary {
		if strings.Contains(strings.ToLower(s.Text), "former") {
			t.Errorf("brief line carries 'former': %q", s.Text)
		}
	}
}

func checkOmission(t *testing.T, r model.Report, a004 model.Article) {
	t.Helper()
	urged := regexp.MustCompile(`(?i)(urg|call).*accept`)
	outlet := a004.OutletLabel()
	for _, c := range r.Claims {
		if urged.MatchString(c.Text) && len(c.Outlets) >= 2 && !contains(c.Outlets, outlet) && !contains(c.NotFound, outlet) {
			t.Errorf("004 said to leave out %q (outlets %v)", c.Text, c.Outlets)
		}
	}
}

func checkScareQuotes(t *testing.T, r model.Report) {
	t.Helper()
	for _, f := range r.Framing {
		for _, q := range f.ScareQuotes {
			for _, quoted := range []string{"ultimatums", "root causes", "bloodbath"} {
				if strings.Contains(strings.ToLower(q), quoted) {
					t.Errorf("%s: %q listed as a scare quote", f.Outlet, q)
				}
			}
		}
	}
}

func checkDealMeeting(t *testing.T, r model.Report) {
	t.Helper()
	for _, g := range r.Quotes {
		for _, v := range g.Variants {
			for _, c := range v.Changes {
				if c.From == "DEAL" && c.To == "MEETING" && contains(v.Labels, model.WordsChanged) {
					return
				}
			}
		}
	}
	t.Errorf("no variant labelled words changed DEAL → MEETING in %+v", r.Quotes)
}
