package cluster

import (
	"cmp"
	"slices"

	"parallax/internal/model"
)

// Assignment is the clusterer's decision about one article.
type Assignment struct {
	ArticleID int64
	StoryID   int64
	// StorylineID is the article's storyline when it was assigned; later
	// links may merge storylines, so Stories has the current one.
	StorylineID int64
	// DuplicateOf is the ID of the earlier article this one nearly copies
	// (the first of its copies), 0 when it is independent.
	DuplicateOf int64
	// NewStory is true when the article started its story.
	NewStory bool
}

// article is what the clusterer remembers of an assigned article.
type article struct {
	story int32
	dupOf int64
	new   bool
}

// Clusterer groups articles into stories online. It is not safe for
// concurrent use: one goroutine feeds it.
type Clusterer struct {
	cfg     Config
	vocab   *vocab
	index   *index
	dups    *dupIndex
	cands   candidates
	qText   scattered // the article being assigned, scattered for scoring
	qEnt    scattered
	passed  []candidate // candidates above the threshold, best first
	holding []int32     // stories that keep members, oldest first (see releaseMembers)
	stories []*story
	byID    map[int64]int32 // story ID → position in stories
	parent  []int32         // storyline union-find over story positions
	known   map[int64]article
	nextID  int64 // the next new story's ID
}

// New returns an empty clusterer. Zero fields of cfg keep their defaults
// except the weights, which are taken as given.
func New(cfg Config) *Clusterer {
	def := DefaultConfig()
	if cfg.Window <= 0 {
		cfg.Window = def.Window
	}
	if cfg.StorylineWindow <= 0 {
		cfg.StorylineWindow = def.StorylineWindow
	}
	if cfg.QueryTerms <= 0 {
		cfg.QueryTerms = def.QueryTerms
	}
	if cfg.MaxCandidates <= 0 {
		cfg.MaxCandidates = def.MaxCandidates
	}
	if cfg.ProfileTerms <= 0 {
		cfg.ProfileTerms = def.ProfileTerms
	}
	if cfg.Retain <= 0 {
		cfg.Retain = def.Retain
	}
	return &Clusterer{
		cfg:    cfg,
		vocab:  newVocab(cfg.BackgroundDocs),
		index:  newIndex(),
		dups:   newDupIndex(),
		byID:   make(map[int64]int32),
		known:  make(map[int64]article),
		nextID: 1,
	}
}

// Assign places article a (a.ID set and unique) in a story, starting one
// when none is similar enough, and returns the decision. Assigning a known
// ID again changes nothing and returns its existing assignment.
func (c *Clusterer) Assign(a model.Article) Assignment {
	return c.AssignPrepared(a, nil)
}

// AssignPrepared is Assign with the article's Prepare done already (by
// Prepare with this clusterer's configuration); p nil, or made of another
// headline or body, is prepared again here.
func (c *Clusterer) AssignPrepared(a model.Article, p *Prepared) Assignment {
	if rec, ok := c.known[a.ID]; ok {
		return c.assignment(a.ID, rec)
	}
	if p == nil || p.title != a.Title || p.body != a.Body {
		p = Prepare(c.cfg, a)
	}
	f := c.features(p)
	c.advance()
	place := placeDay(f.time)
	if orig, s, ok := c.dups.find(f.sig, f.nsh, place, days(c.cfg.Window), c.cfg.DuplicateThreshold); ok {
		c.addDuplicate(a, f, s, orig)
		return c.assignment(a.ID, c.known[a.ID])
	}
	c.vocab.addDoc(f.text, f.ent)
	keys := c.keys(f)
	s, ok := c.bestStory(f, keys, place)
	rec := article{story: s}
	if !ok {
		s = c.newStory(0)
		rec = article{story: s, new: true}
	}
	c.addIndependent(a, f, keys, place, s)
	c.known[a.ID] = rec
	c.linkStoryline(s)
	return c.assignment(a.ID, rec)
}

// assignment renders a stored decision.
// Placed returns the assignment of an article already assigned, without
// assigning anything.
func (c *Clusterer) Placed(id int64) (Assignment, bool) {
	rec, ok := c.known[id]
	if !ok {
		return Assignment{}, false
	}
	return c.assignment(id, rec), true
}

