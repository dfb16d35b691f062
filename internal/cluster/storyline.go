package cluster

import "math/bits"

// Storylines link stories that continue one another: the same key actors and
// subject, weeks or months apart (a phone call in February, the talks it led
// to in May). The test is looser than for stories — profiles against
// profiles, no time penalty — over a wider window, and links are transitive:
// a storyline is a connected component, kept in a union-find whose root is
// the component's oldest story, so its ID is deterministic.

// linkStoryline looks for stories that continue story s. It runs when the
// story's independent count reaches a power of four (1, 4, 16, …): its
// profile has changed enough to deserve another look, and the work per story
// stays logarithmic.
func (c *Clusterer) linkStoryline(s int32) {
	st := c.stories[s]
	if n := uint32(st.indep); n == 0 || bits.OnesCount32(n) != 1 || bits.TrailingZeros32(n)%2 != 0 {
		return
	}
	// The strongest few keys, mostly names: a storyline is its key actors.
	// Few, because the window spans some 35 weeks of postings.
	var keys []uint32
	for _, e := range st.ent.topIDF(c.cfg.QueryTerms/4, c.vocab) {
		keys = append(keys, e.t)
	}
	for _, e := range st.text.topIDF(c.cfg.QueryTerms/8, c.vocab) {
		keys = append(keys, e.t)
	}
	w := days(c.cfg.StorylineWindow)
	c.cands.grow(len(c.stories))
	c.qText.scatter(st.text, c.vocab)
	c.qEnt.scatter(st.ent, c.vocab)
	for _, o := range c.index.query(&c.cands, keys, c.vocab.idf, st.place, w, c.cfg.MaxCandidates/3) {
		if c.find(o) == c.find(s) || spanGap(st.place, c.stories[o].place) > w {
			continue
		}
		// The mean of the entity and term cosines of the two profiles.
		sim := 0.5*c.qEnt.cos(c.stories[o].ent, c.vocab) + 0.5*c.qText.cos(c.stories[o].text, c.vocab)
		if sim >= c.cfg.StorylineThreshold {
			c.union(s, o)
		}
	}
}

// spanGap is the number of days between two spans (0 when they overlap or
// either is empty: a floating story may be near anything).
func spanGap(a, b span) int32 {
	switch {
	case !a.ok || !b.ok:
		return 0
	case a.last < b.first:
		return b.first - a.last
	case b.last < a.first:
		return a.first - b.last
	}
	return 0
}

// find returns the root of s's storyline, halving paths as it goes.
func (c *Clusterer) find(s int32) int32 {
	for c.parent[s] != s {
		c.parent[s] = c.parent[c.parent[s]]
		s = c.parent[s]
	}
	return s
}

// union joins two storylines under the older root.
func (c *Clusterer) union(a, b int32) {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
}
