package compare

import (
	"parallax/internal/enrich"
	"parallax/internal/model"
)

// enrichArticle is the real enrichment.
func enrichArticle(a model.Article) model.Enrichment { return enrich.Article(a) }
