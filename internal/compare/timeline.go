package compare

import (
	"slices"
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
)

// eventSim is the similarity at which two sentences dated the same day
// report one event.
const eventSim = 0.12

// dated is one sentence of the timeline with the day it stands on.
type dated struct {
	when  when // where the entry stands
	event when // the date the text gives for what it reports
	// mention is how the text gives event ("on Thursday").
	mention string
	s       *sent
	// passing marks a date given in passing (background) or one a quoted
	// speaker gave relative to an unknown day: shown only when two
	// outlets date the same event so.
	passing bool
	// statement marks what someone said of a later day: it stands on the
	// day it was said (when), and speaks of event.
	statement bool
	futures   []string // the labels of every later day it speaks of
	said      string   // the day its article was published or dated
	inferred  bool     // said was guessed from the text
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

// dateCand is one date a sentence gives.
type dateCand struct {
	w       when
	text    string
	passing bool // background, or a speaker's past relative date
	future  bool // after the day the article was written
}

// datedSentences lists an article's dated sentences, each once, with the
// day it stands on.
func datedSentences(d *doc) []dated {
	said, inferred := saidDay(d)
	bySent := make(map[*sent][]dateCand)
	var order []*sent
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
		c := dateCand{w: w, text: m.Text, future: said != "" && w.start > said}
		c.passing = background(s.text, at, m, w.prec) || !c.future && quotedRelative(s.text, at, m.Text)
		if bySent[s] == nil {
			order = append(order, s)
		}
		bySent[s] = append(bySent[s], c)
	}
	out := make([]dated, 0, len(order))
	for _, s := range order {
		if e, ok := placeSentence(s, bySent[s], said); ok {
			e.said, e.inferred = said, inferred
			out = append(out, e)
		}
	}
	return out
}

// placeSentence chooses the one day a sentence stands on. A sentence that
// dates what happened stands on that date (the finest it gives); one that
// only speaks of a later day (a plan, a promise, "we meet on Thursday")
// stands on the day it was said, that day being its subject, since what
// it reports has not happened when it is written.
func placeSentence(s *sent, cs []dateCand, said string) (dated, bool) {
	var past, future, passing []dateCand
	cs = dropGuessedFuture(s, cs)
	for _, c := range cs {
		switch {
		case c.future && !c.passing:
			future = append(future, c)
		case c.passing:
			passing = append(passing, c)
		default:
			past = append(past, c)
		}
	}
	d, ok := placeAmong(s, past, future, passing, said)
	for _, f := range future {
		d.futures = append(d.futures, f.w.label)
	}
	return d, ok
}

// placeAmong places a sentence given its dates sorted by kind.
func placeAmong(s *sent, past, future, passing []dateCand, said string) (dated, bool) {
	switch {
	case len(past) > 0 && len(future) > 0:
		p, f := finest(past), finest(future)
		if said != "" && !datesSaying(p.w, said) {
			p.w = dayWhen(said) // the earlier date is background, not when it was said
		}
		return dated{when: p.w, event: f.w, mention: f.text, s: s, statement: true}, true
	case len(past) > 0:
		p := finest(past)
		return dated{when: p.w, event: p.w, mention: p.text, s: s}, true
	case len(future) > 0 && said != "":
		f := finest(future)
		return dated{when: dayWhen(said), event: f.w, mention: f.text, s: s, statement: true}, true
	case len(future) > 0:
		f := finest(future)
		return dated{when: f.w, event: f.w, mention: f.text, s: s}, true
	case len(passing) > 0:
		p := finest(passing)
		return dated{when: p.w, event: p.w, mention: p.text, s: s, passing: true}, true
	}
	return dated{}, false
}

// dropGuessedFuture leaves out a later day written without its year after
// an earlier year in the sentence ("in 2011, before … the post-Sept. 11
// law"): the year was guessed forward, and the sentence tells of the past.
func dropGuessedFuture(s *sent, cs []dateCand) []dateCand {
	firstYear := -1
	for _, c := range cs {
		if at := strings.Index(s.text, c.text); !c.future && hasYear(c.text) && at >= 0 && (firstYear < 0 || at < firstYear) {
			firstYear = at
		}
	}
	if firstYear < 0 {
		return cs
	}
	out := cs[:0:0]
	for _, c := range cs {
		if !c.future || hasYear(c.text) || strings.Index(s.text, c.text) < firstYear {
			out = append(out, c)
		}
	}
	return out
}

// datesSaying: a date can be the day a statement about a later day was
// made: a day (or weekend) in the week before the article was written.
func datesSaying(w when, said string) bool {
	if w.prec < precWeekend {
		return false
	}
	t, err := time.Parse(time.DateOnly, w.start)
	s, err2 := time.Parse(time.DateOnly, said)
	return err == nil && err2 == nil && !t.After(s) && s.Sub(t) <= 7*24*time.Hour
}

