package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// The corpus index (see store/index.go): rows written with a story's
// report, records rebuilt per family, the story's last indexed state.

// PutStoryIndex replaces the entity and quotation rows of a story's
// articles and marks the entity families of the old and new rows for
// rebuilding, in one transaction. Only the articles whose rows changed
// are written and only their families marked (store.StoryIndex.Changes):
// a story that gains one article costs that article's rows, not its
// every member's.
func (s *DB) PutStoryIndex(ctx context.Context, idx store.StoryIndex) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := json.Marshal(idx.ArticleIDs)
		if err != nil {
			return err
		}
		oldE, err := storedEntityRows(ctx, tx, string(ids))
		if err != nil {
			return err
		}
		oldQ, err := storedQuoteRows(ctx, tx, string(ids))
		if err != nil {
			return err
		}
		ch := idx.Changes(oldE, oldQ)
		if err := deleteArticleRows(ctx, tx, `DELETE FROM article_entities WHERE article_id = ?`, ch.Entities); err != nil {
			return err
		}
		if err := deleteArticleRows(ctx, tx, `DELETE FROM quotes WHERE article_id = ?`, ch.Quotes); err != nil {
			return err
		}
		if err := putEntityRows(ctx, tx, rowsOf(idx.Entities, ch.Entities, func(r store.EntityRow) int64 { return r.ArticleID })); err != nil {
			return err
		}
		if err := putQuoteRows(ctx, tx, rowsOf(idx.Quotes, ch.Quotes, func(r store.QuoteRow) int64 { return r.ArticleID })); err != nil {
			return err
		}
		if err := putSpeakerCounts(ctx, tx, idx.SpeakerChanges(oldQ, ch.Quotes)); err != nil {
			return err
		}
		if len(ch.Entities) > 0 {
			if err := putNameCounts(ctx, tx, idx.StoryID, idx.NameCounts()); err != nil {
				return err
			}
		}
		return markFamilies(ctx, tx, ch.Families)
	})
	if err != nil {
		return fmt.Errorf("index story %d: %w", idx.StoryID, err)
	}
	return nil
}

