// Package gen generates a deterministic stream of synthetic news articles
// about many overlapping invented stories, with the truth about each, for
// testing and benchmarking the clusterer at sizes no labelled corpus has.
//
// The world: storylines (a subject with its key actors, places and theme
// words) give rise to stories (events) days or weeks apart; each story is
// reported by several outlets over a few days; some reports are agency copies
// of another outlet's, with a changed sentence and the outlet's own furniture
// line. Names and words are invented from syllables. Stories overlap: they
// draw on one Zipf-distributed vocabulary, storylines share their actors'
// surnames now and then, and every article carries glue words and background
// words. The same seed and size give the same stream, article for article.
package gen

import (
	"iter"
	"math/rand/v2"
	"time"

	"parallax/internal/model"
)

// Label is the truth about one generated article.
type Label struct {
	Story       int64 // the story (event) it reports
	Storyline   int64 // the storyline the story belongs to
	DuplicateOf int64 // the article it copies, 0 when original
}

// Config shapes the stream.
type Config struct {
	Start       time.Time // the first day
	PerDay      int       // articles per day, about
	Outlets     int       // outlets reporting (at most 40)
	DupRate     float64   // share of articles that copy another outlet's
	UndatedRate float64   // share of articles without a published date
	FollowRate  float64   // share of stories that continue a storyline
	// ChainRate is the share of follow-ups that continue their storyline's
	// latest event closely: the same actors and half of its own words, as
	// one vote count follows another. Chained events are the test of joins
	// that drift: each resembles the one before, the first and the third
	// have little in common, and all are separate stories.
	ChainRate float64
	// ClueRate is the share of undated articles whose text still says when
	// their event happened, as a report does without a year: its day as
	// "March 5" or as its weekday ("on Tuesday").
	ClueRate float64
	// URLDateRate is the share of articles whose URL path carries the
	// published day (/2024/03/05/slug), dated or not.
	URLDateRate float64
}

// DefaultConfig: 300 articles a day (a mid-sized aggregator), 30 outlets,
// 5% agency copies, 2% undated, 30% follow-ups.
func DefaultConfig() Config {
	return Config{
		Start:       time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		PerDay:      300,
		Outlets:     30,
		DupRate:     0.05,
		UndatedRate: 0.02,
		FollowRate:  0.3,
	}
}

// UndatedStorylines is the stream a folder of text dumps gives about
// busy subjects: no published dates, a third of the URLs dated, half the
// texts naming their day without a year, and most stories following an
// earlier event of their storyline closely. 60 articles a day, so that a
// few thousand articles span storylines of many events.
func UndatedStorylines() Config {
	c := DefaultConfig()
	c.PerDay = 60
	c.UndatedRate = 1
	c.FollowRate = 0.6
	c.ChainRate = 0.7
	c.ClueRate = 0.5
	c.URLDateRate = 0.3
	return c
}

// Stream yields n articles (IDs 1…n, in published order) with their labels,
// using DefaultConfig.
func Stream(seed int64, n int) iter.Seq2[model.Article, Label] {
	return DefaultConfig().Stream(seed, n)
}

// Stream yields n articles with their labels.
func (cfg Config) Stream(seed int64, n int) iter.Seq2[model.Article, Label] {
	return func(yield func(model.Article, Label) bool) {
		w := newWorld(cfg, seed)
		for w.emitted < n {
			for _, p := range w.day() {
				if w.emitted >= n {
					return
				}
				a, l := w.article(p)
				if !yield(a, l) {
					return
				}
			}
		}
	}
}

// storyline is a subject: its actors, places and theme words.
type storyline struct {
	id      int64
	start   int // day of its first event
	last    int // day of its latest event
	persons []name
	places  []string
	orgs    []string
	theme   []int  // vocabulary indexes
	latest  *story // its latest event
}

type name struct{ first, last string }

