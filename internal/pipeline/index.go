package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"parallax/internal/model"
	"parallax/internal/store"
)

// IndexStore is what keeping the corpus index and the follows' events
// needs of a store.
type IndexStore interface {
	Report(ctx context.Context, storyID int64) (model.Report, string, error)
	StoryState(ctx context.Context, storyID int64) (store.StoryState, error)
	PutStoryIndex(ctx context.Context, idx store.StoryIndex) error
	PendingFamilies(ctx context.Context) ([]store.PendingFamily, error)
	FamilyRows(ctx context.Context, families []string) (map[string][]store.EntityRow, error)
	PutFamilies(ctx context.Context, fams []store.FamilyRecords) error
	Follows(ctx context.Context) ([]model.Follow, error)
	Entity(ctx context.Context, id int64) (store.Entity, error)
	ArticlesMatching(ctx context.Context, q string, ids []int64) (map[int64]bool, error)
	CommitStoryEvents(ctx context.Context, e store.StoryEvents) error
}

// Index keeps the corpus index and the follows' events in step with the
// reports BuildPending builds, in three steps per pass, each crash-safe
// because the story's pending mark is cleared only after the last:
//
//  1. a story whose index fingerprint differs from its members' (the
//     report's, unless the report compares a choice of them) gets its
//     articles' entity and quotation rows rewritten, and the entity
//     families of the old and new rows marked;
//  2. every marked family's records are rebuilt from all its rows (Group
//     over them gives what Group over the whole store would for that
//     family), the mark cleared;
//  3. the story's new snapshot is compared with the one stored, and the
//     events of each follow it concerns are written with the snapshot in
//     one transaction (a story stored before follows existed is
//     snapshotted silently).
//
// Doing step 3 again after a crash finds the snapshot it wrote and adds
// nothing, so no event is written twice or lost.
type Index struct {
	Store IndexStore
	// Family names an entity key's family (enrich.Family).
	Family func(typ, key string) string
	// Group joins articles' entities into records (enrich.CorpusEntities).
	Group func(arts []model.Article) []model.CorpusEntity
}

// stagedStory is a story whose index rows are written and whose events
// are still to be committed.
type stagedStory struct {
	mark     store.PendingReport
	story    model.Story
	fp       string
	state    store.StoryState
	report   model.Report
	entities []string // TypeKey of every entity its articles name
}

// stage writes the index rows of a built story whose index is not
// current; ok is false when it is.
func (ix *Index) stage(ctx context.Context, b builtStory) (stagedStory, bool, error) {
	state, err := ix.Store.StoryState(ctx, b.story.ID)
	if err != nil || state.Fingerprint == b.members {
		return stagedStory{}, false, err
	}
	s := stagedStory{story: b.story, fp: b.members, state: state}
	if b.report != nil {
		s.report = *b.report
	} else if s.report, _, err = ix.Store.Report(ctx, b.story.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return s, false, err
	}
	idx := ix.rows(b.story.ID, b.arts)
	seen := map[string]bool{}
	for _, r := range idx.Entities {
		if k := store.TypeKey(r.Entity.Type, r.Entity.Key); !seen[k] {
			seen[k] = true
			s.entities = append(s.entities, k)
		}
	}
	sort.Strings(s.entities)
	return s, true, ix.Store.PutStoryIndex(ctx, idx)
}

// rows are the index rows of a story's articles: their entities (those
// Group would count) and their quotations.
func (ix *Index) rows(storyID int64, arts []model.Article) store.StoryIndex {
	idx := store.StoryIndex{StoryID: storyID}
	for _, a := range arts {
		idx.ArticleIDs = append(idx.ArticleIDs, a.ID)
		if a.Enrichment == nil {
			continue
		}
		for i, e := range a.Enrichment.Entities {
			if e.Name == "" || e.Key == "" {
				continue
			}
			idx.Entities = append(idx.Entities, store.EntityRow{ArticleID: a.ID, N: i, StoryID: storyID,
				Family: ix.Family(e.Type, e.Key), Entity: e})
		}
		for i, q := range a.Enrichment.Quotes {
			if q.Text != "" {
				idx.Quotes = append(idx.Quotes, store.QuoteRow{ArticleID: a.ID, StoryID: storyID, N: i, Quote: q})
			}
		}
	}
	return idx
}

