package cluster

import "slices"

// dupIndex finds near-duplicates among the independent articles of the
// surrounding weeks by LSH banding of MinHash signatures. Only independent
// articles are filed: a copy of a copy resolves to the first article.
// Entries live in slots — one per week for dated articles, one per 2,000
// arrivals for undated ones — so old ones go a slot at a time.
type dupIndex struct {
	dated map[int32]*dupSlot // by week
	undat map[uint32]*dupSlot
	seen  []dupRef // entries already checked by the current find (few: LSH collisions are rare)
}

// undatedSlot is how many arrivals share a slot of undated articles.
const undatedSlot = 2000

// dupSlot holds the filed articles of one week or arrival range. Band
// postings are chained through next (one node per entry and band) so a
// posting costs four bytes, not a slice.
type dupSlot struct {
	head  map[uint64]int32 // band key → last node + 1
	next  []int32          // node → previous node in the same band + 1
	ids   []int64
	sigs  []uint32 // numHashes per entry
	sizes []int32
	days  []int32
	story []int32
	last  uint32 // the last arrival filed here
}

type dupRef struct {
	slot *dupSlot
	e    int32
}

func newDupIndex() *dupIndex {
	return &dupIndex{dated: make(map[int32]*dupSlot), undat: make(map[uint32]*dupSlot)}
}

// slot returns the slot an article of day (floating: undated) arriving as
// seq goes to.
func (d *dupIndex) slot(day int32, seq uint32) *dupSlot {
	var s *dupSlot
	if day == floating {
		if s = d.undat[seq/undatedSlot]; s == nil {
			s = &dupSlot{head: make(map[uint64]int32)}
			d.undat[seq/undatedSlot] = s
		}
	} else if s = d.dated[bucketOf(day)]; s == nil {
		s = &dupSlot{head: make(map[uint64]int32)}
		d.dated[bucketOf(day)] = s
	}
	s.last = seq
	return s
}

// add files an independent article.
func (d *dupIndex) add(id int64, sig []uint32, size int32, day int32, seq uint32, story int32) {
	if sig == nil {
		return
	}
	s := d.slot(day, seq)
	e := int32(len(s.ids))
	s.ids = append(s.ids, id)
	s.sigs = append(s.sigs, sig...)
	s.sizes = append(s.sizes, size)
	s.days = append(s.days, day)
	s.story = append(s.story, story)
	for b := range lshBands {
		k := bandKey(sig, b)
		s.next = append(s.next, s.head[k])
		s.head[k] = e*lshBands + int32(b) + 1
	}
}

// find returns the filed article within window days of day that contains
// or is contained in the article with signature sig and size shingles, to at
// least thr (see overlap), with Jaccard at least minJaccard; the most similar
// wins, ties to the earlier article. It also returns its story. A dated
// article looks in its weeks and the recent undated slots; an undated one in
// every slot kept.
func (d *dupIndex) find(sig []uint32, size int32, day, window int32, thr float64) (int64, int32, bool) {
	if sig == nil {
		return 0, 0, false
	}
	d.seen = d.seen[:0]
	var best dupRef
	bestC := thr
	keys := make([]uint64, lshBands)
	for b := range keys {
		keys[b] = bandKey(sig, b)
	}
	visit := func(s *dupSlot) {
		for _, k := range keys {
			for n := s.head[k]; n > 0; n = s.next[n-1] {
				r := dupRef{s, (n - 1) / lshBands}
				if slices.Contains(d.seen, r) {
					continue
				}
				d.seen = append(d.seen, r)
				if c, ok := d.match(r, sig, size, day, window); ok && (c > bestC || c == bestC && (best.slot == nil || r.slot.ids[r.e] < best.slot.ids[best.e])) {
					best, bestC = r, c
				}
			}
		}
	}
	for _, s := range d.undat {
		visit(s)
	}
	if day == floating {
		for _, s := range d.dated {
			visit(s)
		}
	} else {
		for w := bucketOf(day - window); w <= bucketOf(day+window); w++ {
			if s := d.dated[w]; s != nil {
				visit(s)
			}
		}
	}
	if best.slot == nil {
		return 0, 0, false
	}
	return best.slot.ids[best.e], best.slot.story[best.e], true
}

// match checks one filed entry: within the window, Jaccard at least
// minJaccard; it returns the containment.
func (d *dupIndex) match(r dupRef, sig []uint32, size int32, day, window int32) (float64, bool) {
	s, e := r.slot, r.e
	if od := s.days[e]; day != floating && od != floating && abs32(od-day) > window {
		return 0, false
	}
	j := jaccard(sig, s.sigs[int(e)*numHashes:int(e+1)*numHashes])
	if j < minJaccard {
		return 0, false
	}
	return overlap(j, size, s.sizes[e]), true
}

// evict drops the dated slots more than keep weeks older than newest that
// got nothing for retain arrivals, and the undated slots older than retain
// arrivals.
func (d *dupIndex) evict(newest, keep int32, seq, retain uint32) {
	for w, s := range d.dated {
		if newest-w > keep && seq-s.last > retain {
			delete(d.dated, w)
		}
	}
	for k, s := range d.undat {
		if seq-s.last > retain {
			delete(d.undat, k)
		}
	}
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
