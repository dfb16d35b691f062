package pipeline

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/model"
)

// storeLoop stores extracted documents in batches, reports them and acks
// their deliveries, until out is closed (the fetcher stopped with ctx).
func storeLoop(ctx context.Context, q WorkQueue, st BatchStore, out <-chan extracted, h *inHand, slots chan struct{}, opt WorkOptions) (Summary, error) {
	var sum Summary
	// Documents in hand when ctx ends are still finished: their work is
	// done, and the store and queue calls below stop retrying with ctx.
	wctx := context.WithoutCancel(ctx)
	for first := range out {
		batch := gather(first, out, opt.Batch)
		done, err := storeBatch(ctx, wctx, st, batch, opt)
		if err == nil {
			err = retry(ctx, opt, func() error { return q.Report(wctx, done) })
		}
		if err != nil {
			// Not acked: the queue hands these to a worker again.
			return sum, err
		}
		for _, d := range done {
			d.Delivery.Ack() // a lost ack costs a redelivery, which finds the article unchanged
			h.remove(d.Delivery)
			<-slots
			sum.count(Event{Outcome: d.Outcome, Err: d.Err})
			if opt.OnDone != nil {
				opt.OnDone(d)
			}
		}
	}
	return sum, ctx.Err()
}

// gather adds to first what else is ready in out, up to n in all.
func gather(first extracted, out <-chan extracted, n int) []extracted {
	batch := []extracted{first}
	for len(batch) < n {
		select {
		case e, ok := <-out:
			if !ok {
				return batch
			}
			batch = append(batch, e)
		default:
			return batch
		}
	}
	return batch
}

// storeBatch writes the batch's articles in one transaction, retrying
// while the store fails, and says what became of each document.
func storeBatch(ctx, wctx context.Context, st BatchStore, batch []extracted, opt WorkOptions) ([]Done, error) {
	done := make([]Done, len(batch))
	var arts []model.Article
	var at []int // batch index of each article
	for i, e := range batch {
		done[i] = Done{Delivery: e.d, Source: e.source, Err: e.err}
		if e.err == nil {
			arts, at = append(arts, e.article), append(at, i)
		}
	}
	if len(arts) == 0 {
		return done, nil
	}
	err := retry(ctx, opt, func() error {
		puts, err := st.PutArticles(wctx, arts, nil)
		if err != nil {
			return err
		}
		for j, p := range puts {
			d := &done[at[j]]
			d.ArticleID, d.Outcome = p.ID, p.Outcome
			if p.Err != nil {
				d.ArticleID, d.Err = 0, fmt.Errorf("%s: store: %w", d.Source, p.Err)
			}
		}
		return nil
	})
	return done, err
}

// retry calls fn until it succeeds, pausing longer each time, and gives
// up with its error once ctx has ended.
func retry(ctx context.Context, opt WorkOptions, fn func() error) error {
	pause := opt.Retry
	for {
		err := fn()
		if err == nil || ctx.Err() != nil {
			return err
		}
		opt.OnRetry(err)
		if !sleep(ctx, pause) {
			return err
		}
		pause = min(2*pause, 30*time.Second)
	}
}
