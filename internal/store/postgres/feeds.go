package postgres

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/store"
)

// AddFeed follows url; added is false when it was already followed.
func (s *DB) AddFeed(ctx context.Context, url, title string) (added bool, err error) {
	tag, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, title, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING`,
		clean(url), clean(title), stamp(time.Now()))
	if err != nil {
		return false, fmt.Errorf("add feed %s: %w", url, err)
	}
	return tag.RowsAffected() == 1, nil
}

// RemoveFeed stops following url and forgets its entries (not the articles
// they became); store.ErrNotFound when it was not followed.
func (s *DB) RemoveFeed(ctx context.Context, url string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, clean(url))
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// SetFeedAllowPrivate decides whether url's links may reach private
// addresses; store.ErrNotFound when it is not followed.
func (s *DB) SetFeedAllowPrivate(ctx context.Context, url string, allow bool) error {
	tag, err := s.pool.Exec(ctx, `UPDATE feeds SET allow_private = $1 WHERE url = $2`, allow, clean(url))
	if err != nil {
		return fmt.Errorf("feed %s: %w", url, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// Feeds returns every followed feed in the order they were added.
func (s *DB) Feeds(ctx context.Context) ([]feeds.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT url, title, etag, last_modified, added_at, checked_at, status, error, allow_private
		FROM feeds ORDER BY added_at, seq`)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []feeds.Subscription
	for rows.Next() {
		var f feeds.Subscription
		var checked *time.Time
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.AddedAt, &checked, &f.Status, &f.Error, &f.AllowPrivate); err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		f.AddedAt = f.AddedAt.UTC()
		if checked != nil {
			f.CheckedAt = checked.UTC()
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// PutFeedCheck records a check of f.URL: its title, validators, status and
// error. A feed removed meanwhile is left removed.
func (s *DB) PutFeedCheck(ctx context.Context, f feeds.Subscription) error {
	var checked *time.Time
	if !f.CheckedAt.IsZero() {
		t := stamp(f.CheckedAt)
		checked = &t
	}
	_, err := s.pool.Exec(ctx, `UPDATE feeds SET title=$1, etag=$2, last_modified=$3, checked_at=$4, status=$5, error=$6 WHERE url=$7`,
		clean(f.Title), clean(f.ETag), clean(f.LastModified), checked, f.Status, clean(f.Error), clean(f.URL))
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}

// FeedEntries returns what became of feedURL's entries, by entry key.
func (s *DB) FeedEntries(ctx context.Context, feedURL string) (map[string]feeds.EntryState, error) {
	rows, err := s.pool.Query(ctx, `SELECT entry_key, link, coalesce(article_id, 0), attempts, error
		FROM feed_entries WHERE feed_url = $1`, clean(feedURL))
	if err != nil {
		return nil, fmt.Errorf("feed entries %s: %w", feedURL, err)
	}
	defer rows.Close()
	out := map[string]feeds.EntryState{}
	for rows.Next() {
		var e feeds.EntryState
		if err := rows.Scan(&e.Key, &e.Link, &e.ArticleID, &e.Attempts, &e.Error); err != nil {
			return nil, fmt.Errorf("feed entries %s: %w", feedURL, err)
		}
		out[e.Key] = e
	}
	return out, rows.Err()
}

// PutFeedEntry records what became of one entry of feedURL. An entry of a
// feed removed meanwhile is dropped.
func (s *DB) PutFeedEntry(ctx context.Context, feedURL string, e feeds.EntryState) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feed_entries (feed_url, entry_key, link, article_id, attempts, error, updated_at)
		SELECT $1, $2, $3, nullif($4::bigint, 0), $5, $6, $7 WHERE EXISTS (SELECT 1 FROM feeds WHERE url = $1)
		ON CONFLICT (feed_url, entry_key) DO UPDATE SET link=excluded.link, article_id=excluded.article_id,
			attempts=excluded.attempts, error=excluded.error, updated_at=excluded.updated_at`,
		clean(feedURL), clean(e.Key), clean(e.Link), e.ArticleID, e.Attempts, clean(e.Error), stamp(time.Now()))
	if err != nil {
		return fmt.Errorf("feed entry %s: %w", e.Key, err)
	}
	return nil
}
