package enrich

import (
	"testing"

	"parallax/internal/model"
)

// TestSpeakersInContext covers speakers found beyond the quotation's own
// clause: across paragraphs and colons, by continuity, through roles,
// titles and reported speech. Every article is fictional.
func TestSpeakersInContext(t *testing.T) {
	const cast = "Senator Ana Pell of Norvala met Ivo Brandt, the harbour master, on Monday.\n\n"
	tests := []struct {
		name, body, text, speaker, attribution string
	}{
		{"colon in the paragraph before", cast + "Pell continued:\n\n“The channel must be dredged before the winter storms arrive.”",
			"The channel must be dredged", "Ana Pell", model.AttributedPrevious},
		{"quotation paragraph after one about a person", cast + "Brandt praised the crews who worked through the night.\n\n“Nobody slept, and nobody complained about it.”",
			"Nobody slept", "Ivo Brandt", model.AttributedContext},
		{"closing paragraph lost its opening mark", cast + "“We have waited eleven years for this bridge. The money was promised twice.\n\nThe money never came,” Brandt said.",
			"We have waited eleven years", "Ivo Brandt", model.AttributedDirect},
		{"short continuation sentence", cast + "“The storm took the pier and the fuel depot,” Brandt said. “God help us.”",
			"God help us.", "Ivo Brandt", model.AttributedContinue},
		{"role noun by continuity", "Ana Pell of Norvala visited the port.\n\nThe Norvalian senator said she wanted “a plan that survives the next storm.”",
			"a plan that survives", "Ana Pell", model.AttributedDirect},
		{"abbreviated title makes a role", "Sen. Ana Pell and Mayor Ivo Brandt toured the harbour.\n\n“We will fund the dredging this year,” the senator said.",
			"We will fund the dredging", "Ana Pell", model.AttributedDirect},
		{"subject over an opening clause", cast + "When Brandt asked about the budget, Pell said she would wait for the audit.\n\n“The numbers have to be right first,” she said.",
			"The numbers have to be right", "Ana Pell", model.AttributedDirect},
		{"reported speech keeps the main speaker", cast + "Pell says rival Ivo Brandt accepted money from the dredging firms and “there is nothing wrong with that.”",
			"there is nothing wrong with that", "Ana Pell", model.AttributedDirect},
		{"any verb right after the closing mark", cast + "“Get off my pier,” Brandt barked at the reporters.",
			"Get off my pier", "Ivo Brandt", model.AttributedDirect},
		{"described name after the verb", cast + "“The harbour is safe again,” said undecided Norvalian voter Ilsa Marrow of Corvane.",
			"The harbour is safe again", "Ilsa Marrow", model.AttributedDirect},
		{"subject of a sentence with no speech verb", cast + "Pell also bemoaned a climate in which neighbours “literally hate each other over a harbour.”",
			"literally hate each other", "Ana Pell", model.AttributedDirect},
		{"unnamed source after according to", cast + "The dredging “will cost more than the bridge itself,” according to a court filing.",
			"will cost more than the bridge", "a court filing", model.AttributedDirect},
		{"family name alone after the closing mark", cast + "“The pier stays shut until spring,” Marrow, 62, said on Tuesday.",
			"The pier stays shut", "Marrow", model.AttributedDirect},
		{"signature of an embedded post", cast + "“The pier reopens on Friday.” — Ana Pell (@anapell) March 3, 2026",
			"The pier reopens on Friday", "Ana Pell", model.AttributedDirect},
		{"per and a colon", cast + "Per Ivo Brandt: “The pier reopens on Friday.”",
			"The pier reopens on Friday", "Ivo Brandt", model.AttributedDirect},
		{"a colon after a clause names its subject", cast + "Pell took aim at Brandt:\n\n“He has run the harbour into the ground.”",
			"He has run the harbour", "Ana Pell", model.AttributedPrevious},
		{"a statement introduced without its author", cast + "Pell issued a statement on Tuesday night. Read the full statement below:\n\n“The harbour board has failed the town and must resign.”",
			"The harbour board has failed", "Ana Pell", model.AttributedPrevious},
		{"according to inside reported speech", cast + "Pell said on Tuesday that according to its own survey, the board has “lost the trust of every captain in the harbour.”",
			"lost the trust of every captain", "Ana Pell", model.AttributedDirect},
		{"signature in the paragraph after", cast + "“The pier will be open by Friday, and the ferry by Sunday.”\n\n— Brandt.\n\nThe pier was still closed on Monday.",
			"The pier will be open by Friday", "Ivo Brandt", model.AttributedDirect},
		{"a speech verb in a later clause", cast + "Marrow says she was “still on the fence about the pier” until Pell said she would back the dredging.",
			"still on the fence", "Marrow", model.AttributedDirect},
		{"a main clause after the reported one", cast + "When Pell later said she would “find the money for every last pier,” the crowd applauded.",
			"find the money for every last pier", "Ana Pell", model.AttributedDirect},
		{"as and the speaker after the closing mark", cast + "Brandt praised the crews, who had worked “without a single complaint” as Pell noted.",
			"without a single complaint", "Ana Pell", model.AttributedDirect},
		{"a role named after a person is someone else, unnamed", cast + "Brandt said he expects Pell to win the seat.\n\n“She is a practical person,” said the senior Pell adviser.",
			"She is a practical person", "the senior Pell adviser", model.AttributedDirect},
		{"subject of a progressive verb", cast + "Pell is questioning whether the mayor would have come “if the meeting were held in the harbour.”",
			"if the meeting were held", "Ana Pell", model.AttributedDirect},
		{"subject of a negated verb", cast + "Brandt would not comment on an order meant “to protect the pier and its workers.”",
			"to protect the pier", "Ivo Brandt", model.AttributedDirect},
		{"a colon after a clause holding a quoted term", cast + "The columnist Ilsa Marrow, a former aide to the mayor, calls Pell “a captain without a ship”: “She steers wherever the wind blows, and the town follows her.”",
			"She steers wherever the wind blows", "Ilsa Marrow", model.AttributedDirect},
		{"subject described by a name and an appositive", cast + "Lumen columnist Ilsa Marrow, a former aide to the mayor, calls Pell “a captain without a ship that sails.”",
			"a captain without a ship", "Ilsa Marrow", model.AttributedDirect},
		{"a quotation in the opening clause before a tight main clause", cast + "After Ilsa Marrow said the plan was “a ship without a rudder,” Brandt laughed it off.",
			"a ship without a rudder", "Ilsa Marrow", model.AttributedDirect},
		{"the subject of an opening clause holding the quotation", cast + "When Brandt finally wrapped up — “We will rebuild every pier in this town!” — the balloons came down.",
			"We will rebuild every pier", "Ivo Brandt", model.AttributedDirect},
		{"an opening clause's verb reports nothing past its comma", cast + "After Brandt argued that the pier could wait, Pell said only that his “numbers do not add up at all.”",
			"numbers do not add up", "Ana Pell", model.AttributedDirect},
		{"a subordinate clause after the main verb reports what follows it", cast + "Brandt wrote online after Pell argued for the second time that “if everyone had voted as he did, the pier would be gone.”",
			"if everyone had voted", "Ana Pell", model.AttributedDirect},
		{"a participle after a subordinate clause belongs to the main clause", cast + "“The pier is safe,” Brandt said after the senator won her seat, remarking that there are “still some captains angry over the fees.”",
			"still some captains angry", "Ivo Brandt", model.AttributedDirect},
		{"a speech verb before its speaker opening the sentence", cast + "Continued Brandt: “The pier will be rebuilt by spring, whatever the board says.”",
			"The pier will be rebuilt", "Ivo Brandt", model.AttributedDirect},
		{"no speaker at all", cast + "The sign on the gate read nothing. Nobody knew who painted “the harbour belongs to the gulls and nobody else” on the wall.",
			"the harbour belongs to the gulls", "", model.AttributedNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker || q.Attribution != tt.attribution {
				t.Errorf("speaker %q (%s), want %q (%s)", q.Speaker, q.Attribution, tt.speaker, tt.attribution)
			}
		})
	}
}

// TestHeadlineSpeaker gives a headline's quotation to the name before its
// colon.
func TestHeadlineSpeaker(t *testing.T) {
	e := Article(model.Article{Title: "Pell: Harbour funds for 'a town that cannot wait'",
		Body: "Senator Ana Pell of Norvala met Ivo Brandt on Monday."})
	if q := quoteBy(t, e, "a town that cannot wait"); q.Speaker != "Ana Pell" {
		t.Errorf("speaker %q", q.Speaker)
	}
}
