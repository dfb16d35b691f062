package cluster

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"reflect"
)

// A checkpoint is the clusterer's whole state (vocabulary, windowed index,
// near-duplicate slots, story summaries and profiles, storylines, every
// assigned article's decision), so a new process resumes from it instead of
// replaying every stored decision: start-up then costs decoding the state,
// which the windows bound, plus replaying what was placed after it.
// Resume(cfg, c.Checkpoint()) decides every later article exactly as c does
// (TestCheckpointResumes).

// checkpointFormat numbers the encoding below; change it with the state.
const checkpointFormat = 2

// CheckpointVersion names the encoding and the configuration a checkpoint
// is valid for: one written under another version is not resumed (the
// caller replays the stored decisions instead).
func CheckpointVersion(cfg Config) string {
	cfg = New(cfg).cfg // defaults filled in as the clusterer has them
	h := sha256.New()
	fmt.Fprintf(h, "format %d\n", checkpointFormat)
	v := reflect.ValueOf(cfg)
	for i := range v.NumField() {
		if v.Field(i).Kind() == reflect.Func {
			// A custom entity finder cannot be named: only whether one is set.
			fmt.Fprintf(h, "%s=%v\n", v.Type().Field(i).Name, !v.Field(i).IsNil())
			continue
		}
		fmt.Fprintf(h, "%s=%v\n", v.Type().Field(i).Name, v.Field(i).Interface())
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Checkpoint encodes the clusterer's state.
func (c *Clusterer) Checkpoint() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c.snapshot()); err != nil {
		return nil, fmt.Errorf("cluster checkpoint: %w", err)
	}
	return buf.Bytes(), nil
}

// Resume returns a clusterer with the state a checkpoint holds; cfg must be
// the configuration it was written under (CheckpointVersion tells).
func Resume(cfg Config, data []byte) (*Clusterer, error) {
	var s cpState
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, fmt.Errorf("cluster checkpoint: %w", err)
	}
	if s.Format != checkpointFormat {
		return nil, fmt.Errorf("cluster checkpoint: format %d, want %d", s.Format, checkpointFormat)
	}
	c := New(cfg)
	c.restoreSnapshot(&s)
	return c, nil
}

// The cp types mirror the clusterer's own with exported fields, for gob.
type cpState struct {
	Format  int
	Vocab   cpVocab
	Index   cpIndex
	Dups    cpDups
	Stories []cpStory
	Parent  []int32
	Holding []int32
	Known   cpKnown
	NextID  int64
}

type cpVocab struct {
	Terms []string // by term ID
	DF    []int32
	LogDF []float32
	N     int
	LogN1 float32
}

type cpIndex struct {
	Weeks        map[int32]cpWeek
	Recent       [2]map[uint32][]cpPost
	Seq, Trimmed uint32
	Newest       int32
	Dated        bool
}

type cpWeek struct {
	Post map[uint32][]int32
	Last uint32
}

type cpPost struct {
	Story int32
	Seq   uint32
}

type cpDups struct {
	Dated map[int32]cpSlot
	Undat map[uint32]cpSlot
}

type cpSlot struct {
	Head               map[uint64]int32
	Next               []int32
	IDs                []int64
	Sigs               []uint32
	Sizes, Days, Story []int32
	Last               uint32
}

type cpStory struct {
	ID                    int64
	Articles              []int64
	Titles                []string
	Outlets               []string
	OutletIndep           []int32
	Indep                 int32
	Last                  uint32
	Frozen                bool
	Title                 string
	TextT, EntT           []uint32
	TextW, EntW           []float32
	Members               []cpMember
	Released              bool
	Pub, URL, Ment, Place cpSpan
}

type cpMember struct {
	TextT, EntT []uint32
	TextW, EntW []float32
}

type cpSpan struct {
	First, Last int32
	OK          bool
}

func toCPSpan(s span) cpSpan { return cpSpan{s.first, s.last, s.ok} }
func (s cpSpan) span() span  { return span{s.First, s.Last, s.OK} }

// cpKnown holds the decisions as parallel columns: much smaller in gob
// than a map of records.
type cpKnown struct {
	IDs   []int64
	Story []int32
	DupOf []int64
	New   []bool
}

func (c *Clusterer) snapshot() *cpState {
	s := &cpState{Format: checkpointFormat, Parent: c.parent, Holding: c.holding, NextID: c.nextID}
	s.Vocab = cpVocab{Terms: make([]string, len(c.vocab.df)), DF: c.vocab.df, LogDF: c.vocab.logDF, N: c.vocab.n, LogN1: c.vocab.logN1}
	for t, id := range c.vocab.ids {
		s.Vocab.Terms[id] = t
	}
	s.Index = snapshotIndex(c.index)
	s.Dups = cpDups{Dated: map[int32]cpSlot{}, Undat: map[uint32]cpSlot{}}
	for k, d := range c.dups.dated {
		s.Dups.Dated[k] = snapshotSlot(d)
	}
	for k, d := range c.dups.undat {
		s.Dups.Undat[k] = snapshotSlot(d)
	}
	s.Stories = make([]cpStory, len(c.stories))
	for i, st := range c.stories {
		s.Stories[i] = snapshotStory(st)
	}
	for id, a := range c.known {
		s.Known.IDs = append(s.Known.IDs, id)
		s.Known.Story = append(s.Known.Story, a.story)
		s.Known.DupOf = append(s.Known.DupOf, a.dupOf)
		s.Known.New = append(s.Known.New, a.new)
	}
	return s
}

