package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/store"
)

// AddFeed follows url; added is false when it was already followed.
func (s *DB) AddFeed(ctx context.Context, url, title string) (added bool, err error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING`,
		url, title, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return false, fmt.Errorf("add feed %s: %w", url, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RemoveFeed stops following url and forgets its entries (not the articles
// they became); store.ErrNotFound when it was not followed.
func (s *DB) RemoveFeed(ctx context.Context, url string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, url)
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// SetFeedAllowPrivate decides whether url's links may reach private
// addresses; store.ErrNotFound when it is not followed.
func (s *DB) SetFeedAllowPrivate(ctx context.Context, url string, allow bool) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET allow_private = ? WHERE url = ?`, allow, url)
	if err != nil {
		return fmt.Errorf("feed %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %s: %w", url, store.ErrNotFound)
	}
	return nil
}

// Feeds returns every followed feed in the order they were added.
func (s *DB) Feeds(ctx context.Context) ([]feeds.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, etag, last_modified, added_at, checked_at, status, error, allow_private
		FROM feeds ORDER BY added_at, rowid`)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []feeds.Subscription
	for rows.Next() {
		var f feeds.Subscription
		var added, checked string
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &added, &checked, &f.Status, &f.Error, &f.AllowPrivate); err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		f.AddedAt, _ = time.Parse(time.RFC3339, added)
		f.CheckedAt, _ = time.Parse(time.RFC3339, checked)
		out = append(out, f)
	}
	return out, rows.Err()
}

// PutFeedCheck records a check of f.URL: its title, validators, status and
// error. A feed removed meanwhile is left removed.
func (s *DB) PutFeedCheck(ctx context.Context, f feeds.Subscription) error {
	checked := ""
	if !f.CheckedAt.IsZero() {
		checked = f.CheckedAt.UTC().Format(time.RFC3339)
	}
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET title=?, etag=?, last_modified=?, checked_at=?, status=?, error=? WHERE url=?`,
		f.Title, f.ETag, f.LastModified, checked, f.Status, f.Error, f.URL)
	if err != nil {
		return fmt.Errorf("feed %s: %w", f.URL, err)
	}
	return nil
}

// FeedEntries returns what became of feedURL's entries, by entry key.
func (s *DB) FeedEntries(ctx context.Context, feedURL string) (map[string]feeds.EntryState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT entry_key, link, coalesce(article_id, 0), attempts, error
		FROM feed_entries WHERE feed_url = ?`, feedURL)
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
	var article any
	if e.ArticleID != 0 {
		article = e.ArticleID
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO feed_entries (feed_url, entry_key, link, article_id, attempts, error, updated_at)
		SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feeds WHERE url = ?)
		ON CONFLICT(feed_url, entry_key) DO UPDATE SET link=excluded.link, article_id=excluded.article_id,
			attempts=excluded.attempts, error=excluded.error, updated_at=excluded.updated_at`,
		feedURL, e.Key, e.Link, article, e.Attempts, e.Error, time.Now().UTC().Format(time.RFC3339), feedURL)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("feed entry %s: %w", e.Key, err)
	}
	return nil
}
