package store

import (
	"encoding/json"

	"parallax/internal/model"
)

// A storyline page shows of each story's report its title, the first line
// of its brief and what it states that the story before did not
// (compare.WhatIsNew: its brief lines, claims and the claims' sentences).
// Decoding only those fields of twenty stored reports took half the time
// of decoding them whole (the claims' article IDs, outlets of each
// sentence, the framing, headlines and timeline are skipped).

type outline struct {
	Title   string `json:"title"`
	Summary []struct {
		Text string `json:"text"`
	} `json:"summary"`
	Claims []struct {
		Text      string   `json:"text"`
		Outlets   []string `json:"outlets"`
		Sentences []struct {
			Text string `json:"text"`
		} `json:"sentences"`
	} `json:"claims"`
}

// DecodeOutline decodes of a report's JSON what a storyline page shows:
// its title, its brief lines' texts, and its claims' texts, outlets and
// sentences' texts. The rest of the report is left empty.
func DecodeOutline(b []byte) (model.Report, error) {
	var o outline
	if err := json.Unmarshal(b, &o); err != nil {
		return model.Report{}, err
	}
	r := model.Report{Title: o.Title, Summary: make([]model.SummarySentence, len(o.Summary)), Claims: make([]model.Claim, len(o.Claims))}
	for i, s := range o.Summary {
		r.Summary[i].Text = s.Text
	}
	for i, c := range o.Claims {
		r.Claims[i] = model.Claim{Text: c.Text, Outlets: c.Outlets, Sentences: make([]model.Sentence, len(c.Sentences))}
		for j, s := range c.Sentences {
			r.Claims[i].Sentences[j].Text = s.Text
		}
	}
	return r, nil
}