func (c *Clusterer) assignment(id int64, rec article) Assignment {
	return Assignment{
		ArticleID:   id,
		StoryID:     c.stories[rec.story].id,
		StorylineID: c.stories[c.find(rec.story)].id,
		DuplicateOf: rec.dupOf,
		NewStory:    rec.new,
	}
}

// placeDay is the day an article is filed and looked up under: its
// published day or its URL's, else floating (see index.go). Mentioned days
// are too loose to file under: they only weigh in scoring.
func placeDay(t artTime) int32 {
	if t.written() {
		return t.day
	}
	return floating
}

// at is the span a place stands for in index queries.
func at(place int32) span {
	if place == floating {
		return span{}
	}
	return span{place, place, true}
}

// candidate is a story scored against the article being placed: its
// similarity with time's adjustment in, and the adjustment alone.
type candidate struct {
	story         int32
	score, adjust float64
}

// bestStory returns the most similar story within the window that passes
// the threshold and the join checks (joins). Ties go to the older story.
func (c *Clusterer) bestStory(f features, keys []uint32, place int32) (int32, bool) {
	w := days(c.cfg.Window)
	c.cands.grow(len(c.stories))
	cands := c.index.query(&c.cands, keys, c.vocab.idf, at(place), w, c.cfg.MaxCandidates)
	c.qText.scatter(f.text, c.vocab)
	c.qEnt.scatter(f.ent, c.vocab)
	c.passed = c.passed[:0]
	for _, s := range cands {
		sim, adjust, ok := c.similarity(f, c.stories[s])
		if ok && sim+adjust >= c.cfg.Threshold {
			c.passed = append(c.passed, candidate{s, sim + adjust, adjust})
		}
	}
	slices.SortFunc(c.passed, func(a, b candidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.story, b.story)
	})
	for _, p := range c.passed {
		if c.joins(f, p) {
			return p.story, true
		}
	}
	return -1, false
}

// joins checks a candidate that passed the threshold against the profile:
// the join must not rest on one shared name, and the article must be as
// similar on average to the story's kept members, time adjusted alike
// (members.go).
func (c *Clusterer) joins(f features, p candidate) bool {
	st := c.stories[p.story]
	return p.score-c.strongestName(f, st) >= c.cfg.NameThreshold &&
		c.memberSupport(st)+p.adjust >= c.cfg.Threshold
}

// similarity scores an article (loaded in qText and qEnt) against a story:
// a blend of term and entity cosines against the story's profile, adjusted
// for time (timeAdjust). ok is false beyond the window.
func (c *Clusterer) similarity(f features, s *story) (sim, adjust float64, ok bool) {
	gap, hard := s.gap(f.time, days(c.cfg.Window))
	if hard && gap > days(c.cfg.Window) {
		return 0, 0, false
	}
	gap = min(gap, days(c.cfg.Window))
	beta := c.cfg.EntityWeight
	sim = (1-beta)*c.qText.cos(s.text, c.vocab) + beta*c.qEnt.cos(s.ent, c.vocab)
	bonus := 0.0
	switch {
	case f.time.kind == timePublished && s.pub.ok:
		bonus = c.cfg.DatedBonus
	case f.time.written() && s.written().ok:
		bonus = c.cfg.URLBonus
	}
	return sim, c.timeAdjust(gap, bonus), true
}

// timeAdjust turns the time gap into similarity. When both sides have
// published days within the grace period, the match gains DatedBonus: among
// the few stories of the same days, shared vocabulary is far stronger
// evidence than among all stories ever (the threshold is set for comparisons
// that time cannot help). Beyond the grace period the adjustment falls
// linearly to −TimePenalty at the window's edge. A gap from mentioned days
// (a soft bound) only ever costs.
func (c *Clusterer) timeAdjust(gap int32, bonus float64) float64 {
	win, grace := days(c.cfg.Window), days(c.cfg.TimeGrace)
	if gap <= grace || win <= grace {
		return bonus
	}
	return bonus - (bonus+c.cfg.TimePenalty)*float64(gap-grace)/float64(win-grace)
}

