package cluster

import (
	"cmp"
	"math"
	"slices"
)

// bucketDays is the width of the index's time buckets. A query reads every
// bucket its window touches, so a week keeps the number of lookups small for
// both the story window (about three buckets) and the storyline window
// (about 35), while a bucket still holds only a week of stories.
const bucketDays = 7

// index maps (term, week) to the stories holding that term among their
// articles of that week. Looking up only the weeks around an article is what
// bounds the work per article: an archive of years costs nothing extra.
type index struct {
	weeks   map[int32]*week
	recent  [2]map[uint32][]recentPost // term → recent filings in arrival order: [undated only, all]
	seq     uint32                     // the current arrival number
	trimmed uint32                     // seq at the last full trim
	newest  int32                      // the newest week filed
	dated   bool                       // whether any week was filed
}

// week holds one week's postings and the last arrival that filed into it.
type week struct {
	post map[uint32][]int32
	last uint32
}

// Articles without a published day cannot be put in time. Every filing is
// therefore also kept in arrival order (recent, per term), for the last
// recentArrivals articles: an undated article looks there, among everything
// that arrived lately, and a dated one looks there for the undated filings
// beside its own weeks. Arrival order stands in for time: in a live stream
// the two agree, and a small shuffled collection lies entirely within the
// limit. The limit is what keeps an undated article's cost from growing with
// the archive.
const (
	floating       = math.MinInt32 // the place of an undated article
	recentArrivals = 10000
)

func bucketOf(day int32) int32 {
	if day < 0 {
		return (day - bucketDays + 1) / bucketDays
	}
	return day / bucketDays
}

// Which recent lists a query reads.
const (
	recentUndated = 0
	recentAll     = 1
)

// recentPost is a filing in arrival order.
type recentPost struct {
	story int32
	seq   uint32 // the arrival that filed it
}

func newIndex() *index {
	return &index{
		weeks:  make(map[int32]*week),
		recent: [2]map[uint32][]recentPost{make(map[uint32][]recentPost), make(map[uint32][]recentPost)},
	}
}

// add files story s under terms for the week of day (floating: undated).
func (ix *index) add(terms []uint32, day int32, s int32) {
	ix.addRecent(recentAll, terms, s)
	if day == floating {
		ix.addRecent(recentUndated, terms, s)
		return
	}
	b := bucketOf(day)
	wk := ix.weeks[b]
	if wk == nil {
		wk = &week{post: make(map[uint32][]int32)}
		ix.weeks[b] = wk
	}
	wk.last = ix.seq
	if !ix.dated || b > ix.newest {
		ix.newest, ix.dated = b, true
	}
	for _, t := range terms {
		p := wk.post[t]
		if len(p) > 0 && p[len(p)-1] == s {
			continue // the story's previous article already filed it
		}
		wk.post[t] = append(p, s)
	}
}

func (ix *index) addRecent(list int, terms []uint32, s int32) {
	m := ix.recent[list]
	for _, t := range terms {
		p := m[t]
		if n := len(p); n > 0 && p[n-1].story == s {
			continue
		}
		m[t] = append(p, recentPost{s, ix.seq})
	}
}

// advance counts an arrival, trimming every term's recent filings once per
// recentArrivals arrivals so terms no longer looked up do not keep them.
func (ix *index) advance() {
	ix.seq++
	if ix.seq-ix.trimmed < recentArrivals {
		return
	}
	ix.trimmed = ix.seq
	for list, m := range ix.recent {
		for t := range m {
			ix.recentOf(list, t)
		}
	}
}

// evict drops the weeks more than keep weeks older than the newest one
// that no article has been filed into for retain arrivals, and returns the
// stories they held. Both conditions must hold: age alone would lose the
// stories of an archive fed out of order, staleness alone those a storyline
// may still reach.
func (ix *index) evict(keep int32, retain uint32) []int32 {
	var out []int32
	for b, wk := range ix.weeks {
		if ix.newest-b <= keep || ix.seq-wk.last <= retain {
			continue
		}
		for _, p := range wk.post {
			out = append(out, p...)
		}
		delete(ix.weeks, b)
	}
	return out
}

// candidates accumulates, per story, the IDF weight of the query terms it
// shares, without clearing per-story arrays between queries (stamps mark
// what belongs to the current query and term).
type candidates struct {
	stamp     []uint32 // per story: stamp of the last term that counted it
	acc       []float32
	touched   []int32
	ranked    []ranked // scratch for selection
	cur, base uint32
}

// grow makes room for n stories.
func (c *candidates) grow(n int) {
	for len(c.stamp) < n {
		c.stamp = append(c.stamp, 0)
		c.acc = append(c.acc, 0)
	}
}

// query collects the stories filed under terms and returns the best max of
// them by shared weight (ties to the older story), each term counting once per
// story. A dated query (at.ok) reads the weeks of [at.first-radius,
// at.last+radius] and the recent undated filings; an undated one reads all
// recent filings.
func (ix *index) query(c *candidates, terms []uint32, weight func(uint32) float32, at span, radius int32, max int) []int32 {
	c.cur++
	c.base = c.cur
	c.touched = c.touched[:0]
	b0, b1 := int32(1), int32(0) // empty range
	if at.ok {
		b0, b1 = bucketOf(at.first-radius), bucketOf(at.last+radius)
	}
	var wks []*week
	for b := b0; b <= b1; b++ {
		if wk := ix.weeks[b]; wk != nil {
			wks = append(wks, wk)
		}
	}
	for _, t := range terms {
		c.cur++
		w := weight(t)
		for _, wk := range wks {
			for _, s := range wk.post[t] {
				ix.count(c, s, w)
			}
		}
		list := recentAll
		if at.ok {
			list = recentUndated
		}
		for _, r := range ix.recentOf(list, t) {
			ix.count(c, r.story, w)
		}
	}
	// Only the best max are wanted: select them, then order those alone.
	if len(c.touched) > max {
		rs := c.ranked[:0]
		for _, s := range c.touched {
			rs = append(rs, ranked{w: c.acc[s], t: uint32(s)})
		}
		selectTop(rs, max)
		c.touched = c.touched[:0]
		for _, r := range rs[:max] {
			c.touched = append(c.touched, int32(r.t))
		}
		c.ranked = rs
	}
	slices.SortFunc(c.touched, func(a, b int32) int {
		if x := cmp.Compare(c.acc[b], c.acc[a]); x != 0 {
			return x
		}
		return cmp.Compare(a, b)
	})
	return c.touched
}

// recentOf returns the recent filings of term t in a list, dropping for
// good those older than recentArrivals arrivals.
func (ix *index) recentOf(list int, t uint32) []recentPost {
	m := ix.recent[list]
	p := m[t]
	i := 0
	for i < len(p) && ix.seq-p[i].seq > recentArrivals {
		i++
	}
	if i > 0 {
		p = p[i:]
		if len(p) == 0 {
			delete(m, t)
		} else {
			m[t] = p
		}
	}
	return p
}

func (ix *index) count(c *candidates, s int32, w float32) {
	switch st := c.stamp[s]; {
	case st == c.cur:
		return
	case st <= c.base:
		c.acc[s] = 0
		c.touched = append(c.touched, s)
	}
	c.stamp[s] = c.cur
	c.acc[s] += w
}
