package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Reads of the corpus index: entity records, their stories and
// quotations, quotation search, storylines.

const entityColumns = `e.id, e.type, e.key, e.name, e.spellings, e.keys, e.articles, e.mentions, e.merged_into`

func scanEntity(sc scanner) (store.Entity, error) {
	var e store.Entity
	var spellings, keys string
	if err := sc.Scan(&e.ID, &e.Type, &e.Key, &e.Name, &spellings, &keys, &e.Articles, &e.Mentions, &e.MergedInto); err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(spellings), &e.Spellings); err != nil {
		return e, fmt.Errorf("entity %d spellings: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(keys), &e.Keys); err != nil {
		return e, fmt.Errorf("entity %d keys: %w", e.ID, err)
	}
	return e, nil
}

// Entity returns one entity record, or store.ErrNotFound.
func (s *DB) Entity(ctx context.Context, id int64) (store.Entity, error) {
	e, err := scanEntity(s.db.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %d: %w", id, err)
	}
	return e, nil
}

// FindEntities returns the records of the given families that articles
// still name, most widely named first (families: enrich.SearchFamilies);
// no families lists the most widely named of all.
func (s *DB) FindEntities(ctx context.Context, families []string, limit int) ([]store.Entity, error) {
	q := `SELECT ` + entityColumns + ` FROM entities e WHERE e.articles > 0`
	var args []any
	if len(families) > 0 {
		q += ` AND e.family IN (` + strings.TrimSuffix(strings.Repeat("?,", len(families)), ",") + `)`
		for _, f := range families {
			args = append(args, f)
		}
	}
	q += ` ORDER BY e.articles DESC, e.mentions DESC, e.id LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find entities: %w", err)
	}
	defer rows.Close()
	var out []store.Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, fmt.Errorf("find entities: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EntityStories returns up to limit stories whose articles name the
// entity, last published first, as summaries (model.Story.Articles
// counts their members; ArticleIDs stay nil): a list, which read every
// member of each story (4,501 IDs for the page of a person quoted in a
// large story).
func (s *DB) EntityStories(ctx context.Context, id int64, limit int) ([]model.Story, error) {
	stories, err := s.queryStories(ctx, entityStoriesSQL+`
		SELECT `+storyColumns+` FROM stories s WHERE s.id IN (SELECT id FROM seen WHERE id IS NOT NULL)
		ORDER BY s.last_published = '', s.last_published DESC, s.id DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity %d stories: %w", id, err)
	}
	return stories, nil
}

// entityStoriesSQL finds the stories that name an entity's keys (seen):
// for each key, the next story ID after the last in article_entities_key
// (type, key, story_id), one lookup a story. Listing the key's rows read
// one a naming article: 4,191 for the most named person at 200,000
// articles, all in one story. The first argument is the entity.
const entityStoriesSQL = `WITH RECURSIVE k(type, key) AS (SELECT type, key FROM entity_keys WHERE entity_id = ?),
	seen(type, key, id) AS (
		SELECT k.type, k.key, (SELECT min(ae.story_id) FROM article_entities ae WHERE ae.type = k.type AND ae.key = k.key) FROM k
		UNION ALL
		SELECT seen.type, seen.key, (SELECT min(ae.story_id) FROM article_entities ae
			WHERE ae.type = seen.type AND ae.key = seen.key AND ae.story_id > seen.id)
		FROM seen WHERE seen.id IS NOT NULL)`

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
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.QuoteHit
	for rows.Next() {
		var h store.QuoteHit
		var a model.Article
		if err := rows.Scan(&h.Text, &h.Speaker, &h.SpeakerKey, &h.Verb, &h.Paragraph, &h.ArticleID, &h.StoryID,
			&a.Outlet, &a.URL, &a.Source, &h.Published, &h.Title, &h.SpeakerID); err != nil {
			return nil, err
		}
		a.ID = h.ArticleID
		h.Outlet = a.OutletLabel()
		out = append(out, h)
	}
	return out, rows.Err()
}

