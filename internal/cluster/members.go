package cluster

import "strings"

// member is what a live story keeps of one independent article to check a
// newcomer against the members themselves, not only their sum: its
// strongest terms and names.
type member struct {
	text, ent vec
}

// memberTerms caps a kept member's vectors: its strongest terms carry
// nearly all of its cosine with anything.
const memberTerms = 100

// addMember keeps article f as a member of s, up to maxMembers: the
// founders, so a story cannot drift away from what it was first about. It
// reports whether f is the story's first kept member.
func (s *story) addMember(f features, v *vocab, maxMembers int) bool {
	if len(s.members) >= maxMembers || s.released {
		return false
	}
	s.members = append(s.members, member{text: f.text.topIDF(memberTerms, v), ent: f.ent.topIDF(memberTerms/2, v)})
	return len(s.members) == 1
}

// releaseMembers drops the kept members of the stories no article can
// reach any more in the normal course: out of the recent arrivals, where
// articles without a written day look, and more than a window behind the
// newest week. Members are most of what a live story holds; the index keeps
// a story findable much longer (Retain), for archives fed out of order, and
// such a late article is checked against the story's profile alone.
func (c *Clusterer) releaseMembers() {
	ix := c.index
	weeks := days(c.cfg.Window)/bucketDays + 1
	keep := c.holding[:0]
	for _, s := range c.holding {
		st := c.stories[s]
		if ix.seq-st.last > recentArrivals && (!st.place.ok || ix.dated && ix.newest-bucketOf(st.place.last) > weeks) {
			st.members, st.released = nil, true
			continue
		}
		keep = append(keep, s)
	}
	c.holding = keep
}

// memberSupport is the mean similarity of the article loaded in qText and
// qEnt to the story's kept members.
func (c *Clusterer) memberSupport(s *story) float64 {
	if len(s.members) == 0 {
		return 1
	}
	beta := c.cfg.EntityWeight
	var sum float64
	for _, m := range s.members {
		sum += (1-beta)*c.qText.cos(m.text, c.vocab) + beta*c.qEnt.cos(m.ent, c.vocab)
	}
	return sum / float64(len(s.members))
}

// strongestName is how much of the similarity between the article loaded in
// qText and qEnt and story s rests on one shared name: the name's share of
// the entity cosine plus its words' share of the term cosine, for the name
// that gives most. A join that stands only on it is one rare name shared by
// two different events.
func (c *Clusterer) strongestName(f features, s *story) float64 {
	if c.qText.norm == 0 && c.qEnt.norm == 0 {
		return 0
	}
	nt, ne := s.text.normIDF(c.vocab), s.ent.normIDF(c.vocab)
	beta := c.cfg.EntityWeight
	best := 0.0
	for _, n := range f.names {
		pe := s.ent.weight(n.id)
		if pe == 0 {
			continue
		}
		share := beta * float64(pe*c.qEnt.dense[n.id]) / (c.qEnt.norm * ne)
		if nt > 0 && c.qText.norm > 0 {
			for _, w := range strings.Fields(n.words) {
				if t, ok := c.termID(w); ok {
					share += (1 - beta) * float64(s.text.weight(t)*c.qText.dense[t]) / (c.qText.norm * nt)
				}
			}
		}
		best = max(best, share)
	}
	return best
}

// termID returns the vocabulary ID of a word as a term, without interning.
func (c *Clusterer) termID(w string) (uint32, bool) {
	t, ok := normTerm(w)
	if !ok {
		return 0, false
	}
	id, ok := c.vocab.ids[t]
	return id, ok
}
