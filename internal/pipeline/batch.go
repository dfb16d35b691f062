package pipeline

import (
	"context"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/store"
)

// BatchStore stores many articles in one transaction, each under a
// savepoint, with the placements due committed in the same transaction
// (see sqlite.DB.PutArticles). A Store without it stores one article a
// transaction.
type BatchStore interface {
	PutArticles(ctx context.Context, arts []model.Article, then store.ThenPlace) ([]store.Put, error)
}

// batchMax bounds the articles one transaction stores: enough that the
// full-text index is flushed rarely, few enough that a batch is written
// soon after its articles are extracted.
const batchMax = 256

// held is an extracted article waiting for its batch.
type held struct {
	r          result
	done, seen int
}

// add takes the next result in input order: an article joins the batch
// (written when full, or when nothing else is ready); anything else (a
// failure, a file's end, a page not modified) first writes the batch, so
// events and file records keep input order.
func (c *collector) add(r result, done, seen int) error {
	_, batches := c.st.(BatchStore)
	if batches && r.err == nil && r.marker == nil && !r.notModified {
		c.batch = append(c.batch, held{r, done, seen})
		if len(c.batch) >= batchMax {
			return c.flush()
		}
		return nil
	}
	if err := c.flush(); err != nil {
		return err
	}
	return c.settle(r, done, seen)
}

// flush stores the batch held, places its new articles inside the same
// transaction (committing the placements when a flush of them is due),
// then keeps pages' validators and reports each article. A failed
// transaction ends the run: the clusterer has placed articles the store
// does not have.
func (c *collector) flush() error {
	if len(c.batch) == 0 {
		return nil
	}
	defer lock(c.opt.Serial)()
	batch := c.batch
	c.batch = nil
	arts := make([]model.Article, len(batch))
	for i, h := range batch {
		arts[i] = h.r.article
	}
	evs := make([]Event, len(batch))
	var due *store.PlacementBatch
	puts, err := c.st.(BatchStore).PutArticles(c.ctx, arts, func(puts []store.Put) (*store.PlacementBatch, error) {
		var err error
		due, err = c.placeBatch(batch, puts, evs)
		return due, err
	})
	if err != nil {
		return fmt.Errorf("%s: store: %w", batch[0].r.source, err)
	}
	if due != nil {
		c.opt.Stories.committed(due)
	}
	for i, h := range batch {
		if puts[i].Err != nil && h.r.file != "" {
			c.failedFiles[h.r.file] = true
		}
		c.sum.count(evs[i])
		if err := keepPage(c.ctx, c.opt.Pages, h.r, evs[i]); err != nil {
			return err
		}
		if c.opt.OnEvent != nil {
			c.opt.OnEvent(evs[i])
		}
	}
	return nil
}

// placeBatch turns a batch's results into events, places its new articles
// and returns the placements due for writing, if any: the first flushEvery
// pending, prepared (story rows, checkpoint) the moment the last of them is
// placed. Batches end wherever the workers' timing ends them; preparing at
// a fixed count of placements instead of at a batch's end makes what is
// written, story titles included (they weigh terms by the IDF of the
// moment), the same whatever that timing was.
func (c *collector) placeBatch(batch []held, puts []store.Put, evs []Event) (*store.PlacementBatch, error) {
	s := c.opt.Stories
	var due *store.PlacementBatch
	for i, h := range batch {
		ev := Event{Source: h.r.source, ID: puts[i].ID, Outcome: puts[i].Outcome, Warning: h.r.warning, Done: h.done, Seen: h.seen}
		if puts[i].Err != nil {
			ev.Err = fmt.Errorf("%s: store: %w", h.r.source, puts[i].Err)
		}
		if s != nil && ev.Err == nil && ev.Outcome == store.New {
			a := h.r.article
			a.ID = ev.ID
			p := s.PlacePrepared(a, h.r.prep)
			ev.StoryID, ev.Dup = p.StoryID, p.DuplicateOf
			if due == nil && s.Pending() >= flushEvery {
				var err error
				if due, err = s.prepare(s.checkpointDue()); err != nil {
					return nil, err
				}
			}
		}
		evs[i] = ev
	}
	return due, nil
}
