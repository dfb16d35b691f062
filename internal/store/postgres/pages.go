package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// FetchedPage returns what the last ingest of url kept of it;
// store.ErrNotFound when it was never stored from a URL.
func (s *DB) FetchedPage(ctx context.Context, url string) (model.FetchedPage, error) {
	p := model.FetchedPage{URL: url}
	err := s.pool.QueryRow(ctx, `SELECT etag, last_modified, article_id FROM fetched_pages WHERE url = $1`, clean(url)).
		Scan(&p.ETag, &p.LastModified, &p.ArticleID)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return p, fmt.Errorf("fetched page %s: %w", url, store.ErrNotFound)
	case err != nil:
		return p, fmt.Errorf("fetched page %s: %w", url, err)
	}
	return p, nil
}

// PutFetchedPage records the validators of the answer p.URL's article was
// stored from.
func (s *DB) PutFetchedPage(ctx context.Context, p model.FetchedPage) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO fetched_pages (url, etag, last_modified, article_id, updated_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified,
			article_id=excluded.article_id, updated_at=excluded.updated_at`,
		clean(p.URL), clean(p.ETag), clean(p.LastModified), p.ArticleID, stamp(time.Now()))
	if err != nil {
		return fmt.Errorf("fetched page %s: %w", p.URL, err)
	}
	return nil
}
