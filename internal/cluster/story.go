package cluster

import (
	"math"
	"slices"
	"time"

	"parallax/internal/text"
)

// Story is one event as the clusterer sees it.
type Story struct {
	ID          int64
	StorylineID int64
	// Title is the member headline that best matches the story's term
	// profile: the most typical headline, not merely the first.
	Title string
	// ArticleIDs in assignment order, duplicates included.
	ArticleIDs []int64
	// Outlets are the distinct outlets of all articles, sorted.
	Outlets []string
	// Independent counts the articles that are not near-duplicates of
	// another; IndependentOutlets counts the outlets with at least one.
	// Coverage figures should use these, not len(ArticleIDs).
	Independent        int
	IndependentOutlets int
	// FirstPublished and LastPublished span the members' published days;
	// when no member has one, the days their texts mention; zero when
	// neither is known. Dated tells which: true for published days.
	FirstPublished, LastPublished time.Time
	Dated                         bool
}

// span is a range of days, empty until the first add.
type span struct {
	first, last int32
	ok          bool
}

func (s *span) add(d int32) {
	if !s.ok {
		*s = span{d, d, true}
		return
	}
	s.first, s.last = min(s.first, d), max(s.last, d)
}

// outletCount is an outlet of a story and its independent articles there
// (0: copies only). A slice, not a map: stories have few outlets.
type outletCount struct {
	name  string
	indep int32
}

// addOutlet counts an article of outlet name.
func (s *story) addOutlet(name string, independent bool) {
	i := slices.IndexFunc(s.outlets, func(o outletCount) bool { return o.name == name })
	if i < 0 {
		s.outlets = append(s.outlets, outletCount{name: name})
		i = len(s.outlets) - 1
	}
	if independent {
		s.outlets[i].indep++
	}
}

// freeze drops what only matching needs, once the story has left the
// index: its profiles and all headlines but the representative one.
func (s *story) freeze(v *vocab) {
	s.title = s.representative(v)
	s.titles, s.text, s.ent, s.members = nil, nil, nil, nil
	s.frozen = true
}

// story is the clusterer's state for one story.
type story struct {
	id       int64
	articles []int64
	titles   []string // headlines of independent members
	outlets  []outletCount
	indep    int32
	last     uint32   // the arrival that last joined
	frozen   bool     // evicted from the index: profile dropped, title fixed
	title    string   // the representative headline, once frozen
	text     vec      // sum of the members' unit term vectors
	ent      vec      // sum of the members' unit entity vectors
	members  []member // its first members (members.go)
	released bool     // members dropped for good
	pub      span     // published days
	url      span     // days from URLs (articles without a published day)
	ment     span     // mentioned days (articles with neither)
	place    span     // the days the story is filed under in the index
}

// addProfile folds an independent article's vectors into the profile,
// each member weighing one (vectors normalised under the current IDF), and
// caps the profile to its strongest terms so a long-running story stays cheap
// to compare.
func (s *story) addProfile(f features, v *vocab, capTerms int) {
	if n := f.text.normIDF(v); n > 0 {
		s.text = capProfile(addScaled(s.text, f.text, float32(1/n)), capTerms, v)
	}
	if n := f.ent.normIDF(v); n > 0 {
		s.ent = capProfile(addScaled(s.ent, f.ent, float32(1/n)), capTerms, v)
	}
}

// capProfile trims a profile back to capTerms terms once it exceeds half as
// many again, so the selection runs once in a while, not on every article.
func capProfile(x vec, capTerms int, v *vocab) vec {
	if len(x) <= capTerms+capTerms/2 {
		return x
	}
	return x.topIDF(capTerms, v)
}

// addTime records an article's day.
func (s *story) addTime(t artTime) {
	switch t.kind {
	case timePublished:
		s.pub.add(t.day)
	case timeURL:
		s.url.add(t.day)
	case timeMentioned:
		s.ment.add(t.day)
	}
}

// written is the span of days the story's members were written on, as far
// as known: published days and URL days.
func (s *story) written() span {
	w := s.pub
	if s.url.ok {
		w.add(s.url.first)
		w.add(s.url.last)
	}
	return w
}

// gap is the distance in days between an article's time and the story's,
// as far as the two can be compared, and whether it may exclude a match. A
// mentioned day is a soft lower bound: an article is published on or after
// the dates it reports, often long after the background dates it recalls, so
// only a mention later than the other side's publication counts against a
// match. Two mentioned days are compared only when they are close: then both
// are likely the reported events' days; far apart, one of them is background
// and says nothing.
func (s *story) gap(t artTime, window int32) (gap int32, hard bool) {
	w := s.written()
	switch {
	case t.written() && w.ok:
		if t.day < w.first {
			return w.first - t.day, true
		}
		return max(0, t.day-w.last), true
	case t.written() && s.ment.ok:
		return max(0, s.ment.last-t.day), true
	case t.kind == timeMentioned && w.ok:
		return max(0, t.day-w.last), true
	case t.kind == timeMentioned && s.ment.ok:
		g := max(0, s.ment.first-t.day, t.day-s.ment.last)
		if g > window {
			return 0, false
		}
		return g, false
	}
	return 0, false
}

// output renders the story for Stories.
func (s *story) output(v *vocab, line int64) Story {
	out := Story{
		ID:          s.id,
		StorylineID: line,
		Title:       s.title,
		ArticleIDs:  slices.Clone(s.articles),
		Independent: int(s.indep),
	}
	for _, o := range s.outlets {
		out.Outlets = append(out.Outlets, o.name)
		if o.indep > 0 {
			out.IndependentOutlets++
		}
	}
	slices.Sort(out.Outlets)
	if !s.frozen {
		out.Title = s.representative(v)
	}
	sp := s.pub
	out.Dated = sp.ok
	if !sp.ok {
		sp = s.url
	}
	if !sp.ok {
		sp = s.ment
	}
	if sp.ok {
		out.FirstPublished, out.LastPublished = dayTime(sp.first), dayTime(sp.last)
	}
	return out
}

// representative picks the headline whose terms weigh most in the story's
// profile (per square root of its length, so neither one-word nor long
// headlines win by size); ties go to the earliest. It depends only on the
// members and the profile, not on who arrived first.
func (s *story) representative(v *vocab) string {
	best, bestScore := "", -1.0
	for _, title := range s.titles {
		var sum float64
		n := 0
		for _, w := range text.Words(title) {
			t, ok := normTerm(w)
			if !ok {
				continue
			}
			n++
			if id, ok := v.ids[t]; ok {
				if i, found := slices.BinarySearchFunc(s.text, id, func(e tw, id uint32) int { return int(int64(e.t) - int64(id)) }); found {
					sum += float64(s.text[i].w * v.idf(id))
				}
			}
		}
		score := 0.0
		if n > 0 {
			score = sum / math.Sqrt(float64(n))
		}
		if score > bestScore {
			best, bestScore = title, score
		}
	}
	return best
}
