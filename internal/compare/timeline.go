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
	when when
	s    *sent
	// passing marks a date given in passing (background) or one a quoted
	// speaker gave relative to an unknown day: shown only when two
	// outlets date the same event so.
	passing bool
}

// sentenceFor finds the prepared sentence that carries a mention: by its
// text, else a sentence overlapping it, else a sentence of its paragraph,
// that contains the mention as written. A sentence without the mention is
// never returned: it would date the wrong event.
func sentenceFor(d *doc, para int, sentence, mention string) *sent {
	if mention == "" {
		return nil
	}
	sentence = strings.TrimSpace(sentence)
	overlaps := func(s *sent) bool {
		return sentence != "" && (s.text == sentence || strings.Contains(sentence, s.text) || strings.Contains(s.text, sentence))
	}
	for _, s := range d.sents {
		if sentence != "" && s.text == sentence && strings.Contains(s.text, mention) {
			return s
		}
	}
	for _, s := range d.sents {
		if overlaps(s) && strings.Contains(s.text, mention) {
			return s
		}
	}
	for _, s := range d.sents {
		if s.para == para && strings.Contains(s.text, mention) {
			return s
		}
	}
	return nil
}

// datedMentions lists an article's date mentions with their sentences,
// each date and sentence once.
func datedMentions(d *doc) []dated {
	var out []dated
	seen := make(map[string]bool)
	for _, m := range d.enr.Dates {
		if m.Date == "" {
			continue
		}
		s := sentenceFor(d, m.Paragraph, m.Sentence, m.Text)
		if s == nil {
			continue
		}
		at := mentionAt(s.text, m.Text)
		w, ok := whenOf(m, s.text, at)
		if !ok {
			continue
		}
		passing := background(s.text, at, m, w.prec) || quotedRelative(s.text, at, m.Text)
		k := w.label + "\x00" + s.text
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, dated{when: w, s: s, passing: passing})
	}
	return out
}

// timeline merges the dated events of every article: mentions of one date
// whose sentences report the same thing become one event. Dates read at
// their written precision sort by the first day they cover, coarser first.
func timeline(docs []*doc) []model.TimelineEvent {
	byLabel := make(map[string][]dated)
	var whens []when
	for _, d := range docs {
		for _, m := range datedMentions(d) {
			if byLabel[m.when.label] == nil {
				whens = append(whens, m.when)
			}
			byLabel[m.when.label] = append(byLabel[m.when.label], m)
		}
	}
	sort.Slice(whens, func(i, j int) bool {
		a, b := whens[i], whens[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.prec != b.prec {
			return a.prec < b.prec
		}
		return a.label < b.label
	})
	out := []model.TimelineEvent{}
	for _, w := range whens {
		out = append(out, eventsOn(w.label, byLabel[w.label])...)
	}
	return out
}

// eventsOn groups one date's mentions into events, most widely reported
// first. An event only dated in passing needs two outlets behind it.
func eventsOn(date string, ms []dated) []model.TimelineEvent {
	var groups [][]dated
	for _, m := range ms {
		placed := false
		for i, g := range groups {
			if joinsEvent(g, m.s) {
				groups[i] = append(g, m)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []dated{m})
		}
	}
	out := make([]model.TimelineEvent, 0, len(groups))
	for _, g := range groups {
		ev, ok := eventOf(date, g)
		if ok {
			out = append(out, ev)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].ArticleIDs) > len(out[j].ArticleIDs) })
	return out
}

// eventOf makes one event of a group, told by its central sentence among
// those that date it plainly.
func eventOf(date string, g []dated) (model.TimelineEvent, bool) {
	var plain, all []*sent
	for _, m := range g {
		all = append(all, m.s)
		if !m.passing {
			plain = append(plain, m.s)
		}
	}
	if len(plain) == 0 {
		if !toldByTwo(all) {
			return model.TimelineEvent{}, false
		}
		plain = all
	}
	ev := model.TimelineEvent{Date: date, Text: centralSentence(plain, all).text}
	for _, s := range all {
		ev.Sentences = append(ev.Sentences, sentenceOf(s))
	}
	sort.SliceStable(ev.Sentences, func(i, j int) bool { return ev.Sentences[i].ArticleID < ev.Sentences[j].ArticleID })
	ev.ArticleIDs, _ = citeSentences(ev.Sentences)
	return ev, true
}

// toldByTwo: two outlets state the same thing with the date, as closely
// as a shared claim; a date both give only in passing ("the 2012
// election") is not made an event by looser likeness.
func toldByTwo(g []*sent) bool {
	for i, a := range g {
		for _, b := range g[i+1:] {
			if a.doc.outlet != b.doc.outlet && cosine(a, b) >= claimSim && predicateCosine(a, b) >= predSim {
				return true
			}
		}
	}
	return false
}

// joinsEvent: a sentence joins an event when it is similar to a member of
// another article (one article's two sentences on a day may be two events).
func joinsEvent(g []dated, s *sent) bool {
	for _, m := range g {
		if m.s.doc != s.doc && cosine(m.s, s) >= eventSim {
			return true
		}
	}
	return false
}

// centralSentence is the candidate most like the whole group; ties go to
// the first.
func centralSentence(cands, g []*sent) *sent {
	best, bestSum := cands[0], -1.0
	for _, a := range cands {
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