// putNameCounts writes the story's name counts that differ from those
// stored: an article joining a large story changes the counts of its own
// names only.
func putNameCounts(ctx context.Context, tx *sql.Tx, storyID int64, counts []store.NameCount) error {
	rows, err := tx.QueryContext(ctx, `SELECT type, key, articles, mentions FROM story_entities WHERE story_id = ?`, storyID)
	if err != nil {
		return err
	}
	var stored []store.NameCount
	for rows.Next() {
		var c store.NameCount
		if err := rows.Scan(&c.Type, &c.Key, &c.Articles, &c.Mentions); err != nil {
			rows.Close()
			return err
		}
		stored = append(stored, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	put, gone := store.NameChanges(stored, counts)
	if len(gone) > 0 {
		del, err := tx.PrepareContext(ctx, `DELETE FROM story_entities WHERE story_id = ? AND type = ? AND key = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		for _, c := range gone {
			if _, err := del.ExecContext(ctx, storyID, c.Type, c.Key); err != nil {
				return err
			}
		}
	}
	if len(put) > 0 {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO story_entities (story_id, type, key, articles, mentions) VALUES (?,?,?,?,?)
			ON CONFLICT(story_id, type, key) DO UPDATE SET articles = excluded.articles, mentions = excluded.mentions`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, c := range put {
			if _, err := ins.ExecContext(ctx, storyID, c.Type, c.Key, c.Articles, c.Mentions); err != nil {
				return err
			}
		}
	}
	return nil
}

// IndexFingerprint returns the fingerprint a story's index was built
// from, "" when it was not: what StoryState gives without its snapshot
// (every member and name of the story), for a page's cache key.
func (s *DB) IndexFingerprint(ctx context.Context, storyID int64) (string, error) {
	var fp string
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint FROM story_index WHERE story_id = ?`, storyID).Scan(&fp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("story %d index: %w", storyID, err)
	}
	return fp, nil
}

// rowsOf keeps the rows of the given articles.
func rowsOf[T any](rows []T, ids []int64, article func(T) int64) []T {
	keep := make(map[int64]bool, len(ids))
	for _, id := range ids {
		keep[id] = true
	}
	var out []T
	for _, r := range rows {
		if keep[article(r)] {
			out = append(out, r)
		}
	}
	return out
}

func deleteArticleRows(ctx context.Context, tx *sql.Tx, q string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, id := range ids {
		if _, err := st.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// storedEntityRows reads the entity rows of the articles in ids (a JSON
// array).
func storedEntityRows(ctx context.Context, tx *sql.Tx, ids string) ([]store.EntityRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, n, story_id, type, key, family, name, aliases, mentions
		FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.EntityRow
	for rows.Next() {
		var r store.EntityRow
		var aliases string
		e := &r.Entity
		if err := rows.Scan(&r.ArticleID, &r.N, &r.StoryID, &e.Type, &e.Key, &r.Family, &e.Name, &aliases, &e.Mentions); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// storedQuoteRows reads the quotation rows of the articles in ids (a
// JSON array).
func storedQuoteRows(ctx context.Context, tx *sql.Tx, ids string) ([]store.QuoteRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, story_id, n, text, speaker, speaker_key, verb, paragraph
		FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.QuoteRow
	for rows.Next() {
		var r store.QuoteRow
		q := &r.Quote
		if err := rows.Scan(&r.ArticleID, &r.StoryID, &r.N, &q.Text, &q.Speaker, &q.SpeakerKey, &q.Verb, &q.Paragraph); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func putEntityRows(ctx context.Context, tx *sql.Tx, rows []store.EntityRow) error {
	st, err := tx.PrepareContext(ctx, `INSERT INTO article_entities (article_id, n, story_id, type, key, family, name, aliases, mentions)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		aliases, _ := json.Marshal(nonNil(r.Entity.Aliases))
		if _, err := st.ExecContext(ctx, r.ArticleID, r.N, r.StoryID, r.Entity.Type, r.Entity.Key, r.Family, r.Entity.Name,
			string(aliases), r.Entity.Mentions); err != nil {
			return err
		}
	}
	return nil
}

func putQuoteRows(ctx context.Context, tx *sql.Tx, rows []store.QuoteRow) error {
	// Each with its article's date, for a speaker's quotations in time
	// order from an index (EntityQuotes); quotes_published keeps it.
	st, err := tx.PrepareContext(ctx, `INSERT INTO quotes (article_id, story_id, n, text, speaker, speaker_key, verb, paragraph, published)
		VALUES (?1,?2,?3,?4,?5,?6,?7,?8, coalesce((SELECT published FROM articles WHERE id = ?1), ''))`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, r := range rows {
		q := r.Quote
		if _, err := st.ExecContext(ctx, r.ArticleID, r.StoryID, r.N, q.Text, q.Speaker, q.SpeakerKey, q.Verb, q.Paragraph); err != nil {
			return err
		}
	}
	return nil
}

// putSpeakerCounts adds each change to its speaker key's count of
// quotations; a count down to none goes.
func putSpeakerCounts(ctx context.Context, tx *sql.Tx, changes []store.SpeakerCount) error {
	if len(changes) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO quote_speakers (speaker_key, quotes) VALUES (?, ?)
		ON CONFLICT(speaker_key) DO UPDATE SET quotes = quotes + excluded.quotes`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, c := range changes {
		if _, err := st.ExecContext(ctx, c.Key, c.Quotes); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM quote_speakers WHERE quotes <= 0`)
	return err
}

func markFamilies(ctx context.Context, tx *sql.Tx, families []string) error {
	return execEach(ctx, tx, `INSERT INTO pending_families (family, mark) VALUES (?, 1)
		ON CONFLICT(family) DO UPDATE SET mark = mark + 1`, families)
}

// PendingFamilies lists the entity families whose records must be rebuilt.
func (s *DB) PendingFamilies(ctx context.Context) ([]store.PendingFamily, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT family, mark FROM pending_families ORDER BY family`)
	if err != nil {
		return nil, fmt.Errorf("pending families: %w", err)
	}
	defer rows.Close()
	var out []store.PendingFamily
	for rows.Next() {
		var p store.PendingFamily
		if err := rows.Scan(&p.Family, &p.Mark); err != nil {
			return nil, fmt.Errorf("pending families: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FamilyRows returns every entity row of the families, by family, each
// family's in article order: one query for many families, as the writer
// rebuilds them in turn.
func (s *DB) FamilyRows(ctx context.Context, families []string) (map[string][]store.EntityRow, error) {
	list, err := json.Marshal(families)
	if err != nil {
		return nil, fmt.Errorf("families: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT family, article_id, story_id, type, key, name, aliases, mentions
		FROM article_entities WHERE family IN (SELECT value FROM json_each(?)) ORDER BY family, article_id, n`, string(list))
	if err != nil {
		return nil, fmt.Errorf("families: %w", err)
	}
	defer rows.Close()
	out := map[string][]store.EntityRow{}
	for rows.Next() {
		var r store.EntityRow
		var aliases string
		if err := rows.Scan(&r.Family, &r.ArticleID, &r.StoryID, &r.Entity.Type, &r.Entity.Key, &r.Entity.Name, &aliases, &r.Entity.Mentions); err != nil {
			return nil, fmt.Errorf("families: %w", err)
		}
		if err := json.Unmarshal([]byte(aliases), &r.Entity.Aliases); err != nil {
			return nil, fmt.Errorf("family %s aliases: %w", r.Family, err)
		}
		out[r.Family] = append(out[r.Family], r)
	}
	return out, rows.Err()
}

// PutFamily replaces the records of one family with ents (as
// enrich.CorpusEntities gives them for the family's rows): a record keeps
// its ID while its key stays canonical; a record whose key was joined into
// another points there (MergedInto); one no article names any more counts
// nothing. The family's mark is cleared unless it was marked again.
func (s *DB) PutFamily(ctx context.Context, p store.PendingFamily, ents []model.CorpusEntity) error {
	return s.PutFamilies(ctx, []store.FamilyRecords{{Pending: p, Entities: ents}})
}

// PutFamilies is PutFamily for many families in one transaction: the
// writer rebuilds hundreds at a time, and a commit each rewrote the same
// index pages into the log hundreds of times. Only what differs from the
// stored records is written (see writeFamily): a family gains members as
// the collection grows, and an article that changes one record's counts
// should not rewrite the other eighty.
func (s *DB) PutFamilies(ctx context.Context, fams []store.FamilyRecords) error {
	now := time.Now().UTC().Format(time.RFC3339)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, f := range fams {
			if err := s.putFamily(ctx, tx, f, now); err != nil {
				return fmt.Errorf("entity family %s: %w", f.Pending.Family, err)
			}
		}
		return nil
	})
}

