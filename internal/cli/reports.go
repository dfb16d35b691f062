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
	stories, err := loadStories(ctx, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, stories, nil
}

// loadStories rebuilds the clusterer's state from the store.
func loadStories(ctx context.Context, st Store) (*pipeline.Stories, error) {
	return pipeline.LoadStories(ctx, st, cluster.DefaultConfig())
}

// storing completes opt as every command that stores articles needs it:
// each article enriched in the workers, then placed in a story.
func storing(opt pipeline.Options, stories *pipeline.Stories) pipeline.Options {
	opt.Enrich = enrich.Article
	opt.Stories = stories
	return opt
}

// ingestAndReport ingests paths as storing says, then rebuilds the
// comparison of every story the ingest changed, once, after every
// placement is written.
func ingestAndReport(ctx context.Context, st Store, stories *pipeline.Stories, paths []string, opt pipeline.Options) (pipeline.Summary, error) {
	sum, err := pipeline.Ingest(ctx, paths, st, storing(opt, stories))
	if err == nil {
		_, err = buildReports(ctx, st, stories)
	}
	return sum, err
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
