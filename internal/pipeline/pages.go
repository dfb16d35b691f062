package pipeline

import (
	"context"
	"errors"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/store"
)

// PageStore keeps the validators of pages ingested by URL.
type PageStore interface {
	FetchedPage(ctx context.Context, url string) (model.FetchedPage, error)
	PutFetchedPage(ctx context.Context, p model.FetchedPage) error
}

// knownPage adapts a PageStore to source.NetOptions.Known.
func knownPage(ps PageStore) func(ctx context.Context, url string) (model.FetchedPage, bool, error) {
	return func(ctx context.Context, url string) (model.FetchedPage, bool, error) {
		p, err := ps.FetchedPage(ctx, url)
		if errors.Is(err, store.ErrNotFound) {
			return p, false, nil
		}
		return p, err == nil, err
	}
}

// keepPage records the validators of the answer an article was just
// stored from. Only then: validators kept for a page that was not stored
// would make the next ingest count it unchanged.
func keepPage(ctx context.Context, ps PageStore, r result, ev Event) error {
	if ps == nil || r.page == nil || r.notModified || ev.Err != nil {
		return nil
	}
	p := *r.page
	p.ArticleID = ev.ID
	if err := ps.PutFetchedPage(ctx, p); err != nil {
		return fmt.Errorf("%s: %w", r.source, err)
	}
	return nil
}
