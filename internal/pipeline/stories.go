package pipeline

import (
	"context"
	"fmt"
	"slices"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/model"
)

// PlacementStore is what story placement needs of a store.
type PlacementStore interface {
	Placed(ctx context.Context, fn func(model.Article, model.Placement) error) error
	PutPlacements(ctx context.Context, ps []model.Placement) error
	PutStories(ctx context.Context, stories []model.Story) error
}

// Stories places articles into stories as they arrive and keeps the store's
// placements and story rows in step. It holds the clusterer's state, so
// one goroutine uses it.
type Stories struct {
	st      PlacementStore
	c       *cluster.Clusterer
	seq     int64
	pending []model.Placement
	written map[int64]model.Story // story rows as last written
	touched map[int64]bool
	changed map[int64]bool // stories changed since LoadStories
}

// LoadStories rebuilds the clusterer from the store: placed articles are
// replayed in their placement order, then any unplaced ones (an earlier
// run stopped between storing and placing) are placed now.
func LoadStories(ctx context.Context, st PlacementStore, cfg cluster.Config) (*Stories, error) {
	s := &Stories{st: st, c: cluster.New(cfg), written: map[int64]model.Story{}, touched: map[int64]bool{}, changed: map[int64]bool{}}
	var unplaced []model.Article
	err := st.Placed(ctx, func(a model.Article, p model.Placement) error {
		if p.StoryID == 0 {
			unplaced = append(unplaced, a)
			return nil
		}
		s.seq = max(s.seq, p.Seq)
		return s.c.Restore(a, cluster.Assignment{ArticleID: a.ID, StoryID: p.StoryID, DuplicateOf: p.DuplicateOf, NewStory: p.NewStory})
	})
	if err != nil {
		return nil, fmt.Errorf("load stories: %w", err)
	}
	for _, st := range s.c.Stories() {
		s.written[st.ID] = toModelStory(st)
	}
	for _, a := range unplaced {
		s.Place(a)
	}
	return s, s.Flush(ctx)
}

// Place puts one newly stored article (its ID set) into a story; the
// placement is written at the next Flush.
func (s *Stories) Place(a model.Article) model.Placement {
	as := s.c.Assign(a)
	s.seq++
	p := model.Placement{ArticleID: a.ID, StoryID: as.StoryID, StorylineID: as.StorylineID,
		DuplicateOf: as.DuplicateOf, NewStory: as.NewStory, Seq: s.seq}
	s.touched[as.StoryID] = true
	s.changed[as.StoryID] = true
	s.pending = append(s.pending, p)
	return p
}

// Touch marks the story of an already placed article as changed (its
// content was updated); the article stays where it was.
func (s *Stories) Touch(a model.Article) {
	if as, ok := s.c.Placed(a.ID); ok {
		s.changed[as.StoryID] = true
	}
}

// TakeChanged returns the IDs of the stories that gained or changed an
// article, or whose storyline changed, since LoadStories or the last call,
// in ascending order, and forgets them.
func (s *Stories) TakeChanged() []int64 {
	out := make([]int64, 0, len(s.changed))
	for id := range s.changed {
		out = append(out, id)
	}
	slices.Sort(out)
	clear(s.changed)
	return out
}

// Pending is the number of placements not yet written.
func (s *Stories) Pending() int { return len(s.pending) }

// Flush writes pending placements and every story row that changed.
func (s *Stories) Flush(ctx context.Context) error {
	if len(s.pending) == 0 && len(s.touched) == 0 {
		return nil
	}
	if err := s.st.PutPlacements(ctx, s.pending); err != nil {
		return err
	}
	s.pending = s.pending[:0]
	var changed []model.Story
	for _, cs := range s.c.Stories() {
		ms := toModelStory(cs)
		old, ok := s.written[ms.ID]
		if ok && !s.touched[ms.ID] && old.StorylineID == ms.StorylineID {
			continue
		}
		changed = append(changed, ms)
	}
	if err := s.st.PutStories(ctx, changed); err != nil {
		return err
	}
	for _, ms := range changed {
		s.written[ms.ID] = ms
		s.changed[ms.ID] = true
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