// EntityQuotes returns the page of quotations q asks for (see
// store.QuoteQuery) and how many the entity is the speaker of in all.
func (s *DB) EntityQuotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, int, error) {
	keys, total, err := speakerKeys(ctx, s.db, q.EntityID)
	if err != nil || q.Limit <= 0 || q.Offset >= total {
		return nil, total, wrapQuotes(q.EntityID, err)
	}
	// Each key's quotations in the order shown, from the index (migration
	// 14), merged as they come (no sort) and paged: the speaker's other
	// quotations are not read, but for those a later page skips. Sorted
	// through the articles, every quotation of the speaker was read (15
	// ms for 5,533).
	var arms []string
	for range keys {
		arms = append(arms, `SELECT id, published, article_id, n FROM quotes INDEXED BY quotes_speaker WHERE speaker_key = ?`)
	}
	hits, err := s.queryQuotes(ctx, `SELECT `+quoteHitColumns+` FROM (`+strings.Join(arms, ` UNION ALL `)+`
			ORDER BY published DESC, article_id DESC, n LIMIT ? OFFSET ?) f
		JOIN quotes q ON q.id = f.id JOIN articles a ON a.id = q.article_id
		ORDER BY f.published DESC, f.article_id DESC, f.n`, append(keys, q.Limit, q.Offset)...)
	return hits, total, wrapQuotes(q.EntityID, err)
}

// speakerKeys are the keys of an entity's record (of any type, as the
// quotations' speaker keys carry none) that are some quotation's speaker,
// and how many quotations they have in all, from their counts (migration
// 14; counting the rows read one a quotation). A key without any is left
// out: one key alone is read straight from the index, with no merge.
func speakerKeys(ctx context.Context, db *sql.DB, id int64) ([]any, int, error) {
	rows, err := db.QueryContext(ctx, `SELECT speaker_key, quotes FROM quote_speakers
		WHERE speaker_key IN (SELECT key FROM entity_keys WHERE entity_id = ? AND key != '') AND quotes > 0
		ORDER BY speaker_key`, id)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var keys []any
	total := 0
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, 0, err
		}
		keys, total = append(keys, k), total+n
	}
	return keys, total, rows.Err()
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
	fq := store.FTSQuery(q)
	if fq == "" {
		return nil, nil
	}
	hits, err := s.queryQuotes(ctx, `SELECT `+quoteHitColumns+` FROM (SELECT rowid, bm25(quotes_fts, 1.0, 0.5) AS rank
		FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank, rowid LIMIT ?) f
		JOIN quotes q ON q.id = f.rowid JOIN articles a ON a.id = q.article_id
		ORDER BY f.rank, q.id`, fq, limit)
	if err != nil {
		return nil, fmt.Errorf("search quotes %q: %w", q, err)
	}
	return hits, nil
}