func (s *DB) putFamily(ctx context.Context, tx *sql.Tx, f store.FamilyRecords, now string) error {
	have, err := s.familyHave(ctx, tx, f.Pending.Family)
	if err != nil {
		return err
	}
	if err := s.writeFamily(ctx, tx, f.Pending.Family, f.Entities, have, now); err != nil {
		return err
	}
	return s.txExec(ctx, tx, `DELETE FROM pending_families WHERE family = ? AND mark = ?`, f.Pending.Family, f.Pending.Mark)
}

// txExec runs q in tx through the statement cache (txStmt).
func (s *DB) txExec(ctx context.Context, tx *sql.Tx, q string, args ...any) error {
	st, err := s.txStmt(ctx, tx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// StoryState returns a story's index state.
func (s *DB) StoryState(ctx context.Context, storyID int64) (store.StoryState, error) {
	var st store.StoryState
	var snap string
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint, snapshot FROM story_index WHERE story_id = ?`, storyID).Scan(&st.Fingerprint, &snap)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("story %d index: %w", storyID, err)
	}
	st.Baseline = snap == ""
	b, err := store.Unpack([]byte(snap))
	if err != nil {
		return st, fmt.Errorf("story %d index: %w", storyID, err)
	}
	if st.Snapshot, err = store.UnmarshalSnapshot(string(b)); err != nil {
		return st, fmt.Errorf("story %d index: %w", storyID, err)
	}
	return st, nil
}

// CommitStoryEvents writes a story's new index state and the events it
// caused, with a webhook delivery due now for each event whose follow has
// a webhook, in one transaction.
func (s *DB) CommitStoryEvents(ctx context.Context, e store.StoryEvents) error {
	now := time.Now().UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO story_index (story_id, fingerprint, snapshot) VALUES (?,?,?)
			ON CONFLICT(story_id) DO UPDATE SET fingerprint = excluded.fingerprint, snapshot = excluded.snapshot`,
			e.StoryID, e.Fingerprint, packText([]byte(store.MarshalSnapshot(e.Snapshot))))
		if err != nil {
			return err
		}
		for _, ev := range e.Events {
			if err := putEvent(ctx, tx, ev, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("story %d events: %w", e.StoryID, err)
	}
	return nil
}

func putEvent(ctx context.Context, tx *sql.Tx, ev model.FollowEvent, now time.Time) error {
	ev.Created = now.Format(time.RFC3339)
	detail, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO follow_events (follow_id, story_id, kind, detail, created_at)
		SELECT id, ?, ?, ?, ? FROM follows WHERE id = ?`, ev.StoryID, ev.Kind, string(detail), ev.Created, ev.FollowID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // the follow was removed meanwhile
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO deliveries (event_id, follow_id, url, next_try)
		SELECT ?, id, webhook, ? FROM follows WHERE id = ? AND webhook != ''`, id, now.Unix(), ev.FollowID)
	return err
}

// idList is a comma-separated list of IDs for an IN clause (IDs are
// numbers: nothing to quote).
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ",")
}
