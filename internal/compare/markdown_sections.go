package compare

import (
	"strings"
	"time"

	"parallax/internal/model"
)

func writeQuotes(m *mdWriter, c citer, r model.Report) {
	m.f("## Quotes\n\n")
	if len(r.Quotes) == 0 {
		m.f("_No quotation appears in two articles._\n\n")
		return
	}
	for _, g := range r.Quotes {
		speaker := g.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		m.f("### “%s”\n\n", oneLine(shorten(g.Text, 16)))
		m.f("%s %s; first carried by %s.", oneLine(speaker), c.cite(g.ArticleIDs), c.cite([]int64{g.EarliestArticleID}))
		if len(g.Speakers) > 1 {
			m.f(" Given to different speakers: %s.", oneLine(strings.Join(g.Speakers, "; ")))
		}
		m.f("\n\n")
		for i, v := range g.Variants {
			label := "fullest wording"
			if i > 0 {
				label = VariantLabel(v)
			}
			m.f("- %s %s: %s\n", oneLine(label), c.cite(v.ArticleIDs), renderDiff(v.Diff))
		}
		m.f("\n")
	}
}

// VariantLabel says in words how a wording differs from the fullest one:
// "shortened; words changed: DEAL → MEETING".
func VariantLabel(v model.QuoteVariant) string {
	if len(v.Labels) == 0 {
		return "same words"
	}
	parts := make([]string, 0, len(v.Labels))
	for _, l := range v.Labels {
		if l == model.WordsChanged && len(v.Changes) > 0 {
			ch := make([]string, len(v.Changes))
			for i, c := range v.Changes {
				ch[i] = c.From + " → " + c.To
			}
			l += ": " + strings.Join(ch, ", ")
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, "; ")
}

// renderDiff shows a word diff: ~~removed~~ and **added**.
func renderDiff(parts []model.DiffPart) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		t := oneLine(p.Text)
		switch p.Op {
		case "-":
			out = append(out, "~~"+t+"~~")
		case "+":
			out = append(out, "**"+t+"**")
		default:
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

func writeDiscrepancies(m *mdWriter, c citer, r model.Report) {
	m.f("## Discrepancies\n\n")
	if len(r.Discrepancies) == 0 {
		m.f("_None found._\n\n")
		return
	}
	for _, d := range r.Discrepancies {
		m.f("### %s: %s\n\n", d.Kind, oneLine(d.Subject))
		for _, v := range d.Values {
			m.f("- **%s** %s\n", oneLine(v.Value), c.cite(v.ArticleIDs))
			for _, s := range v.Sentences {
				m.f("  > %s %s\n", oneLine(s.Text), c.cite([]int64{s.ArticleID}))
			}
		}
		m.f("\n")
	}
}

func writeFraming(m *mdWriter, c citer, r model.Report) {
	m.f("## Framing\n\n")
	for _, f := range r.Framing {
		m.f("**%s** %s\n\n", oneLine(f.Outlet), c.cite(f.ArticleIDs))
		if len(f.Names)+len(f.Loaded)+len(f.ScareQuotes) == 0 {
			m.f("- nothing distinctive\n\n")
			continue
		}
		for _, n := range f.Names {
			m.f("- name: %s (others: %s)\n", oneLine(n.Used), oneLine(strings.Join(n.Others, ", ")))
		}
		if len(f.Loaded) > 0 {
			m.f("- loaded words: %s\n", oneLine(strings.Join(f.Loaded, "; ")))
		}
		if len(f.ScareQuotes) > 0 {
			m.f("- scare quotes: “%s”\n", oneLine(strings.Join(f.ScareQuotes, "”, “")))
		}
		m.f("\n")
	}
}

func writeTimeline(m *mdWriter, c citer, r model.Report) {
	m.f("## Timeline\n\n")
	if len(r.Timeline) == 0 {
		m.f("_No dated events._\n")
		return
	}
	for _, e := range r.Timeline {
		m.f("- **%s** %s%s %s%s\n", e.Date, subjectOf(e), oneLine(e.Text), c.cite(e.ArticleIDs), reportedNote(e))
	}
}

// subjectOf introduces a statement by the later day it speaks of.
func subjectOf(e model.TimelineEvent) string {
	if about := SpokenOf(e); about != "" {
		return "about " + oneLine(about) + ": "
	}
	return ""
}

// reportedNote says when an event was reported, when that is another day.
func reportedNote(e model.TimelineEvent) string {
	if r := ReportedOn(e); r != "" {
		return " _(" + oneLine(r) + ")_"
	}
	return ""
}

// SpokenOf names the later day a statement speaks of, "Thursday
// 2025-05-15 (“on Thursday”)"; "" for an event.
func SpokenOf(e model.TimelineEvent) string {
	if !e.Statement {
		return ""
	}
	out := DayName(e.EventDate)
	if e.Mention != "" {
		out += " (“" + e.Mention + "”)"
	}
	return out
}

// ReportedOn says when an event was reported, "reported 2025-05-11", when
// that is another day than the one it stands on; "" otherwise.
func ReportedOn(e model.TimelineEvent) string {
	switch {
	case e.Statement || e.Reported == "" || e.Reported == e.Date:
		return ""
	case e.ReportedInferred:
		return "reported about " + e.Reported + ", date inferred"
	}
	return "reported " + e.Reported
}

// DayName writes a day with its weekday ("Thursday 2025-05-15"); other
// dates as they are.
func DayName(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Weekday().String() + " " + date
}
