package enrich

import (
	"testing"

	"parallax/internal/model"
)

// TestOuterSource gives a quotation to the outermost source of its
// sentence: the account the writer cites for someone's words. Every
// article is fictional.
func TestOuterSource(t *testing.T) {
	const cast = "Senator Ana Pell of Norvala met Ivo Brandt, the harbour master, on Monday. The Norvala Gazette and Lumen Radio covered it.\n\n"
	tests := []struct {
		name, body, text, speaker, verb string
	}{
		{"according to after the attribution", cast + "“I will vote for the pier,” Pell said, according to Lumen Radio. “And so will my staff.”",
			"I will vote for the pier", "Lumen Radio", "according to"},
		{"the next quotation goes on with the outer source", cast + "“I will vote for the pier,” Pell said, according to Lumen Radio. “And so will my staff.”",
			"And so will my staff", "Lumen Radio", "according to"},
		{"according to opening the sentence", cast + "According to the Norvala Gazette, Brandt said the fees were “a burden nobody can carry.”",
			"a burden nobody can carry", "Norvala Gazette", "according to"},
		{"a report verb after the speaker", cast + "“The pier is safe,” said Ivo Brandt, the harbour master, reports the Norvala Gazette.",
			"The pier is safe", "Norvala Gazette", "reports"},
		{"a report verb ending the sentence", cast + "Pell met the crews and pledged to “rebuild every pier in this town,” the Norvala Gazette reported.",
			"rebuild every pier in this town", "Norvala Gazette", "reported"},
		{"whoever issued the material cited", cast + "“The pier is safe,” Brandt said, according to audio provided by Lumen Radio.",
			"The pier is safe", "Lumen Radio", "according to"},
		{"a document filed by a person", cast + "“The evidence cannot support a charge,” according to a court filing by Ilsa Marrow, the state attorney.",
			"The evidence cannot support a charge", "Ilsa Marrow", "according to"},
		{"according to inside the reported clause is the speaker's own", cast + "Brandt said that according to his own count, the pier “will cost twice what the board says.”",
			"will cost twice", "Ivo Brandt", "said"},
		{"no outer source: the speaker stays", cast + "“The pier is safe,” Brandt said, adding that the crews were tired.",
			"The pier is safe", "Ivo Brandt", "said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker || q.Verb != tt.verb {
				t.Errorf("speaker %q verb %q, want %q %q", q.Speaker, q.Verb, tt.speaker, tt.verb)
			}
		})
	}
}