// regroup rebuilds the records of every marked entity family, a chunk
// at a time. The next chunk's rows are read and grouped while the one
// before is written (reads and writes touch different tables, and the
// store's pool has a connection for each): in a large collection a
// family's rows run to thousands, and reading and grouping them was half
// of this serial step.
func (ix *Index) regroup(ctx context.Context) error {
	families, err := ix.Store.PendingFamilies(ctx)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	grouped := make(chan []store.FamilyRecords, 1)
	var readErr error
	go func() {
		defer close(grouped)
		for chunk := range slices.Chunk(families, familiesRead) {
			fams, err := ix.groupChunk(ctx, chunk)
			if err != nil {
				readErr = err
				return
			}
			select {
			case grouped <- fams:
			case <-ctx.Done():
				return
			}
		}
	}()
	for fams := range grouped {
		// One write for the chunk: a kill before it leaves every mark
		// for the next writer, after it none.
		if err := ix.Store.PutFamilies(ctx, fams); err != nil {
			cancel()
			for range grouped { // let the reader finish
			}
			return err
		}
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}

// groupChunk reads a chunk of families' rows and groups each family's
// into its records.
func (ix *Index) groupChunk(ctx context.Context, chunk []store.PendingFamily) ([]store.FamilyRecords, error) {
	names := make([]string, len(chunk))
	for i, f := range chunk {
		names[i] = f.Family
	}
	rows, err := ix.Store.FamilyRows(ctx, names)
	if err != nil {
		return nil, err
	}
	fams := make([]store.FamilyRecords, len(chunk))
	for i, f := range chunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fams[i] = store.FamilyRecords{Pending: f, Entities: ix.Group(familyArticles(rows[f.Family]))}
	}
	return fams, nil
}

// familiesRead is how many families' rows regroup reads at once: one
// query instead of one each (a round trip each to a server store), and
// the rows of a few hundred families held at a time.
const familiesRead = 256

// familyArticles turns a family's rows back into articles carrying only
// those entities, in article order, for Group.
func familyArticles(rows []store.EntityRow) []model.Article {
	var out []model.Article
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.ArticleID {
			out = append(out, model.Article{ID: r.ArticleID, Enrichment: &model.Enrichment{}})
		}
		e := out[len(out)-1].Enrichment
		e.Entities = append(e.Entities, r.Entity)
	}
	return out
}

// commitEvents writes each staged story's snapshot and events, then
// clears its pending mark.
func (ix *Index) commitEvents(ctx context.Context, st ReportStore, staged []stagedStory) error {
	if len(staged) == 0 {
		return nil
	}
	m, err := ix.newMatcher(ctx, staged)
	if err != nil {
		return err
	}
	for _, s := range staged {
		if err := ctx.Err(); err != nil {
			return err
		}
		snap := snapshotOf(s)
		var events []model.FollowEvent
		if !s.state.Baseline {
			events = m.events(s, snap)
		}
		err := ix.Store.CommitStoryEvents(ctx, store.StoryEvents{StoryID: s.story.ID, Fingerprint: s.fp, Snapshot: snap, Events: events})
		if err != nil {
			return err
		}
		if err := st.ClearPending(ctx, s.mark); err != nil {
			return err
		}
	}
	return nil
}

func snapshotOf(s stagedStory) store.Snapshot {
	snap := store.Snapshot{Members: append([]int64{}, s.story.ArticleIDs...), Outlets: append([]string{}, s.story.Outlets...),
		Storyline: s.story.StorylineID, Discrepancies: []string{}, Entities: append([]string{}, s.entities...)}
	for _, d := range s.report.Discrepancies {
		snap.Discrepancies = append(snap.Discrepancies, store.DiscrepancyKey(d))
	}
	slices.Sort(snap.Members)
	sort.Strings(snap.Outlets)
	sort.Strings(snap.Discrepancies)
	return snap
}

// targetID is a follow's target as an entity or storyline ID, 0 when it
// is not a number.
func targetID(f model.Follow) int64 {
	var id int64
	if _, err := fmt.Sscan(f.Target, &id); err != nil {
		return 0
	}
	return id
}
