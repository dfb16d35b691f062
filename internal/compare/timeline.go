package compare

import (
	"sort"
	"strings"

	"parallax/internal/model"
)

// eventSim is the similarity at which two sentences dated the same day
// report one event.
const eventSim = 0.12

// dated is one date mention with the sentence that carries it.
type dated struct {
	date string
	s    *sent
}

// sentenceFor finds the prepared sentence a mention points at: by its text,
// else the first sentence of its paragraph that contains the mention.
func sentenceFor(d *doc, para int, sentence, mention string) *sent {
	sentence = strings.TrimSpace(sentence)
	for _, s := range d.sents {
		if sentence != "" && s.text == sentence {
			return s
		}
	}
	for _, s := range d.sents {
		if s.para == para && mention != "" && strings.Contains(s.text, mention) {
			return s
		}
	}
	for _, s := range d.sents {
		if sentence != "" && (strings.Contains(s.text, sentence) || strings.Contains(sentence, s.text)) {
			return s
		}
	}
	return nil
}

// timeline merges the dated events of every article: mentions of one date
// whose sentences report the same thing become one event.
func timeline(docs []*doc) []model.TimelineEvent {
	byDate := make(map[string][]dated)
	for _, d := range docs {
		seen := make(map[string]bool)
		for _, m := range d.enr.Dates {
			if m.Date == "" {
				continue
			}
			s := sentenceFor(d, m.Paragraph, m.Sentence, m.Text)
			if s == nil {
				continue
			}
			k := m.Date + "\x00" + s.text
			if seen[k] {
				continue
			}
			seen[k] = true
			byDate[m.Date] = append(byDate[m.Date], dated{m.Date, s})
		}
	}
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	out := []model.TimelineEvent{}
	for _, date := range dates {
		out = append(out, eventsOn(date, byDate[date])...)
	}
	return out
}

// eventsOn groups one day's mentions into events, most widely reported
// first.
func eventsOn(date string, ms []dated) []model.TimelineEvent {
	var groups [][]*sent
	for _, m := range ms {
		placed := false
		for i, g := range groups {
			if joinsEvent(g, m.s) {
				groups[i] = append(g, m.s)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []*sent{m.s})
		}
	}
	out := make([]model.TimelineEvent, 0, len(groups))
	for _, g := range groups {
		ev := model.TimelineEvent{Date: date, Text: centralSentence(g).text}
		for _, s := range g {
			ev.Sentences = append(ev.Sentences, sentenceOf(s))
		}
		sort.SliceStable(ev.Sentences, func(i, j int) bool { return ev.Sentences[i].ArticleID < ev.Sentences[j].ArticleID })
		ev.ArticleIDs, _ = citeSentences(ev.Sentences)
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].ArticleIDs) > len(out[j].ArticleIDs) })
	return out
}

// joinsEvent: a sentence joins an event when it is similar to a member of
// another article (one article's two sentences on a day may be two events).
func joinsEvent(g []*sent, s *sent) bool {
	for _, m := range g {
		if m.doc != s.doc && cosine(m, s) >= eventSim {
			return true
		}
	}
	return false
}

// centralSentence is the member most like the others; ties go to the first.
func centralSentence(g []*sent) *sent {
	best, bestSum := g[0], -1.0
	for _, a := range g {
		var sum float64
		for _, b := range g {
			if a != b {
				sum += cosine(a, b)
			}
		}
		if sum > bestSum {
			best, bestSum = a, sum
		}
	}
	return best
}