// story is one event of a storyline.
type story struct {
	id     int64
	line   *storyline
	day    int
	event  []int // vocabulary indexes of the event's own words
	actors []name
	place  string
	// originals are bodies already emitted, kept for agency copies.
	originals []original
}

type original struct {
	id            int64
	title, body   string
	outlet, daySt int
}

// pending is an article scheduled for a day.
type pending struct {
	s      *story
	outlet int
}

// world is the generator's state; only recent storylines and pending
// articles are kept, so memory does not grow with n.
type world struct {
	cfg      Config
	r        *rand.Rand
	zipf     *rand.Zipf
	today    int
	emitted  int
	nextSt   int64
	nextLine int64
	lines    []*storyline // recent storylines, oldest first
	queue    map[int][]pending
}

func newWorld(cfg Config, seed int64) *world {
	if cfg.PerDay <= 0 {
		cfg.PerDay = DefaultConfig().PerDay
	}
	cfg.Outlets = min(max(cfg.Outlets, 1), outletNames)
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	return &world{
		cfg:   cfg,
		r:     r,
		zipf:  rand.NewZipf(r, 1.1, 4, vocabSize-1),
		queue: make(map[int][]pending),
	}
}

// meanStorySize is the expected number of articles per story (see
// storySize); new stories per day follow from it and PerDay.
const meanStorySize = 6

// day starts today's new stories, then returns today's articles in a
// shuffled order and moves to the next day.
func (w *world) day() []pending {
	for range w.poisson(float64(w.cfg.PerDay) / meanStorySize) {
		w.startStory()
	}
	today := w.queue[w.today]
	delete(w.queue, w.today)
	w.r.Shuffle(len(today), func(i, j int) { today[i], today[j] = today[j], today[i] })
	w.today++
	w.forget()
	return today
}

