package pipeline

import (
	"context"
	"fmt"
	"slices"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/store"
)

// PlacementStore is what story placement needs of a store.
type PlacementStore interface {
	Checkpoint(ctx context.Context) (store.Checkpoint, bool, error)
	PlacedAfter(ctx context.Context, seq int64, fn func(model.Article, model.Placement) error) error
	CommitPlacements(ctx context.Context, b store.PlacementBatch) error
}

// Stories places articles into stories as they arrive and keeps the store's
// placements and story rows in step. It holds the clusterer's state, so
// one goroutine uses it, and it writes under the store's writer lease.
type Stories struct {
	st      PlacementStore
	epoch   int64 // the writer lease's grant every commit names
	cfg     cluster.Config
	c       *cluster.Clusterer
	seq     int64
	cpSeq   int64 // the placement the stored checkpoint is at
	pending []model.Placement
	written map[int64]int64 // story → its storyline as last written
	// touched maps each story an article joined since its row was last
	// written to that placement's seq: a flush prepared in the middle of
	// a batch leaves the stories touched after it to the next.
	touched map[int64]int64
}

// LoadStories rebuilds the clusterer from the store, under lease (the
// caller holds it for as long as it places): from the stored checkpoint
// when there is one for this configuration, then the placements made after
// it are replayed in their order, then any unplaced articles (an earlier
// run stopped between storing and placing) are placed now, in ID order.
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

// ReplayStories rebuilds the clusterer from the checkpoint and the placed
// articles only, under lease. Unplaced articles stay unplaced: the
// distributed story writer places them in queue order as their workers'
// results arrive.
func ReplayStories(ctx context.Context, st PlacementStore, lease store.Lease, cfg cluster.Config) (*Stories, error) {
	s, _, err := replayStories(ctx, st, lease, cfg)
	return s, err
}

func replayStories(ctx context.Context, st PlacementStore, lease store.Lease, cfg cluster.Config) (*Stories, []model.Article, error) {
	s := &Stories{st: st, epoch: lease.Epoch(), cfg: cfg, c: cluster.New(cfg), written: map[int64]int64{}, touched: map[int64]int64{}}
	cp, ok, err := st.Checkpoint(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load stories: %w", err)
	}
	if ok && cp.Version == cluster.CheckpointVersion(cfg) {
		// A checkpoint that does not decode is only a slower start.
		if c, err := cluster.Resume(cfg, cp.Data); err == nil {
			s.c, s.seq, s.cpSeq = c, cp.Seq, cp.Seq
		}
	}
	var unplaced []model.Article
	err = st.PlacedAfter(ctx, s.seq, func(a model.Article, p model.Placement) error {
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
	s.c.Storylines(func(story, line int64) { s.written[story] = line })
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
	return s.PlacePrepared(a, nil)
}

// Prepare does the part of placing a that reads the article alone
// (cluster.Prepare); unlike the rest of Stories, any goroutine may call
// it, while another places.
func (s *Stories) Prepare(a model.Article) *cluster.Prepared {
	return cluster.Prepare(s.cfg, a)
}

// PlacePrepared is Place with a's Prepare done (nil: done here).
func (s *Stories) PlacePrepared(a model.Article, prep *cluster.Prepared) model.Placement {
	as := s.c.AssignPrepared(a, prep)
	s.seq++
	p := model.Placement{ArticleID: a.ID, StoryID: as.StoryID, StorylineID: as.StorylineID,
		DuplicateOf: as.DuplicateOf, NewStory: as.NewStory, Seq: s.seq}
	s.touched[as.StoryID] = s.seq
	s.pending = append(s.pending, p)
	return p
}

// Pending is the number of placements not yet written.
func (s *Stories) Pending() int { return len(s.pending) }

// checkpointEvery is how many placements may pass before Flush writes a
// new checkpoint: every flush while the store is small, then a tenth of
// the placements so far, so the checkpoints written over a long run cost
// about ten times the last one, and a crash replays at most a tenth.
func checkpointEvery(seq int64) int64 { return max(flushEvery, seq/10) }

// Flush writes pending placements, every story row that changed, and marks
// those stories' reports as pending, in one commit, with a checkpoint of
// the clusterer when one is due: a crash leaves either all of it or none
// (the articles then stay unplaced and the next writer places them).
func (s *Stories) Flush(ctx context.Context) error {
	return s.flush(ctx, s.checkpointDue())
}

func (s *Stories) checkpointDue() bool { return s.seq-s.cpSeq >= checkpointEvery(s.seq) }

// Finish writes what is pending and a checkpoint of the clusterer as it
// is, so the next writer starts without replaying anything. Call it before
// releasing the lease.
func (s *Stories) Finish(ctx context.Context) error {
	return s.flush(ctx, s.seq > s.cpSeq)
}

func (s *Stories) flush(ctx context.Context, checkpoint bool) error {
	if len(s.pending) == 0 && len(s.touched) == 0 && !checkpoint {
		return nil
	}
	b, err := s.prepare(checkpoint)
	if err != nil {
		return err
	}
	if err := s.st.CommitPlacements(ctx, *b); err != nil {
		return err
	}
	s.committed(b)
	return nil
}

// prepare gathers what a flush writes: the pending placements, every story
// row that changed (by gaining articles or by a storyline merge) with its
// report marked pending, and a checkpoint when asked.
func (s *Stories) prepare(checkpoint bool) (*store.PlacementBatch, error) {
	var ids []int64
	s.c.Storylines(func(story, line int64) {
		if old, ok := s.written[story]; !ok || s.touched[story] > 0 || old != line {
			ids = append(ids, story)
		}
	})
	slices.Sort(ids)
	changed := make([]model.Story, 0, len(ids))
	for _, id := range ids {
		cs, _ := s.c.Story(id)
		changed = append(changed, toModelStory(cs))
	}
	b := &store.PlacementBatch{Epoch: s.epoch, Placements: slices.Clone(s.pending), Stories: changed, Pending: ids}
	if checkpoint {
		data, err := s.c.Checkpoint()
		if err != nil {
			return nil, err
		}
		b.Checkpoint = &store.Checkpoint{Seq: s.seq, Version: cluster.CheckpointVersion(s.cfg), Data: data}
	}
	return b, nil
}

// committed records that b is in the store.
func (s *Stories) committed(b *store.PlacementBatch) {
	s.pending = s.pending[:copy(s.pending, s.pending[len(b.Placements):])]
	for _, ms := range b.Stories {
		s.written[ms.ID] = ms.StorylineID
	}
	if b.Checkpoint != nil {
		s.cpSeq = b.Checkpoint.Seq
	}
	// The rows written are those of the stories touched up to the batch's
	// last placement; one touched again since must be written again.
	through := s.seq
	if n := len(b.Placements); n > 0 {
		through = b.Placements[n-1].Seq
	}
	for id, seq := range s.touched {
		if seq <= through {
			delete(s.touched, id)
		}
	}
}

// Len is the number of stories.
func (s *Stories) Len() int { return s.c.StoryCount() }

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
