package cli

import (
	"context"
	"fmt"
	"reflect"

	"parallax/internal/enrich"
	"parallax/internal/pipeline"
	"parallax/internal/store"
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
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.ArticlesEnriched(ctx)
	if err != nil {
		return err
	}
	changed := 0
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		e := enrich.Article(a)
		if a.Enrichment != nil && reflect.DeepEqual(*a.Enrichment, e) {
			continue
		}
		if err := st.PutEnrichment(ctx, a.ID, e); err != nil {
			return err
		}
		changed++
	}
	stories, err := st.Stories(ctx, store.StoryQuery{})
	if err != nil {
		return err
	}
	ids := make([]int64, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	rebuilt, err := pipeline.BuildReports(ctx, st, ids, pipeline.Reporter{Build: compareStory, Redate: redate})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdio.Out, "enriched %d articles in %s: %d changed; %d of %d story reports rebuilt\n",
		len(arts), st.Path(), changed, rebuilt, len(stories))
	return err
}
