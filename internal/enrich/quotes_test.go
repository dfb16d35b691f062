package enrich

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestQuotes(t *testing.T) {
	const intro = "Norvalian President Oleksiy Dovzhenkiy met Veloran President Anselm Karvik. "
	tests := []struct {
		name, title, body string
		text, speaker     string // a quotation that must be found, by prefix
		verb              string
	}{
		{"quote then speaker", "", intro + "\n\n\"We will not give up the coast,\" Karvik said.",
			"We will not give up the coast", "Anselm Karvik", "said"},
		{"verb before speaker", "", intro + "\n\n“The coast stays ours,” said Mr. Karvik.",
			"The coast stays ours", "Anselm Karvik", "said"},
		{"colon introduction", "", intro + "\n\nDovzhenkiy wrote on Lumen: \"Ready to meet on Friday.\"",
			"Ready to meet on Friday.", "Oleksiy Dovzhenkiy", "wrote on Lumen"},
		{"told an outlet", "", intro + "\n\nKarvik told the Corvin News Agency that \"nothing is agreed yet\".",
			"nothing is agreed yet", "Anselm Karvik", "told the Corvin News Agency"},
		{"split by attribution", "", intro + "\n\n“First part,” Dovzhenkiy said, “second part of it.”",
			"second part of it.", "Oleksiy Dovzhenkiy", "said"},
		{"pronoun speaker", "", intro + "\n\nDovzhenkiy confirmed the plan. “We await a lasting ceasefire,” he posted on Lumen.",
			"We await a lasting ceasefire", "Oleksiy Dovzhenkiy", "posted on Lumen"},
		{"role reference speaker", "", intro + "\n\n\"I will be waiting in Port Aldane\" the Norvalian president wrote.",
			"I will be waiting in Port Aldane", "Oleksiy Dovzhenkiy", "wrote"},
		{"gender picks the fitting person", "", "Marta Kilian met Gregor Hollen. Mr. Hollen frowned.\n\n“It was a long day for everyone,” she said.",
			"It was a long day for everyone", "Marta Kilian", "said"},
		{"quote over paragraphs", "", intro + "\n\n“I support talks,” Karvik said. “I do not support a blank cheque.\n\n“Nobody will sign away a village.”",
			"I do not support a blank cheque. Nobody will sign away a village.", "Anselm Karvik", "said"},
		{"next sentence continues speaker", "", intro + "\n\nKarvik questioned the timing. \"I am starting to doubt that they want a deal at all.\"",
			"I am starting to doubt", "Anselm Karvik", ""},
		{"headline speaker before colon", "Dovzhenkiy: 'I will wait for Karvik on Friday'", intro,
			"I will wait for Karvik on Friday", "Oleksiy Dovzhenkiy", ""},
		{"single marks and apostrophes", "", intro + "\n\nKarvik's aide said the '90s deal 'cannot simply be ignored by anyone'.",
			"cannot simply be ignored by anyone", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Article(model.Article{Title: tt.title, Body: tt.body})
			for _, q := range e.Quotes {
				if !strings.HasPrefix(q.Text, tt.text) {
					continue
				}
				if tt.speaker != "" && q.Speaker != tt.speaker {
					t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
				}
				if tt.verb != "" && q.Verb != tt.verb {
					t.Errorf("verb %q, want %q", q.Verb, tt.verb)
				}
				return
			}
			t.Errorf("no quotation %q in %+v", tt.text, e.Quotes)
		})
	}
}

func TestTermsAndApostrophes(t *testing.T) {
	body := "Karvik proposed \"direct\" talks and rejected what he called “ultimatums”. Putin's aides don't say it; the '90s are over."
	e := Article(model.Article{Title: "Karvik urges 'IMMEDIATE' talks", Body: body})
	var terms []string
	for _, x := range e.Terms {
		terms = append(terms, x.Text)
	}
	want := []string{"IMMEDIATE", "direct", "ultimatums"}
	if strings.Join(terms, "|") != strings.Join(want, "|") {
		t.Errorf("terms %q, want %q", terms, want)
	}
	if len(e.Quotes) != 0 {
		t.Errorf("apostrophes taken for quotations: %+v", e.Quotes)
	}
}

func TestScanQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`He said "yes" and "no".`, []string{"yes", "no"}},
		{`“Curly,” he said.`, []string{"Curly,"}},
		{`It's the '90s and Putin's plan, 'quoted words' here.`, []string{"quoted words"}},
		{`"Open to the end`, []string{"Open to the end"}},
		{`Sloppy "close ". "Next" one.`, []string{"close ", "Next"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range scanQuotes(tt.in) {
			got = append(got, tt.in[s.tstart:s.tend])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("scanQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzQuotes checks the quotation scanner's spans on any text.
func FuzzQuotes(f *testing.F) {
	f.Add(`“A,” he said, “B.” 'C' don't '90s "D`)
	f.Add(`"""''‘’“”`)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, q := range scanQuotes(s) {
			if q.open < prev || q.tstart < q.open || q.tend < q.tstart || q.close < q.tend || q.close > len(s) {
				t.Fatalf("bad span %+v in %q", q, s)
			}
			prev = q.close
		}
	})
}

// TestDoubledApostrophes reads two apostrophes as a double quotation mark,
// as some archives type it.
func TestDoubledApostrophes(t *testing.T) {
	e := Article(model.Article{Body: "Ana Pell met Ivo Brandt.\n\n''The pier is safe again,'' Ms. Pell said."})
	if q := quoteBy(t, e, "The pier is safe again"); q.Speaker != "Ana Pell" {
		t.Errorf("speaker %q", q.Speaker)
	}
}