// newStory appends an empty story; id 0 takes the next free ID.
func (c *Clusterer) newStory(id int64) int32 {
	if id == 0 {
		id = c.nextID
	}
	c.nextID = max(c.nextID, id+1)
	s := int32(len(c.stories))
	c.stories = append(c.stories, &story{id: id})
	c.parent = append(c.parent, s)
	c.byID[id] = s
	return s
}

// addIndependent makes a an independent member of story s.
func (c *Clusterer) addIndependent(a model.Article, f features, keys []uint32, place int32, s int32) {
	st := c.stories[s]
	st.articles = append(st.articles, a.ID)
	st.addOutlet(a.OutletLabel(), true)
	st.indep++
	st.last = c.index.seq
	if a.Title != "" {
		st.titles = append(st.titles, a.Title)
	}
	st.addTime(f.time)
	if place != floating {
		st.place.add(place)
	}
	st.addProfile(f, c.vocab, c.cfg.ProfileTerms)
	if st.addMember(f, c.vocab, c.cfg.Members) {
		c.holding = append(c.holding, s)
	}
	c.index.add(keys, place, s)
	c.dups.add(a.ID, f.sig, f.nsh, place, c.index.seq, s)
}

// addDuplicate makes a a member of story s as a copy of article orig. A
// copy counts for the story's outlets and dates, never for its profile,
// document frequencies or independent coverage.
func (c *Clusterer) addDuplicate(a model.Article, f features, s int32, orig int64) {
	st := c.stories[s]
	st.articles = append(st.articles, a.ID)
	st.addOutlet(a.OutletLabel(), false)
	st.last = c.index.seq
	st.addTime(f.time)
	c.known[a.ID] = article{story: s, dupOf: orig}
}

// Stories returns every story, in ID order.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, 0, len(c.stories))
	for i, s := range c.stories {
		out = append(out, s.output(c.vocab, c.stories[c.find(int32(i))].id))
	}
	slices.SortFunc(out, func(a, b Story) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// StoryCount is the number of stories, without building their summaries.
func (c *Clusterer) StoryCount() int { return len(c.stories) }

// Storylines calls fn with every story's ID and its storyline's ID, in
// creation order, without building summaries: enough to see which stories
// a storyline merge moved.
func (c *Clusterer) Storylines(fn func(story, storyline int64)) {
	for i, s := range c.stories {
		fn(s.id, c.stories[c.find(int32(i))].id)
	}
}

// Story returns one story's summary, ok false when there is no such story.
func (c *Clusterer) Story(id int64) (Story, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Story{}, false
	}
	return c.stories[i].output(c.vocab, c.stories[c.find(i)].id), true
}

// evictEvery is how often (in arrivals) old index weeks are looked for.
const evictEvery = 1024

// advance counts an arrival and now and then drops what no article can
// match any more: index weeks and near-duplicate slots older than the
// storyline (or story) window behind the newest week, and idle for Retain
// arrivals. Their stories are frozen (profiles dropped). Memory then follows
// the windows, not the archive; only IDs, assignments and story summaries
// stay for good. An article arriving more than Retain arrivals late and
// older than the windows starts a story of its own.
func (c *Clusterer) advance() {
	c.index.advance()
	seq := c.index.seq
	if seq%evictEvery != 0 {
		return
	}
	c.releaseMembers()
	if !c.index.dated {
		return
	}
	retain := uint32(c.cfg.Retain)
	keep := (days(c.cfg.StorylineWindow)+days(c.cfg.Window))/bucketDays + 1
	c.dups.evict(c.index.newest, days(c.cfg.Window)/bucketDays+1, seq, min(retain, recentArrivals))
	for _, s := range c.index.evict(keep, retain) {
		st := c.stories[s]
		if !st.frozen && seq-st.last > retain && (!st.place.ok || c.index.newest-bucketOf(st.place.last) > keep) {
			st.freeze(c.vocab)
		}
	}
}

// Len returns the number of articles assigned.
func (c *Clusterer) Len() int { return len(c.known) }
