package gen

import (
	"strings"
	"time"

	"parallax/internal/model"
)

// OneStory writes n articles (IDs 1…n, in published order) about one
// long-running story from the given number of outlets, for measuring how a
// story's comparison grows with its size. The story moves on as it runs: a
// new development (its own event words and quotations) every phaseSize
// articles, while the storyline's actors, places and theme stay. Each
// article quotes the story's actors, as written or cut or with a word
// changed, and some are agency copies of an earlier article. The same seed
// and sizes give the same articles.
func OneStory(seed int64, n, outlets int) []model.Article {
	cfg := DefaultConfig()
	cfg.Outlets = outlets
	w := newWorld(cfg, seed)
	line := w.pickLine()
	var s *story
	var pool []quote
	out := make([]model.Article, 0, n)
	for i := range n {
		if i%phaseSize == 0 {
			s = w.development(line, i/phaseSize)
			pool = append(pool, w.quotes(s, quotesPerPhase)...)
		}
		w.today = s.day + i%phaseSize*phaseDays/phaseSize
		a, l := w.article(pending{s: s, outlet: w.r.IntN(w.cfg.Outlets)})
		if l.DuplicateOf == 0 {
			a.Body += w.quoteParagraphs(pool, s)
			s.originals[len(s.originals)-1].body = a.Body // copies carry the quotations
		}
		a.Published = w.cfg.Start.AddDate(0, 0, w.today).Format(time.DateOnly)
		out = append(out, a)
	}
	return out
}

// A development of the story lasts phaseDays and is reported by phaseSize
// articles; each brings quotesPerPhase new quotations.
const (
	phaseSize      = 60
	phaseDays      = 4
	quotesPerPhase = 6
)

// quote is one thing an actor said.
type quote struct {
	speaker name
	words   []string
}

// development starts the story's next phase in the storyline.
func (w *world) development(line *storyline, phase int) *story {
	w.nextSt++
	s := &story{id: w.nextSt, line: line, day: phase * phaseDays}
	for i := range 6 {
		if i%2 == 0 {
			s.event = append(s.event, 200+w.r.IntN(vocabSize-200))
		} else {
			s.event = append(s.event, w.zipfInt())
		}
	}
	s.actors = line.persons[:1+w.r.IntN(len(line.persons))]
	s.place = line.places[w.r.IntN(len(line.places))]
	return s
}

// quotes invents n quotations of the story's actors.
func (w *world) quotes(s *story, n int) []quote {
	out := make([]quote, n)
	for i := range out {
		q := quote{speaker: s.actors[w.r.IntN(len(s.actors))]}
		for range 8 + w.r.IntN(10) {
			switch u := w.r.Float64(); {
			case u < 0.35:
				q.words = append(q.words, glue[w.r.IntN(len(glue))])
			case u < 0.6:
				q.words = append(q.words, vocabWord(s.event[w.r.IntN(len(s.event))]))
			default:
				q.words = append(q.words, vocabWord(w.zipfInt()))
			}
		}
		out[i] = q
	}
	return out
}

// quoteParagraphs writes one to three quotations from the pool, most from
// the current development: whole, cut at either end, or with one word
// changed, as outlets quote.
func (w *world) quoteParagraphs(pool []quote, s *story) string {
	var b strings.Builder
	for range 1 + w.r.IntN(3) {
		i := len(pool) - 1 - w.r.IntN(quotesPerPhase)
		if w.r.IntN(5) == 0 {
			i = w.r.IntN(len(pool))
		}
		q := pool[max(i, 0)]
		ws := append([]string(nil), q.words...)
		switch w.r.IntN(4) {
		case 1:
			ws = ws[w.r.IntN(3):]
		case 2:
			ws = ws[:len(ws)-w.r.IntN(3)]
		case 3:
			ws[w.r.IntN(len(ws))] = vocabWord(w.zipfInt())
		}
		v := speechVerbs[w.r.IntN(len(speechVerbs))]
		b.WriteString("\n\n“" + title(strings.Join(ws, " ")) + ",” " + q.speaker.first + " " + q.speaker.last + " " + v + " in " + s.place + ".")
	}
	return b.String()
}

var speechVerbs = strings.Fields(`said said said told warned confirmed denied added insisted`)