// StoryNames lists the entity keys a story's articles use, each with its
// record, the most widely named in the story first (ties by the record's
// name within what is read), as q asks; and how many keys q matches in
// all. They are read from the story's counts in that order
// (story_entities_named), so a page of them costs the same whatever the
// story's size.
func (s *DB) StoryNames(ctx context.Context, q store.NameQuery) ([]store.EntityMention, int, error) {
	where, args := `se.story_id = ?`, []any{q.StoryID}
	if q.Keys != nil {
		keys, err := json.Marshal(q.Keys)
		if err != nil {
			return nil, 0, err
		}
		where += ` AND se.key IN (SELECT value FROM json_each(?))`
		args = append(args, string(keys))
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM story_entities se WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
	}
	limit := -1 // SQLite: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	// The page of keys first, then their records: joined first, a later
	// page looked up the records of every key before it.
	rows, err := s.db.QueryContext(ctx, `SELECT k.entity_id, e.name, se.type, se.key, se.articles FROM (
			SELECT se.type, se.key, se.articles, se.mentions FROM story_entities se
			WHERE `+where+` ORDER BY se.articles DESC, se.mentions DESC, se.type, se.key LIMIT ? OFFSET ?) se
		JOIN entity_keys k ON k.type = se.type AND k.key = se.key JOIN entities e ON e.id = k.entity_id
		ORDER BY se.articles DESC, se.mentions DESC, e.name, se.type, se.key`, append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
	}
	defer rows.Close()
	var out []store.EntityMention
	for rows.Next() {
		var m store.EntityMention
		if err := rows.Scan(&m.EntityID, &m.Name, &m.Type, &m.Key, &m.Articles); err != nil {
			return nil, 0, fmt.Errorf("story %d names: %w", q.StoryID, err)
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// StoriesNames lists each story's entity keys with their records, by
// story ID, each list as StoryNames gives a whole story's: for a
// storyline page, which compares each story's names with the one
// before's, in one read rather than two a story.
func (s *DB) StoriesNames(ctx context.Context, ids []int64) (map[int64][]store.EntityMention, error) {
	out := map[int64][]store.EntityMention{}
	if len(ids) == 0 {
		return out, nil
	}
	ph, args := placeholders(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT se.story_id, k.entity_id, e.name, se.type, se.key, se.articles
		FROM story_entities se JOIN entity_keys k ON k.type = se.type AND k.key = se.key JOIN entities e ON e.id = k.entity_id
		WHERE se.story_id IN (`+ph+`) ORDER BY se.story_id, se.articles DESC, se.mentions DESC, e.name, se.type, se.key`, args...)
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
	return s.mentions(ctx, `ae.article_id = ?`, articleID)
}

func (s *DB) mentions(ctx context.Context, where string, id int64) ([]store.EntityMention, error) {
	// Counted by key first (a key names one record: grouping by key is
	// grouping by record and key), then joined to the records.
	rows, err := s.db.QueryContext(ctx, `SELECT k.entity_id, e.name, e.type, g.key, g.articles
		FROM (SELECT ae.type, ae.key, count(DISTINCT ae.article_id) AS articles, sum(ae.mentions) AS mentions
			FROM article_entities ae WHERE `+where+` GROUP BY ae.type, ae.key) g
		JOIN entity_keys k ON k.type = g.type AND k.key = g.key JOIN entities e ON e.id = k.entity_id
		ORDER BY g.articles DESC, g.mentions DESC, e.name`, id)
	if err != nil {
		return nil, fmt.Errorf("entity mentions: %w", err)
	}
	defer rows.Close()
	var out []store.EntityMention
	for rows.Next() {
		var m store.EntityMention
		if err := rows.Scan(&m.EntityID, &m.Name, &m.Type, &m.Key, &m.Articles); err != nil {
			return nil, fmt.Errorf("entity mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ArticlesMatching returns which of ids are articles matching all the
// words of q.
func (s *DB) ArticlesMatching(ctx context.Context, q string, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	fq := store.FTSQuery(q)
	if fq == "" {
		return out, nil
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (`+idList(ids[:n])+`)`, fq)
		if err != nil {
			return nil, fmt.Errorf("match %q: %w", q, err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return out, nil
}

// Storylines lists storylines of two or more stories, the most recently
// continued first.
func (s *DB) Storylines(ctx context.Context, limit, offset int) ([]store.Storyline, error) {
	// Kept by triggers on the stories (migration 10): grouped here, every
	// story was read for a page of 30.
	rows, err := s.db.QueryContext(ctx, `SELECT id, stories, first, last, title FROM storylines WHERE stories > 1
		ORDER BY last DESC, id LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("storylines: %w", err)
	}
	defer rows.Close()
	var out []store.Storyline
	for rows.Next() {
		var l store.Storyline
		if err := rows.Scan(&l.ID, &l.Stories, &l.First, &l.Last, &l.Title); err != nil {
			return nil, fmt.Errorf("storylines: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// StorylineStories returns a storyline's stories (up to limit, past
// offset), first published first, undated last.
func (s *DB) StorylineStories(ctx context.Context, id int64, limit, offset int) ([]model.Story, error) {
	// In the order of an index (migration 12): sorted here, every story
	// of the storyline was read (35,000 for a generated store's first).
	stories, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.storyline_id = ?
		ORDER BY s.first_published = '', s.first_published, s.last_published, s.id LIMIT ? OFFSET ?`, id, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("storyline %d: %w", id, err)
	}
	return stories, s.fillArticleIDs(ctx, stories)
}
