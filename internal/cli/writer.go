package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"parallax/internal/cluster"
	"parallax/internal/follow"
	"parallax/internal/outlets"
	"parallax/internal/pipeline"
	"parallax/internal/store"
)

// writer is the store's one story writer for as long as a command places
// articles: it holds the writer lease, and the clusterer state loaded under
// it. Every command that stores articles (ingest, a watch round, the
// server's write endpoint, enrich) works through one.
type writer struct {
	st       Store
	lease    store.Lease
	stories  *pipeline.Stories
	registry *outlets.Index // the outlet registry as the lease was taken
}

// openWriter takes the store's writer lease for command, waiting while
// another process holds it (saying once, on wait, who that is), then
// loads the clusterer's state.
func openWriter(ctx context.Context, st Store, command string, wait io.Writer) (*writer, error) {
	lease, err := st.AcquireWriter(ctx, store.Me(command), func(h store.Holder) {
		fmt.Fprintf(wait, "waiting for the store's writer: %s\n", h)
	})
	if err != nil {
		return nil, err
	}
	return loadWriter(ctx, st, lease)
}

// loadWriter loads the clusterer's state under a lease just taken; the
// writer owns the lease from then on (released on failure too).
func loadWriter(ctx context.Context, st Store, lease store.Lease) (*writer, error) {
	stories, err := pipeline.LoadStories(ctx, st, lease, cluster.DefaultConfig())
	if err != nil {
		lease.Release()
		return nil, err
	}
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		lease.Release()
		return nil, err
	}
	return &writer{st: st, lease: lease, stories: stories, registry: outlets.NewIndex(reg)}, nil
}

// buildPending builds every pending report in the store: those this
// writer's placements marked, and any a dead writer left.
func (w *writer) buildPending(ctx context.Context) (int, error) {
	return pipeline.BuildPending(ctx, w.st, reporter(w.st))
}

// ingest stores paths as every storing command does (each article enriched
// in the workers, then placed), then builds the pending reports, once,
// after every placement is written.
func (w *writer) ingest(ctx context.Context, paths []string, opt pipeline.Options) (pipeline.Summary, error) {
	sum, err := pipeline.Ingest(ctx, paths, w.st, w.storing(opt))
	if err == nil {
		_, err = w.buildPending(ctx)
	}
	if err == nil {
		err = w.deliver(ctx)
	}
	return sum, err
}

// deliver posts the follows' webhook deliveries now due, the events this
// writer just recorded among them: a target that fails is tried again
// later (by serve, or the next writer), so only a store error fails.
func (w *writer) deliver(ctx context.Context) error {
	_, _, err := follow.NewDeliverer(w.st).DeliverDue(ctx)
	return err
}

// storing completes opt as every command that stores articles needs it.
func (w *writer) storing(opt pipeline.Options) pipeline.Options {
	opt.Enrich = enrichArticle
	opt.Stories = w.stories
	opt.Registry = w.registry
	return opt
}

// close releases the lease; the error of the work done under it, if any,
// wins over the release's.
func (w *writer) close(err error) error {
	if err == nil {
		// A checkpoint as the lease is handed on: the next writer starts
		// from it without replaying anything.
		err = w.stories.Finish(context.Background())
	}
	return errors.Join(err, w.lease.Release())
}
