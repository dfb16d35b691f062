package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Reads of the corpus index: entity records, their stories and
// quotations, quotation search, storylines.

const entityColumns = `e.id, e.type, e.key, e.name, e.spellings, e.keys, e.articles, e.mentions, e.merged_into`

func scanEntity(row pgx.Row) (store.Entity, error) {
	var e store.Entity
	err := row.Scan(&e.ID, &e.Type, &e.Key, &e.Name, &e.Spellings, &e.Keys, &e.Articles, &e.Mentions, &e.MergedInto)
	return e, err
}

// Entity returns one entity record, or store.ErrNotFound.
func (s *DB) Entity(ctx context.Context, id int64) (store.Entity, error) {
	e, err := scanEntity(s.pool.QueryRow(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return e, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %d: %w", id, err)
	}
	return e, nil
}

// FindEntities returns the records of the given families that articles
// still name, most widely named first; no families lists the most widely
// named of all.
func (s *DB) FindEntities(ctx context.Context, families []string, limit int) ([]store.Entity, error) {
	q := `SELECT ` + entityColumns + ` FROM entities e WHERE e.articles > 0`
	args := []any{limit}
	if len(families) > 0 {
		q += ` AND e.family = ANY($2)`
		args = append(args, cleanAll(families))
	}
	rows, err := s.pool.Query(ctx, q+` ORDER BY e.articles DESC, e.mentions DESC, e.id LIMIT $1`, args...)
	if err != nil {
		return nil, fmt.Errorf("find entities: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Entity, error) { return scanEntity(r) })
	if err != nil {
		return nil, fmt.Errorf("find entities: %w", err)
	}
	return out, nil
}

// EntityStories returns up to limit stories whose articles name the
// entity, last published first, as summaries (ArticleIDs nil). The
// stories of each key are found one index lookup a story, as in SQLite
// (entityStoriesSQL there), not one row a naming article.
func (s *DB) EntityStories(ctx context.Context, id int64, limit int) ([]model.Story, error) {
	stories, err := s.queryStories(ctx, `WITH RECURSIVE k(type, key) AS (SELECT type, key FROM entity_keys WHERE entity_id = $1),
		seen(type, key, id) AS (
			SELECT k.type, k.key, (SELECT min(ae.story_id) FROM article_entities ae WHERE ae.type = k.type AND ae.key = k.key) FROM k
			UNION ALL
			SELECT seen.type, seen.key, (SELECT min(ae.story_id) FROM article_entities ae
				WHERE ae.type = seen.type AND ae.key = seen.key AND ae.story_id > seen.id)
			FROM seen WHERE seen.id IS NOT NULL)
		SELECT `+storyColumns+` FROM stories s WHERE s.id IN (SELECT id FROM seen WHERE id IS NOT NULL)
		ORDER BY s.last_published = '', s.last_published DESC, s.id DESC LIMIT $2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity %d stories: %w", id, err)
	}
	return stories, nil
}

// quoteHitColumns are a quotation's columns, its article's, and the
// speaker's record: a person's first, should another kind share the key.
// The record is looked up by type and key (the key alone is no prefix of
// an index: every row read all of entity_keys, 10 s for the page of a
// speaker of 5,000 quotations at 200,000 articles); callers select it
// after their LIMIT.
const quoteHitColumns = `q.text, q.speaker, q.speaker_key, q.verb, q.paragraph, q.article_id, q.story_id,
	a.outlet, a.url, a.source, a.published, a.title,
	coalesce((SELECT sk.entity_id FROM entity_keys sk WHERE sk.type IN ('person', 'organisation', 'place')
		AND sk.key = q.speaker_key AND q.speaker_key != '' ORDER BY sk.type = 'person' DESC, sk.type LIMIT 1), 0)`

func (s *DB) queryQuotes(ctx context.Context, q string, args ...any) ([]store.QuoteHit, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.QuoteHit, error) {
		var h store.QuoteHit
		var a model.Article
		err := r.Scan(&h.Text, &h.Speaker, &h.SpeakerKey, &h.Verb, &h.Paragraph, &h.ArticleID, &h.StoryID,
			&a.Outlet, &a.URL, &a.Source, &h.Published, &h.Title, &h.SpeakerID)
		a.ID = h.ArticleID
		h.Outlet = a.OutletLabel()
		return h, err
	})
}

// EntityQuotes returns the page of quotations q asks for (see
// store.QuoteQuery) and how many the entity is the speaker of in all.
func (s *DB) EntityQuotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, int, error) {
	var keys []string
	var total int
	// The keys that speak and their counts (migration 13): counting the
	// rows read one a quotation.
	err := s.pool.QueryRow(ctx, `SELECT coalesce(array_agg(c.speaker_key ORDER BY c.speaker_key), '{}'), coalesce(sum(c.quotes), 0)
		FROM quote_speakers c WHERE c.speaker_key IN (SELECT key FROM entity_keys WHERE entity_id = $1 AND key <> '') AND c.quotes > 0`,
		q.EntityID).Scan(&keys, &total)
	if err != nil || q.Limit <= 0 || q.Offset >= total {
		return nil, total, wrapQuotes(q.EntityID, err)
	}
	// Each key's first Offset+Limit in the order shown, from the index
	// (migration 13), then merged and paged: the speaker's other
	// quotations are not read. (A UNION ALL of the keys' rows, as in
	// SQLite, was planned as a sort of every quotation of the keys.)
	hits, err := s.queryQuotes(ctx, `SELECT `+quoteHitColumns+` FROM (SELECT f.id, f.published, f.article_id, f.n
			FROM unnest($1::text[]) k(key) CROSS JOIN LATERAL (SELECT id, published, article_id, n FROM quotes
				WHERE speaker_key = k.key ORDER BY published DESC, article_id DESC, n LIMIT $2) f
			ORDER BY f.published DESC, f.article_id DESC, f.n LIMIT $3 OFFSET $4) f
		JOIN quotes q ON q.id = f.id JOIN articles a ON a.id = q.article_id
		ORDER BY f.published DESC, f.article_id DESC, f.n`, keys, q.Offset+q.Limit, q.Limit, q.Offset)
	return hits, total, wrapQuotes(q.EntityID, err)
}

func wrapQuotes(id int64, err error) error {
	if err != nil {
		return fmt.Errorf("entity %d quotes: %w", id, err)
	}
	return nil
}

// SearchQuotes returns up to limit quotations whose words (or speaker's
// name) match all the words of q, best match first.
func (s *DB) SearchQuotes(ctx context.Context, q string, limit int) ([]store.QuoteHit, error) {
	words := searchWords(q)
	if words == "" {
		return nil, nil
	}
	hits, err := s.queryQuotes(ctx, `SELECT `+quoteHitColumns+` FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.tsv @@ plainto_tsquery('simple', parallax_fold($1))
		ORDER BY ts_rank(q.tsv, plainto_tsquery('simple', parallax_fold($1))) DESC, q.id LIMIT $2`, words, limit)
	if err != nil {
		return nil, fmt.Errorf("search quotes %q: %w", q, err)
	}
	return hits, nil
}

// StoryNames lists the entity keys a story's articles use, each with its
// record, the most widely named in the story first, as q asks; and how
// many keys q matches in all (as the SQLite store's).
func (s *DB) StoryNames(ctx context.Context, q store.NameQuery) ([]store.EntityMention, int, error) {
	where, args := `se.story_id = $1`, []any{q.StoryID}
	if q.Keys != nil {
		where += ` AND se.key = ANY($2)`
		args = append(args, cleanAll(q.Keys))
	}
	var total int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM story_entities se WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
	}
	var limit *int // NULL: no limit
	if q.Limit > 0 {
		limit = &q.Limit
	}
	n := len(args)
	rows, err := s.pool.Query(ctx, fmt.Sprintf(`SELECT k.entity_id, e.name, se.type, se.key, se.articles FROM (
			SELECT se.type, se.key, se.articles, se.mentions FROM story_entities se
			WHERE %s ORDER BY se.articles DESC, se.mentions DESC, se.type, se.key LIMIT $%d OFFSET $%d) se
		JOIN entity_keys k ON k.type = se.type AND k.key = se.key JOIN entities e ON e.id = k.entity_id
		ORDER BY se.articles DESC, se.mentions DESC, e.name, se.type, se.key`, where, n+1, n+2), append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.EntityMention, error) {
		var m store.EntityMention
		return m, r.Scan(&m.EntityID, &m.Name, &m.Type, &m.Key, &m.Articles)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
	}
	return out, total, nil
}

// StoriesNames lists each story's entity keys with their records, by
// story ID, each list as StoryNames gives a whole story's (as the SQLite
// store's).
func (s *DB) StoriesNames(ctx context.Context, ids []int64) (map[int64][]store.EntityMention, error) {
	out := map[int64][]store.EntityMention{}
	rows, err := s.pool.Query(ctx, `SELECT se.story_id, k.entity_id, e.name, se.type, se.key, se.articles
		FROM story_entities se JOIN entity_keys k ON k.type = se.type AND k.key = se.key JOIN entities e ON e.id = k.entity_id
		WHERE se.story_id = ANY($1) ORDER BY se.story_id, se.articles DESC, se.mentions DESC, e.name, se.type, se.key`, ids)
	if err != nil {
		return nil, fmt.Errorf("stories' names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m store.EntityMention
		if err := rows.Scan(&id, &m.EntityID, &m.Name, &m.Type, &m.Key, &m.Articles); err != nil {
			return nil, fmt.Errorf("stories' names: %w", err)
		}
		out[id] = append(out[id], m)
	}
	return out, rows.Err()
}

// ArticleEntities lists the entities one article names, with their
// records.
func (s *DB) ArticleEntities(ctx context.Context, articleID int64) ([]store.EntityMention, error) {
	return s.mentions(ctx, `ae.article_id = $1`, articleID)
}

func (s *DB) mentions(ctx context.Context, where string, id int64) ([]store.EntityMention, error) {
	rows, err := s.pool.Query(ctx, `SELECT k.entity_id, e.name, e.type, ae.key, count(DISTINCT ae.article_id)
		FROM article_entities ae JOIN entity_keys k ON k.type = ae.type AND k.key = ae.key JOIN entities e ON e.id = k.entity_id
		WHERE `+where+` GROUP BY k.entity_id, ae.key, e.name, e.type
		ORDER BY count(DISTINCT ae.article_id) DESC, sum(ae.mentions) DESC, e.name`, id)
	if err != nil {
		return nil, fmt.Errorf("entity mentions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.EntityMention, error) {
		var m store.EntityMention
		return m, r.Scan(&m.EntityID, &m.Name, &m.Type, &m.Key, &m.Articles)
	})
	if err != nil {
		return nil, fmt.Errorf("entity mentions: %w", err)
	}
	return out, nil
}

// ArticlesMatching returns which of ids are articles matching all the
// words of q.
func (s *DB) ArticlesMatching(ctx context.Context, q string, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	words := searchWords(q)
	if words == "" || len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM articles a WHERE a.id = ANY($2) AND `+tsMatch(1), words, ids)
	if err != nil {
		return nil, fmt.Errorf("match %q: %w", q, err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("match %q: %w", q, err)
	}
	for _, id := range got {
		out[id] = true
	}
	return out, nil
}

// Storylines lists storylines of two or more stories, the most recently
// continued first.
func (s *DB) Storylines(ctx context.Context, limit, offset int) ([]store.Storyline, error) {
	rows, err := s.pool.Query(ctx, `SELECT storyline_id, count(*), coalesce(min(nullif(first_published, '')), ''),
		max(last_published), (SELECT t.title FROM stories t WHERE t.storyline_id = s.storyline_id
			ORDER BY t.last_published = '', t.last_published DESC, t.id DESC LIMIT 1)
		FROM stories s GROUP BY storyline_id HAVING count(*) > 1
		ORDER BY max(last_published) DESC, storyline_id LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Storyline, error) {
		var l store.Storyline
		return l, r.Scan(&l.ID, &l.Stories, &l.First, &l.Last, &l.Title)
	})
	if err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	return out, nil
}

// StorylineStories returns a storyline's stories (up to limit, past
// offset), first published first, undated last.
func (s *DB) StorylineStories(ctx context.Context, id int64, limit, offset int) ([]model.Story, error) {
	stories, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.storyline_id = $1
		ORDER BY s.first_published = '', s.first_published, s.last_published, s.id LIMIT $2 OFFSET $3`, id, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("storyline %d: %w", id, err)
	}
	return stories, s.fillArticleIDs(ctx, stories)
}