// poisson draws a Poisson count (Knuth's method for small means, normal
// approximation above).
func (w *world) poisson(mean float64) int {
	if mean > 30 {
		return max(0, int(mean+w.r.NormFloat64()*sqrt(mean)+0.5))
	}
	l, k, p := exp(-mean), 0, 1.0
	for {
		p *= w.r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// startStory creates a story, in a recent storyline or a new one, and
// schedules its articles over the next days.
func (w *world) startStory() {
	line := w.pickLine()
	w.nextSt++
	s := &story{id: w.nextSt, line: line, day: w.today}
	prev := line.latest
	line.latest = s
	if prev != nil && w.cfg.ChainRate > 0 && w.r.Float64() < w.cfg.ChainRate {
		w.chainEvent(s, prev)
	} else {
		w.newEvent(s)
	}
	size := w.storySize()
	outlets := w.r.Perm(w.cfg.Outlets)
	for i := range size {
		d := w.today + spreadDays(w.r.Float64())
		w.queue[d] = append(w.queue[d], pending{s, outlets[i%len(outlets)]})
	}
}

// newEvent gives a story its own words, actors and place. An event's own
// words: some common (Zipf), some rare, as real events mix "vote" and
// "filibuster".
func (w *world) newEvent(s *story) {
	for i := range 5 + w.r.IntN(4) {
		if i%2 == 0 {
			s.event = append(s.event, 200+w.r.IntN(vocabSize-200))
		} else {
			s.event = append(s.event, w.zipfInt())
		}
	}
	s.actors = append(s.actors, s.line.persons[:1+w.r.IntN(len(s.line.persons))]...)
	s.place = s.line.places[w.r.IntN(len(s.line.places))]
}

// chainEvent makes s continue prev closely: its actors, every other one
// of its words and the rest new, and a place of the storyline.
func (w *world) chainEvent(s *story, prev *story) {
	for i, e := range prev.event {
		if i%2 == 0 {
			e = 200 + w.r.IntN(vocabSize-200)
		}
		s.event = append(s.event, e)
	}
	s.actors = prev.actors
	s.place = s.line.places[w.r.IntN(len(s.line.places))]
}

// storySize: most events get a handful of reports, a few get many.
func (w *world) storySize() int {
	return 1 + int(-float64(meanStorySize-1)*log(1-w.r.Float64()))
}

// spreadDays: half of a story's reports on the day, the rest over three more.
func spreadDays(u float64) int {
	switch {
	case u < 0.5:
		return 0
	case u < 0.8:
		return 1
	case u < 0.95:
		return 2
	}
	return 3
}

// pickLine continues a recent storyline (FollowRate) or starts one. A
// follow-up comes at least followGap days after the storyline's last event:
// sooner, it would be the same event.
func (w *world) pickLine() *storyline {
	if len(w.lines) > 0 && w.r.Float64() < w.cfg.FollowRate {
		l := w.lines[w.r.IntN(len(w.lines))]
		if w.today-l.last >= followGap {
			l.last = w.today
			return l
		}
	}
	w.nextLine++
	l := &storyline{id: w.nextLine, start: w.today, last: w.today}
	for range 2 + w.r.IntN(3) {
		l.persons = append(l.persons, name{firstName(w.r.IntN(firstNames)), lastName(w.r.IntN(lastNames))})
	}
	for range 1 + w.r.IntN(2) {
		l.places = append(l.places, placeName(w.r.IntN(placeNames)))
	}
	if w.r.IntN(2) == 0 {
		l.orgs = append(l.orgs, orgName(w.r.IntN(orgNames)))
	}
	for range 6 + w.r.IntN(5) {
		l.theme = append(l.theme, w.zipfInt())
	}
	w.lines = append(w.lines, l)
	return l
}

// lineDays is how long a storyline may be continued; followGap is the
// least gap between its events.
const (
	lineDays  = 90
	followGap = 5
)

// forget drops storylines too old to continue.
func (w *world) forget() {
	i := 0
	for i < len(w.lines) && w.today-w.lines[i].start > lineDays {
		i++
	}
	w.lines = w.lines[i:]
}

// article writes one scheduled article.
func (w *world) article(p pending) (model.Article, Label) {
	w.emitted++
	id := int64(w.emitted)
	s := p.s
	label := Label{Story: s.id, Storyline: s.line.id}
	var title, body string
	if o, ok := w.copySource(s, p.outlet); ok && w.r.Float64() < w.cfg.DupRate {
		title, body = o.title, w.agencyCopy(o.body, p.outlet)
		label.DuplicateOf = o.id
	} else {
		title, body = w.headline(s), w.body(s)
		s.originals = append(s.originals, original{id: id, title: title, body: body, outlet: p.outlet})
	}
	day := w.cfg.Start.AddDate(0, 0, w.today-1)
	a := model.Article{
		ID:      id,
		Source:  "gen",
		URL:     "https://example.org/" + word(int(id), 3) + "/" + itoa(int(id)),
		Title:   title,
		Authors: []string{},
		Outlet:  outletName(p.outlet),
		Body:    body,
	}
	if w.r.Float64() >= w.cfg.UndatedRate {
		a.Published = day.Format(time.DateOnly)
	} else if w.cfg.ClueRate > 0 && w.r.Float64() < w.cfg.ClueRate {
		a.Body = w.dayClue(body, w.cfg.Start.AddDate(0, 0, s.day))
	}
	if w.cfg.URLDateRate > 0 && w.r.Float64() < w.cfg.URLDateRate {
		a.URL = "https://example.org/" + day.Format("2006/01/02") + "/" + word(int(id), 3) + "-" + itoa(int(id))
	}
	return a, label
}

// copySource picks an earlier original of the story from another outlet.
func (w *world) copySource(s *story, outlet int) (original, bool) {
	for i := len(s.originals) - 1; i >= 0; i-- {
		if s.originals[i].outlet != outlet {
			return s.originals[i], true
		}
	}
	return original{}, false
}

// zipfInt draws a vocabulary index, frequent words first.
func (w *world) zipfInt() int { return int(w.zipf.Uint64()) }
