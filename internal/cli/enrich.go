package cli

import (
	"context"
	"fmt"
	"reflect"
)

// runEnrich re-runs enrichment over every stored article and rebuilds the
// comparisons it changes. Ingest enriches once, when an article's content
// arrives or changes; after an upgrade of Parallax this brings a store's
// older articles up to the new enrichment.
func runEnrich(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("enrich", "[--db PATH]", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: enrich takes no arguments", ErrUsage)
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w, err := openWriter(ctx, st, "enrich", stdio.Err)
	if err != nil {
		return err
	}
	n, changed, rebuilt, err := reenrich(ctx, w)
	if err = w.close(err); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdio.Out, "enriched %s in %s: %d changed; %d of %s rebuilt\n",
		plural(n, "article"), st.Path(), changed, rebuilt, plural(w.stories.Len(), "story report"))
	return err
}

// reenrich enriches every stored article again and rebuilds the reports
// that change. Every story is marked pending first, so a run cut short
// leaves the rest for the next writer.
func reenrich(ctx context.Context, w *writer) (n, changed, rebuilt int, err error) {
	if err := w.st.MarkAllReports(ctx); err != nil {
		return 0, 0, 0, err
	}
	arts, err := w.st.ArticlesEnriched(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return len(arts), changed, 0, err
		}
		e := enrichArticle(a)
		if a.Enrichment != nil && reflect.DeepEqual(*a.Enrichment, e) {
			continue
		}
		if err := w.st.PutEnrichment(ctx, a.ID, e); err != nil {
			return len(arts), changed, 0, err
		}
		changed++
	}
	rebuilt, err = w.buildPending(ctx)
	return len(arts), changed, rebuilt, err
}
