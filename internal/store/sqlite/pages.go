package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// FetchedPage returns what the last ingest of url kept of it;
// store.ErrNotFound when it was never stored from a URL.
func (s *DB) FetchedPage(ctx context.Context, url string) (model.FetchedPage, error) {
	p := model.FetchedPage{URL: url}
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, article_id FROM fetched_pages WHERE url = ?`, url).
		Scan(&p.ETag, &p.LastModified, &p.ArticleID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return p, fmt.Errorf("fetched page %s: %w", url, store.ErrNotFound)
	case err != nil:
		return p, fmt.Errorf("fetched page %s: %w", url, err)
	}
	return p, nil
}

// PutFetchedPage records the validators of the answer p.URL's article was
// stored from.
func (s *DB) PutFetchedPage(ctx context.Context, p model.FetchedPage) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetched_pages (url, etag, last_modified, article_id, updated_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified,
			article_id=excluded.article_id, updated_at=excluded.updated_at`,
		p.URL, p.ETag, p.LastModified, p.ArticleID, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("fetched page %s: %w", p.URL, err)
	}
	return nil
}
