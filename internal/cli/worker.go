package cli

import (
	"context"
	"fmt"

	"parallax/internal/extract"
	"parallax/internal/pipeline"
)

// extractDocument is the extraction every worker runs (the tests' child
// processes wrap it to play a document that kills its worker).
var extractDocument = extract.Document

func runWorker(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("worker", "--nats URL --db postgres://… [--concurrency N] [--batch N] [--max-tries N]", stdio)
	db := dbFlag(fs)
	nf := addNATSFlags(fs)
	concurrency := fs.Int("concurrency", 0, "documents extracted at once (default: one per CPU)")
	batch := fs.Int("batch", 32, "articles written to the store in one transaction at most")
	maxTries := fs.Int("max-tries", 5, "times a redelivered document is worked on alone without finishing (its worker died or stalled) before it is dead-lettered")
	quiet := fs.Bool("quiet", false, "print only failures and the summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 || nf.value() == "" {
		return fmt.Errorf("%w: worker takes no arguments and needs --nats URL (or $PARALLAX_NATS)", ErrUsage)
	}
	st, err := openDistributedStore(ctx, *db, "worker")
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := nf.connect(ctx, "worker")
	if err != nil {
		return err
	}
	defer b.Close()
	q, err := b.Work(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdio.Err, "working on documents from %s into %s\n", b.URL(), st.Path())
	sum, err := pipeline.Work(ctx, q, st, pipeline.WorkOptions{
		Concurrency: *concurrency, Batch: *batch, MaxTries: *maxTries, Touch: b.TouchEvery(),
		Extract: extractDocument, Enrich: enrichArticle,
		OnDone:  func(d pipeline.Done) { printDone(stdio, d, *quiet) },
		OnRetry: func(err error) { fmt.Fprintf(stdio.Err, "retrying: %v\n", err) },
	})
	fmt.Fprintf(stdio.Out, "worker: %d documents: %d new, %d updated, %d unchanged, %d failed (dead-lettered)\n",
		sum.Total(), sum.New, sum.Updated, sum.Unchanged, sum.Failed)
	if ctx.Err() != nil {
		return nil // stopped by a signal: what was in hand is finished
	}
	return err
}

// printDone reports one document a worker finished: failures always.
func printDone(stdio Stdio, d pipeline.Done, quiet bool) {
	switch {
	case d.Err != nil:
		fmt.Fprintf(stdio.Err, "error: %v (document %d dead-lettered)\n", d.Err, d.Delivery.Seq())
	case !quiet:
		fmt.Fprintf(stdio.Err, "%-9s article %d %s (document %d)\n", d.Outcome, d.ArticleID, d.Source, d.Delivery.Seq())
	}
}
