package cli

import (
	"reflect"

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

// reporter builds reports as every writing command does: compared,
// redated, and with the corpus index and the follows' events kept.
func reporter(st pipeline.IndexStore) pipeline.Reporter {
	return pipeline.Reporter{Build: compareStory, Redate: redate, Select: compare.Select,
		Index: &pipeline.Index{Store: st, Family: enrich.Family, Group: enrich.CorpusEntities}}
}

// enrichArticle is the enrichment every storing command gives an article.
var enrichArticle = enrich.Article

// redate resolves the dates of an article with no published date against
// its story's first day, the best evidence left of when it was written
// when the article's own page and text give none (dates found that way are
// marked inferred). It is a function of the article and the story's first
// day alone, so a report does not depend on when it was built: ok is false
// when the stored dates already are what it gives.
func redate(a model.Article, storyDay string) (model.Enrichment, bool) {
	if a.Published != "" || a.Enrichment == nil {
		return model.Enrichment{}, false
	}
	e := *a.Enrichment
	e.Dates, e.RefDate, e.RefInferred = enrich.DatesAt(a, storyDay)
	old := a.Enrichment
	if e.RefDate == old.RefDate && e.RefInferred == old.RefInferred && reflect.DeepEqual(e.Dates, old.Dates) {
		return model.Enrichment{}, false
	}
	return e, true
}