func snapshotIndex(ix *index) cpIndex {
	out := cpIndex{Weeks: map[int32]cpWeek{}, Seq: ix.seq, Trimmed: ix.trimmed, Newest: ix.newest, Dated: ix.dated}
	for k, w := range ix.weeks {
		out.Weeks[k] = cpWeek{Post: w.post, Last: w.last}
	}
	for i, m := range ix.recent {
		out.Recent[i] = make(map[uint32][]cpPost, len(m))
		for t, ps := range m {
			cp := make([]cpPost, len(ps))
			for j, p := range ps {
				cp[j] = cpPost{Story: p.story, Seq: p.seq}
			}
			out.Recent[i][t] = cp
		}
	}
	return out
}

func snapshotSlot(d *dupSlot) cpSlot {
	return cpSlot{Head: d.head, Next: d.next, IDs: d.ids, Sigs: d.sigs, Sizes: d.sizes, Days: d.days, Story: d.story, Last: d.last}
}

func snapshotStory(st *story) cpStory {
	out := cpStory{ID: st.id, Articles: st.articles, Titles: st.titles, Indep: st.indep, Last: st.last,
		Frozen: st.frozen, Title: st.title, Released: st.released, Pub: toCPSpan(st.pub), URL: toCPSpan(st.url), Ment: toCPSpan(st.ment), Place: toCPSpan(st.place)}
	for _, m := range st.members {
		var cm cpMember
		cm.TextT, cm.TextW = splitVec(m.text)
		cm.EntT, cm.EntW = splitVec(m.ent)
		out.Members = append(out.Members, cm)
	}
	for _, o := range st.outlets {
		out.Outlets = append(out.Outlets, o.name)
		out.OutletIndep = append(out.OutletIndep, o.indep)
	}
	out.TextT, out.TextW = splitVec(st.text)
	out.EntT, out.EntW = splitVec(st.ent)
	return out
}

func splitVec(x vec) ([]uint32, []float32) {
	if x == nil {
		return nil, nil
	}
	ts, ws := make([]uint32, len(x)), make([]float32, len(x))
	for i, e := range x {
		ts[i], ws[i] = e.t, e.w
	}
	return ts, ws
}

func joinVec(ts []uint32, ws []float32) vec {
	if ts == nil {
		return nil
	}
	x := make(vec, len(ts))
	for i := range ts {
		x[i] = tw{ts[i], ws[i]}
	}
	return x
}

func (c *Clusterer) restoreSnapshot(s *cpState) {
	v := c.vocab
	v.df, v.logDF, v.n, v.logN1 = s.Vocab.DF, s.Vocab.LogDF, s.Vocab.N, s.Vocab.LogN1
	v.ids = make(map[string]uint32, len(s.Vocab.Terms))
	for id, t := range s.Vocab.Terms {
		v.ids[t] = uint32(id)
	}
	ix := c.index
	ix.seq, ix.trimmed, ix.newest, ix.dated = s.Index.Seq, s.Index.Trimmed, s.Index.Newest, s.Index.Dated
	for k, w := range s.Index.Weeks {
		ix.weeks[k] = &week{post: nonNilPost(w.Post), last: w.Last}
	}
	for i, m := range s.Index.Recent {
		for t, ps := range m {
			rp := make([]recentPost, len(ps))
			for j, p := range ps {
				rp[j] = recentPost{story: p.Story, seq: p.Seq}
			}
			ix.recent[i][t] = rp
		}
	}
	for k, d := range s.Dups.Dated {
		c.dups.dated[k] = restoreSlot(d)
	}
	for k, d := range s.Dups.Undat {
		c.dups.undat[k] = restoreSlot(d)
	}
	c.stories = make([]*story, len(s.Stories))
	for i, cs := range s.Stories {
		c.stories[i] = restoreStory(cs)
		c.byID[cs.ID] = int32(i)
	}
	c.parent, c.holding, c.nextID = s.Parent, s.Holding, s.NextID
	for i, id := range s.Known.IDs {
		c.known[id] = article{story: s.Known.Story[i], dupOf: s.Known.DupOf[i], new: s.Known.New[i]}
	}
}

func nonNilPost(m map[uint32][]int32) map[uint32][]int32 {
	if m == nil {
		return map[uint32][]int32{}
	}
	return m
}

func restoreSlot(d cpSlot) *dupSlot {
	head := d.Head
	if head == nil {
		head = map[uint64]int32{}
	}
	return &dupSlot{head: head, next: d.Next, ids: d.IDs, sigs: d.Sigs, sizes: d.Sizes, days: d.Days, story: d.Story, last: d.Last}
}

func restoreStory(cs cpStory) *story {
	st := &story{id: cs.ID, articles: cs.Articles, titles: cs.Titles, indep: cs.Indep, last: cs.Last, frozen: cs.Frozen,
		title: cs.Title, released: cs.Released, pub: cs.Pub.span(), url: cs.URL.span(), ment: cs.Ment.span(), place: cs.Place.span(),
		text: joinVec(cs.TextT, cs.TextW), ent: joinVec(cs.EntT, cs.EntW)}
	for _, m := range cs.Members {
		st.members = append(st.members, member{text: joinVec(m.TextT, m.TextW), ent: joinVec(m.EntT, m.EntW)})
	}
	for i, name := range cs.Outlets {
		st.outlets = append(st.outlets, outletCount{name: name, indep: cs.OutletIndep[i]})
	}
	return st
}
