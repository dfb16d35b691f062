package enrich

import (
	"testing"

	"parallax/internal/model"
)

// TestUnnamedSubject gives words to a speaker the article does not name,
// in the subject's own words, complement included. Every article is
// fictional.
func TestUnnamedSubject(t *testing.T) {
	const cast = "Senator Ana Pell of Norvala met Ivo Brandt, the harbour master, on Monday.\n\n"
	tests := []struct {
		name, body, text, speaker string
	}{
		{"a complement names whom the speaker serves", cast + "A spokesman for Pell said that “the pier is safe and will stay open.”",
			"the pier is safe", "A spokesman for Pell"},
		{"after the closing mark, with a quantifier", cast + "“The pier is safe and will stay open,” one senior Democrat said.",
			"The pier is safe", "one senior Democrat"},
		{"a name before the head noun does not speak", cast + "A senior Pell aide, who asked not to be named, said “the pier is safe and will stay open.”",
			"the pier is safe", "A senior Pell aide"},
		{"a complement with a plural noun", cast + "Two officials familiar with the talks said the pier was “safe and will stay open for years.”",
			"safe and will stay open", "Two officials familiar with the talks"},
		{"the speech verb after another verb", cast + "A spokesman for Pell declined to comment but said in a statement that “the pier is safe and will stay open.”",
			"the pier is safe", "A spokesman for Pell"},
		{"the subject over a name its clause reports", cast + "One official who relayed the exchange said Brandt quieted the room, telling the crews, “We have to remember that Pell has always been good to us.”",
			"We have to remember", "One official"},
		{"a plural head with no determiner", cast + "Attorneys for Pell appeared to oppose the motion, saying in a filing that her account was private and “has never been the property of the state.”",
			"has never been the property", "Attorneys for Pell"},
		{"a document with no speech verb", cast + "A campaign ad released Thursday accuses Brandt of buying influence “in a pattern of sleaze stretching back decades.”",
			"in a pattern of sleaze", "A campaign ad"},
		{"a document opened by the issuer's name", cast + "The Pell ad hits Brandt for taking “more money from the pier than from all of Norvala” and claims that “Brandt made the pier a ruin.”",
			"Brandt made the pier a ruin", "Ana Pell"},
		{"a possessive document before a colon", cast + "Brandt’s letter makes a blunt case: “The harbour cannot pay for the pier any longer.”",
			"The harbour cannot pay", "Ivo Brandt"},
		{"a possessive subject with a group head", cast + "Norvala Sen. Ana Pell’s campaign, for example, said she would “support the nominee” but “is not planning to endorse anyone this cycle,” while others disagreed.",
			"is not planning to endorse", "Norvala Sen. Ana Pell’s campaign"},
		{"a possessive subject after an opening phrase", cast + "In response to Brandt’s plan to close the pier, Pell’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”",
			"We have to be ready", "Pell’s right-hand woman"},
		{"a coordinated clause with a subject of its own", cast + "At one point, a woman asked for a photo and Brandt said, “as long as we are not breaking any harbour rules.”",
			"as long as we are not breaking", "Ivo Brandt"},
		{"an appositive names the speaker", cast + "Another Pell ally, Ivo Brandt, said “the pier is safe and will stay open.”",
			"the pier is safe", "Ivo Brandt"},
		{"a name is not a plural head", cast + "Talks went on. Sanders said “the pier is safe and will stay open.”",
			"the pier is safe", "Sanders"},
		{"a time is not a speaker", cast + "A day after Brandt said “the pier is safe and will stay open,” it closed.",
			"the pier is safe", "Ivo Brandt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker {
				t.Errorf("speaker %q (%s), want %q", q.Speaker, q.Attribution, tt.speaker)
			}
		})
	}
}

// TestPutsIt reads "put it" as a speech verb: the words are someone's own
// phrasing.
func TestPutsIt(t *testing.T) {
	const cast = "Senator Ana Pell of Norvala met Ivo Brandt, the harbour master, on Monday.\n\n"
	tests := []struct {
		name, body, text, speaker string
	}{
		{"as someone put it", cast + "As Pell put it, “the pier will never reopen.”", "the pier will never reopen", "Ana Pell"},
		{"as a described name puts it", cast + "As the Gazette's Ilsa Marrow puts it, “the harbour has run out of patience.”", "the harbour has run out", "Ilsa Marrow"},
		{"put it before a colon", cast + "Brandt put it bluntly: “The pier will never reopen.”", "The pier will never reopen", "Ivo Brandt"},
		{"put without it is no speech", cast + "Brandt put the plan aside after Pell said “the pier will never reopen.”", "the pier will never reopen", "Ana Pell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteBy(t, Article(model.Article{Body: tt.body}), tt.text)
			if q.Speaker != tt.speaker {
				t.Errorf("speaker %q (%s), want %q", q.Speaker, q.Attribution, tt.speaker)
			}
		})
	}
}
