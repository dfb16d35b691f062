package cli

import (
	"context"

	"parallax/internal/cluster"
	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/model"
	"parallax/internal/pipeline"
)

// compareStory is the comparison every command stores: compare.BuildWith
// with the story's near-duplicates left out of independent support.
func compareStory(s model.Story, arts []model.Article, dups map[int64]int64) model.Report {
	return compare.BuildWith(s, arts, compare.Options{Duplicates: dups})
}

// openStories opens the store and rebuilds the clusterer's state from it,
// for the commands that place new articles. The caller closes the store.
func openStories(ctx context.Context, db string) (Store, *pipeline.Stories, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	stories, err := pipeline.LoadStories(ctx, st, cluster.DefaultConfig())
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, stories, nil
}

// buildReports rebuilds the comparison of every story an ingest changed.
func buildReports(ctx context.Context, st pipeline.ReportStore, stories *pipeline.Stories) (int, error) {
	return pipeline.BuildReports(ctx, st, stories.TakeChanged(), pipeline.Reporter{Build: compareStory, Redate: redate})
}

// redate resolves the dates of an article with no date of its own against
// its story's first day: the best evidence left of when it was written.
// The dates it gives are marked inferred.
func redate(a model.Article, storyDay string) (model.Enrichment, bool) {
	if a.Published != "" || a.Enrichment == nil || a.Enrichment.RefDate != "" {
		return model.Enrichment{}, false
	}
	e := *a.Enrichment
	e.Dates, e.RefDate, e.RefInferred = enrich.DatesAt(a, storyDay)
	if e.RefDate == "" {
		return model.Enrichment{}, false
	}
	return e, true
}
