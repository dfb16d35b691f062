package gen

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// headline writes a title from the story's lead actor, event words and place.
func (w *world) headline(s *story) string {
	a := s.actors[w.r.IntN(len(s.actors))]
	e1, e2 := vocabWord(s.event[0]), vocabWord(s.event[w.r.IntN(len(s.event))])
	v := verbs[w.r.IntN(len(verbs))]
	switch w.r.IntN(3) {
	case 0:
		return a.last + " " + v + " " + e1 + " " + e2 + " in " + s.place
	case 1:
		return title(e1) + " " + e2 + " in " + s.place + " as " + a.first + " " + a.last + " " + v
	}
	return s.place + ": " + a.last + " " + v + " " + e2 + " " + e1
}

// body writes paragraphs of sentences. The first two paragraphs carry the
// event's own words most densely, as reports do; later ones drift to the
// storyline's theme and background.
func (w *world) body(s *story) string {
	var b strings.Builder
	named := make(map[string]bool)
	paras := 3 + w.r.IntN(5)
	for p := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for i := range 2 + w.r.IntN(2) {
			if i > 0 {
				b.WriteByte(' ')
			}
			w.sentence(&b, s, p < 2, named)
		}
	}
	if w.r.IntN(10) < 3 {
		d := w.cfg.Start.AddDate(0, 0, s.day-1)
		b.WriteString("\n\n" + title(vocabWord(s.event[0])) + " began on " + d.Format("January 2, 2006") + ", " + glue[w.r.IntN(len(glue))] + " " + vocabWord(w.zipfInt()) + ".")
	}
	return b.String()
}

// dayClue ends the first paragraph with the day of the event, as an
// undated report still gives it: "on March 5" or "on Tuesday".
func (w *world) dayClue(body string, day time.Time) string {
	when := day.Format("January 2")
	if w.r.IntN(2) == 0 {
		when = day.Weekday().String()
	}
	first, rest, _ := strings.Cut(body, "\n\n")
	clue := " " + title(glue[w.r.IntN(len(glue))]) + " " + vocabWord(w.zipfInt()) + " " + verbs[w.r.IntN(len(verbs))] + " on " + when + "."
	if rest == "" {
		return first + clue
	}
	return first + clue + "\n\n" + rest
}

// sentence appends one sentence.
func (w *world) sentence(b *strings.Builder, s *story, lead bool, named map[string]bool) {
	n := 10 + w.r.IntN(13)
	eventP, backP := 0.12, 0.25
	if lead {
		eventP, backP = 0.22, 0.15
	}
	for i := range n {
		var t string
		switch u := w.r.Float64(); {
		case u < 0.38:
			t = glue[w.r.IntN(len(glue))]
		case u < 0.38+eventP:
			t = vocabWord(s.event[w.r.IntN(len(s.event))])
		case u < 0.48+eventP:
			t = vocabWord(s.line.theme[w.r.IntN(len(s.line.theme))])
		case u < 0.58+eventP:
			t = w.mention(s, named)
		case u < 0.58+eventP+backP:
			t = vocabWord(w.zipfInt())
		default:
			t = verbs[w.r.IntN(len(verbs))]
		}
		if i == 0 {
			t = title(t)
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	b.WriteByte('.')
}

// mention names an actor (full name first, surname after), the place or an
// organisation.
func (w *world) mention(s *story, named map[string]bool) string {
	switch u := w.r.IntN(10); {
	case u < 6:
		a := s.actors[w.r.IntN(len(s.actors))]
		if named[a.last] {
			return a.last
		}
		named[a.last] = true
		return a.first + " " + a.last
	case u < 8 || len(s.line.orgs) == 0:
		return s.place
	}
	return s.line.orgs[0]
}

// agencyCopy reprints an original as another outlet would: its own
// credit in front, one later paragraph dropped or a sentence changed, and its
// furniture line at the end.
func (w *world) agencyCopy(body string, outlet int) string {
	ps := strings.Split(body, "\n\n")
	if len(ps) > 3 && w.r.IntN(2) == 0 {
		i := 2 + w.r.IntN(len(ps)-2)
		ps = append(ps[:i:i], ps[i+1:]...)
	} else if len(ps) > 1 {
		i := 1 + w.r.IntN(len(ps)-1)
		ps[i] = title(vocabWord(w.zipfInt())) + " " + verbs[w.r.IntN(len(verbs))] + " " + ps[i]
	}
	name := outletName(outlet)
	ps[0] = "(" + name + ") — " + ps[0]
	ps = append(ps, "Copyright "+name+". All rights reserved. Follow "+name+" for more.")
	return strings.Join(ps, "\n\n")
}

// Small helpers kept here so gen.go reads as the model.
func sqrt(x float64) float64 { return math.Sqrt(x) }
func exp(x float64) float64  { return math.Exp(x) }
func log(x float64) float64  { return math.Log(x) }
func itoa(i int) string      { return strconv.Itoa(i) }
