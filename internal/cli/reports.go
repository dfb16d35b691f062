package cli

import (
	"context"

	"parallax/internal/compare"
	"parallax/internal/model"
	"parallax/internal/pipeline"
)

// compareStory is the comparison every command stores: compare.BuildWith
// with the story's near-duplicates left out of independent support.
func compareStory(s model.Story, arts []model.Article, dups map[int64]int64) model.Report {
	return compare.BuildWith(s, arts, compare.Options{Duplicates: dups})
}

// buildReports rebuilds the comparison of every story an ingest changed.
func buildReports(ctx context.Context, st pipeline.ReportStore, stories *pipeline.Stories) (int, error) {
	return pipeline.BuildReports(ctx, st, stories.TakeChanged(), compareStory)
}
