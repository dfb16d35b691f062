package pipeline

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/store"
)

// PlacementStore is what story placement needs of a store.
type PlacementStore interface {
	PlacedAfter(ctx context.Context, seq int64, fn func(model.Article, model.Placement) error) error
	CommitPlacements(ctx context.Context, b store.PlacementBatch) error
}

// Stories places articles into stories as they arrive and keeps the store's
// placements and story rows in step. It holds the clusterer's state, so
// one goroutine uses it, and it writes under the store's writer lease.
type Stories struct {
	st      PlacementStore
	epoch   int64 // the writer lease's grant every commit names
	c       *cluster.Clusterer
	seq     int64
	pending []model.Placement
	written map[int64]model.Story // story rows as last written
	touched map[int64]bool
}

// LoadStories rebuilds the clusterer from the store, under lease (the
// caller holds it for as long as it places): placed articles are replayed
// in their placement order, then any unplaced ones (an earlier run stopped
// between storing and placing) are placed now.
func LoadStories(ctx context.Context, st PlacementStore, lease store.Lease, cfg cluster.Config) (*Stories, error) {
	s, unplaced, err := replayStories(ctx, st, lease, cfg)
	if err != nil {
		return nil, err
	}
	for _, a := range unplaced {
		s.Place(a)
	}
	return s, s.Flush(ctx)
}

// ReplayStories rebuilds the clusterer from the placed articles only,
// under lease. Unplaced articles stay unplaced: the distributed story
// writer places them in queue order as their workers' results arrive.
func ReplayStories(ctx context.Context, st PlacementStore, lease store.Lease, cfg cluster.Config) (*Stories, error) {
	s, _, err := replayStories(ctx, st, lease, cfg)
	return s, err
}

func replayStories(ctx context.Context, st PlacementStore, lease store.Lease, cfg cluster.Config) (*Stories, []model.Article, error) {
	s := &Stories{st: st, epoch: lease.Epoch(), c: cluster.New(cfg), written: map[int64]model.Story{}, touched: map[int64]bool{}}
	var unplaced []model.Article
	err := st.PlacedAfter(ctx, 0, func(a model.Article, p model.Placement) error {
		if p.StoryID == 0 {
			unplaced = append(unplaced, a)
			return nil
		}
		s.seq = max(s.seq, p.Seq)
		return s.c.Restore(a, cluster.Assignment{ArticleID: a.ID, StoryID: p.StoryID, DuplicateOf: p.DuplicateOf, NewStory: p.NewStory})
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load stories: %w", err)
	}
	for _, st := range s.c.Stories() {
		s.written[st.ID] = toModelStory(st)
	}
	return s, unplaced, nil
}

// Unplaced lists the stored articles not placed yet, by ID.
func (s *Stories) Unplaced(ctx context.Context) ([]model.Article, error) {
	var out []model.Article
	err := s.st.PlacedAfter(ctx, s.seq, func(a model.Article, p model.Placement) error {
		if p.StoryID == 0 && !s.Placed(a.ID) {
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("unplaced articles: %w", err)
	}
	return out, nil
}

// Placed reports whether the article is already in a story (placed by
// this writer, written or not, or by an earlier one).
func (s *Stories) Placed(id int64) bool {
	_, ok := s.c.Placed(id)
	return ok
}

// Place puts one newly stored article (its ID set) into a story; the
// placement is written at the next Flush.
func (s *Stories) Place(a model.Article) model.Placement {
	as := s.c.Assign(a)
	s.seq++
	p := model.Placement{ArticleID: a.ID, StoryID: as.StoryID, StorylineID: as.StorylineID,
		DuplicateOf: as.DuplicateOf, NewStory: as.NewStory, Seq: s.seq}
	s.touched[as.StoryID] = true
	s.pending = append(s.pending, p)
	return p
}

// Pending is the number of placements not yet written.
func (s *Stories) Pending() int { return len(s.pending) }

// Flush writes pending placements, every story row that changed, and marks
// those stories' reports as pending, in one commit: a crash leaves either
// all of it or none (the articles then stay unplaced and the next writer
// places them).
func (s *Stories) Flush(ctx context.Context) error {
	if len(s.pending) == 0 && len(s.touched) == 0 {
		return nil
	}
	var changed []model.Story
	var ids []int64
	for _, cs := range s.c.Stories() {
		ms := toModelStory(cs)
		old, ok := s.written[ms.ID]
		if ok && !s.touched[ms.ID] && old.StorylineID == ms.StorylineID {
			continue
		}
		changed = append(changed, ms)
		ids = append(ids, ms.ID)
	}
	err := s.st.CommitPlacements(ctx, store.PlacementBatch{Epoch: s.epoch, Placements: s.pending, Stories: changed, Pending: ids})
	if err != nil {
		return err
	}
	s.pending = s.pending[:0]
	for _, ms := range changed {
		s.written[ms.ID] = ms
	}
	clear(s.touched)
	return nil
}

// Len is the number of stories.
func (s *Stories) Len() int { return len(s.c.Stories()) }

// All returns every story as the clusterer has it now.
func (s *Stories) All() []model.Story {
	cs := s.c.Stories()
	out := make([]model.Story, len(cs))
	for i, x := range cs {
		out[i] = toModelStory(x)
	}
	return out
}

func toModelStory(s cluster.Story) model.Story {
	return model.Story{
		ID:                 s.ID,
		Title:              s.Title,
		StorylineID:        s.StorylineID,
		ArticleIDs:         s.ArticleIDs,
		Outlets:            s.Outlets,
		FirstPublished:     day(s.FirstPublished),
		LastPublished:      day(s.LastPublished),
		Independent:        s.Independent,
		IndependentOutlets: s.IndependentOutlets,
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