// finest is the most precise date, the first written among equals.
func finest(cs []dateCand) dateCand {
	best := cs[0]
	for _, c := range cs[1:] {
		if c.w.prec > best.w.prec {
			best = c
		}
	}
	return best
}

// dayWhen reads a day (2006-01-02) as a when.
func dayWhen(day string) when { return when{label: day, start: day, prec: precDay} }

// saidDay is the day an article was written: its published day, else the
// day its text or page gives (inferred), "" when neither is known.
func saidDay(d *doc) (string, bool) {
	if p := d.art.Published; d.hasWhen && len(p) >= 10 {
		return p[:10], false
	}
	if r := d.enr.RefDate; len(r) == 10 {
		return r, d.enr.RefInferred
	}
	return "", false
}

// timeline merges the dated entries of every article: sentences of one
// day that report the same thing become one event; statements about the
// same later day merge whatever day each outlet reported them, and stand
// on the first. Dates read at their written precision sort by the first
// day they cover, coarser first.
func timeline(docs []*doc) []model.TimelineEvent {
	byLabel := make(map[string][]dated)
	var labels, statements []dated
	for _, d := range docs {
		for _, m := range datedSentences(d) {
			if m.statement {
				statements = append(statements, m)
				continue
			}
			if byLabel[m.when.label] == nil {
				labels = append(labels, m)
			}
			byLabel[m.when.label] = append(byLabel[m.when.label], m)
		}
	}
	var placed []placedEvent
	for _, l := range labels {
		placed = append(placed, eventsOf(byLabel[l.when.label])...)
	}
	placed = append(placed, eventsOf(statements)...)
	sort.SliceStable(placed, func(i, j int) bool {
		a, b := placed[i], placed[j]
		if a.w.start != b.w.start {
			return a.w.start < b.w.start
		}
		if a.w.prec != b.w.prec {
			return a.w.prec < b.w.prec
		}
		if a.w.label != b.w.label {
			return a.w.label < b.w.label
		}
		return len(a.ev.ArticleIDs) > len(b.ev.ArticleIDs)
	})
	out := make([]model.TimelineEvent, len(placed))
	for i, p := range placed {
		out[i] = p.ev
	}
	return out
}

// placedEvent is an event with the date it stands on.
type placedEvent struct {
	ev model.TimelineEvent
	w  when
}

// eventsOf groups entries into events. An event only dated in passing
// needs two outlets behind it.
func eventsOf(ms []dated) []placedEvent {
	var groups [][]dated
	for _, m := range ms {
		placed := false
		for i, g := range groups {
			if joinsEvent(g, m) {
				groups[i] = append(g, m)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []dated{m})
		}
	}
	out := make([]placedEvent, 0, len(groups))
	for _, g := range groups {
		if ev, ok := eventOf(g); ok {
			out = append(out, placedEvent{ev, earliestWhen(g)})
		}
	}
	return out
}

// earliestWhen is the first day a group's entries stand on.
func earliestWhen(g []dated) when {
	w := g[0].when
	for _, m := range g[1:] {
		if m.when.start < w.start {
			w = m.when
		}
	}
	return w
}

// eventOf makes one event of a group, told by its central sentence among
// those that date it plainly.
func eventOf(g []dated) (model.TimelineEvent, bool) {
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
	central := centralSentence(plain, all)
	ev := model.TimelineEvent{Date: earliestWhen(g).label, Text: central.text, Statement: g[0].statement}
	for _, m := range g {
		ev.Sentences = append(ev.Sentences, sentenceOf(m.s))
		if m.s == central {
			ev.EventDate, ev.Mention = m.event.label, m.mention
		}
		if m.said != "" && (ev.Reported == "" || m.said < ev.Reported || m.said == ev.Reported && !m.inferred) {
			ev.Reported, ev.ReportedInferred = m.said, m.inferred
		}
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

// joinsEvent: an entry joins an event when it is similar to a member of
// another article (one article's two sentences on a day may be two
// events). A statement joins only statements about the same day, and not
// when its speaker differs from theirs.
func joinsEvent(g []dated, m dated) bool {
	if g[0].statement != m.statement || m.statement && !sharesAny(g[0].futures, m.futures) {
		return false
	}
	sp := speakerOf(m.s)
	joined := false
	for _, x := range g {
		if o := speakerOf(x.s); sp != "" && o != "" && o != sp {
			return false
		}
		joined = joined || x.s.doc != m.s.doc && cosine(x.s, m.s) >= eventSim
	}
	return joined
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// speakerOf is the key of the speaker of a quotation the sentence carries,
// "" when it carries none or its speaker is not known.
func speakerOf(s *sent) string {
	for _, q := range s.doc.enr.Quotes {
		core := strings.TrimSpace(q.Text)
		if q.SpeakerKey != "" && len(core) > 12 && (strings.Contains(s.text, core) || strings.Contains(core, strings.Trim(s.text, `"“”' `))) {
			return q.SpeakerKey
		}
	}
	return ""
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
