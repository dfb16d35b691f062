package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// The corpus index (see store/index.go): rows written with a story's
// report, records rebuilt per family, the story's last indexed state.

// PutStoryIndex replaces the entity and quotation rows of a story's
// articles and marks the entity families of the old and new rows for
// rebuilding, in one transaction; only the articles whose rows changed
// are written (store.StoryIndex.Changes), as in the SQLite store. The
// stored rows are read with the transaction's BEGIN and the writes sent
// as one batch: three round trips in all.
func (s *DB) PutStoryIndex(ctx context.Context, idx store.StoryIndex) error {
	ids := nonNilIDs(idx.ArticleIDs)
	var oldE []store.EntityRow
	var oldQ []store.QuoteRow
	read := func(br pgx.BatchResults) error {
		if _, err := br.Exec(); err != nil { // plan_cache_mode
			return err
		}
		var err error
		if oldE, err = collectEntityRows(br.Query()); err != nil {
			return err
		}
		oldQ, err = collectQuoteRows(br.Query())
		return err
	}
	write := func(tx pgx.Tx) error {
		cleaned := cleanIndex(idx)
		ch := cleaned.Changes(oldE, oldQ)
		b := &pgx.Batch{}
		b.Queue(`DELETE FROM article_entities WHERE article_id = ANY($1)`, nonNilIDs(ch.Entities))
		b.Queue(`DELETE FROM quotes WHERE article_id = ANY($1)`, nonNilIDs(ch.Quotes))
		queueIndexRows(b, idx, ch)
		for _, c := range cleaned.SpeakerChanges(oldQ, ch.Quotes) {
			b.Queue(`INSERT INTO quote_speakers (speaker_key, quotes) VALUES ($1, $2)
				ON CONFLICT (speaker_key) DO UPDATE SET quotes = quote_speakers.quotes + excluded.quotes`, c.Key, c.Quotes)
			b.Queue(`DELETE FROM quote_speakers WHERE speaker_key = $1 AND quotes <= 0`, c.Key)
		}
		if len(ch.Entities) > 0 {
			if err := queueNameCounts(ctx, tx, b, idx.StoryID, cleaned.NameCounts()); err != nil {
				return err
			}
		}
		if len(ch.Families) > 0 { // unique: one mark each
			b.Queue(`INSERT INTO pending_families (family, mark) SELECT f, 1 FROM unnest($1::text[]) AS f
				ON CONFLICT (family) DO UPDATE SET mark = pending_families.mark + 1`, ch.Families)
		}
		return tx.SendBatch(ctx, b).Close()
	}
	first := &pgx.Batch{}
	// Planned for each story's IDs: a plan cached while the table was
	// small scans it whole, 1.5 ms a story at 40,000 rows and growing.
	first.Queue(`SELECT set_config('plan_cache_mode', 'force_custom_plan', true)`)
	first.Queue(`SELECT article_id, n, story_id, type, key, family, name, aliases, mentions
		FROM article_entities WHERE article_id = ANY($1)`, ids)
	first.Queue(`SELECT article_id, story_id, n, text, speaker, speaker_key, verb, paragraph
		FROM quotes WHERE article_id = ANY($1)`, ids)
	if err := s.inDerivedTx(ctx, first, read, write); err != nil {
		return fmt.Errorf("index story %d: %w", idx.StoryID, err)
	}
	return nil
}

// queueNameCounts queues the writes of the story's name counts that
// differ from those stored, as the SQLite store's putNameCounts.
func queueNameCounts(ctx context.Context, tx pgx.Tx, b *pgx.Batch, storyID int64, counts []store.NameCount) error {
	rows, err := tx.Query(ctx, `SELECT type, key, articles, mentions FROM story_entities WHERE story_id = $1`, storyID)
	if err != nil {
		return err
	}
	stored, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.NameCount, error) {
		var c store.NameCount
		return c, r.Scan(&c.Type, &c.Key, &c.Articles, &c.Mentions)
	})
	if err != nil {
		return err
	}
	put, gone := store.NameChanges(stored, counts)
	for _, c := range gone {
		b.Queue(`DELETE FROM story_entities WHERE story_id = $1 AND type = $2 AND key = $3`, storyID, c.Type, c.Key)
	}
	if len(put) > 0 { // one row per (type, key): NameChanges' rows are the story's counts
		b.Queue(`INSERT INTO story_entities (story_id, type, key, articles, mentions)
			SELECT $1, r.type, r.key, r.articles, r.mentions
			FROM jsonb_to_recordset($2::jsonb) AS r(type text, key text, articles int, mentions int)
			ON CONFLICT (story_id, type, key) DO UPDATE SET articles = excluded.articles, mentions = excluded.mentions`,
			storyID, jsonRows(nameCountRows(put)))
	}
	return nil
}

// IndexFingerprint returns the fingerprint a story's index was built
// from, "" when it was not: StoryState without the snapshot.
func (s *DB) IndexFingerprint(ctx context.Context, storyID int64) (string, error) {
	var fp string
	err := s.pool.QueryRow(ctx, `SELECT fingerprint FROM story_index WHERE story_id = $1`, storyID).Scan(&fp)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("story %d index: %w", storyID, err)
	}
	return fp, nil
}

// queueIndexRows queues the inserts of the changed articles' rows.
func queueIndexRows(b *pgx.Batch, idx store.StoryIndex, ch store.IndexChanges) {
	entities, quotes := idSet(ch.Entities), idSet(ch.Quotes)
	var ents []entityRowJSON
	for _, r := range idx.Entities {
		if !entities[r.ArticleID] {
			continue
		}
		e := r.Entity
		ents = append(ents, entityRowJSON{r.ArticleID, r.N, r.StoryID, clean(e.Type), clean(e.Key), clean(r.Family),
			clean(e.Name), cleanAll(nonNil(e.Aliases)), e.Mentions})
	}
	if len(ents) > 0 {
		// One statement for the story's rows: one per row was most of
		// the server's statements in a corpus index build.
		b.Queue(`INSERT INTO article_entities (article_id, n, story_id, type, key, family, name, aliases, mentions)
			SELECT r.article_id, r.n, r.story_id, r.type, r.key, r.family, r.name,
				ARRAY(SELECT jsonb_array_elements_text(r.aliases)), r.mentions
			FROM jsonb_to_recordset($1::jsonb) AS r(article_id bigint, n int, story_id bigint, type text, key text,
				family text, name text, aliases jsonb, mentions int)`, jsonRows(ents))
	}
	var qs []quoteRowJSON
	for _, r := range idx.Quotes {
		if !quotes[r.ArticleID] {
			continue
		}
		q := r.Quote
		qs = append(qs, quoteRowJSON{r.ArticleID, r.StoryID, r.N, clean(q.Text), clean(q.Speaker), clean(q.SpeakerKey),
			clean(q.Verb), q.Paragraph})
	}
	if len(qs) > 0 {
		// With its article's date (see EntityQuotes); updateArticle keeps
		// it. WITH ORDINALITY keeps the rows' order for their IDs.
		b.Queue(`INSERT INTO quotes (article_id, story_id, n, text, speaker, speaker_key, verb, paragraph, published)
			SELECT r.article_id, r.story_id, r.n, r.text, r.speaker, r.speaker_key, r.verb, r.paragraph,
				coalesce((SELECT published FROM articles WHERE id = r.article_id), '')
			FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(row, i),
				jsonb_to_record(e.row) AS r(article_id bigint, story_id bigint, n int, text text, speaker text,
					speaker_key text, verb text, paragraph int)
			ORDER BY e.i`, jsonRows(qs))
	}
}

// nameCountRows gives counts the JSON names story_entities' columns have.
func nameCountRows(counts []store.NameCount) []nameCountJSON {
	out := make([]nameCountJSON, len(counts))
	for i, c := range counts {
		out[i] = nameCountJSON{c.Type, c.Key, c.Articles, c.Mentions}
	}
	return out
}

type nameCountJSON struct {
	Type     string `json:"type"`
	Key      string `json:"key"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// entityRowJSON and quoteRowJSON are rows of article_entities and quotes
// as queueIndexRows sends them, many to a statement.
type entityRowJSON struct {
	ArticleID int64    `json:"article_id"`
	N         int      `json:"n"`
	StoryID   int64    `json:"story_id"`
	Type      string   `json:"type"`
	Key       string   `json:"key"`
	Family    string   `json:"family"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Mentions  int      `json:"mentions"`
}

type quoteRowJSON struct {
	ArticleID  int64  `json:"article_id"`
	StoryID    int64  `json:"story_id"`
	N          int    `json:"n"`
	Text       string `json:"text"`
	Speaker    string `json:"speaker"`
	SpeakerKey string `json:"speaker_key"`
	Verb       string `json:"verb"`
	Paragraph  int    `json:"paragraph"`
}

// jsonRows encodes rows for jsonb_to_recordset. The text in them is
// cleaned already (no NUL, valid UTF-8), so it comes back the same.
func jsonRows(rows any) string {
	b, err := json.Marshal(rows)
	if err != nil {
		panic(err) // plain structs of strings and numbers
	}
	return string(b)
}

// cleanIndex gives idx's text as this store keeps it (no NUL, valid
// UTF-8), so rows read back compare equal to the rows given.
func cleanIndex(idx store.StoryIndex) store.StoryIndex {
	out := store.StoryIndex{StoryID: idx.StoryID, ArticleIDs: idx.ArticleIDs}
	for _, r := range idx.Entities {
		e := r.Entity
		e.Type, e.Key, e.Name, e.Aliases = clean(e.Type), clean(e.Key), clean(e.Name), cleanAll(nonNil(e.Aliases))
		r.Family, r.Entity = clean(r.Family), e
		out.Entities = append(out.Entities, r)
	}
	for _, r := range idx.Quotes {
		q := &r.Quote
		q.Text, q.Speaker, q.SpeakerKey, q.Verb = clean(q.Text), clean(q.Speaker), clean(q.SpeakerKey), clean(q.Verb)
		out.Quotes = append(out.Quotes, r)
	}
	return out
}

func idSet(ids []int64) map[int64]bool {
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out
}

func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// collectEntityRows reads entity rows as PutStoryIndex selects them.
func collectEntityRows(rows pgx.Rows, err error) ([]store.EntityRow, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.EntityRow, error) {
		var r store.EntityRow
		e := &r.Entity
		return r, row.Scan(&r.ArticleID, &r.N, &r.StoryID, &e.Type, &e.Key, &r.Family, &e.Name, &e.Aliases, &e.Mentions)
	})
}

// collectQuoteRows reads quotation rows as PutStoryIndex selects them.
func collectQuoteRows(rows pgx.Rows, err error) ([]store.QuoteRow, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.QuoteRow, error) {
		var r store.QuoteRow
		q := &r.Quote
		return r, row.Scan(&r.ArticleID, &r.StoryID, &r.N, &q.Text, &q.Speaker, &q.SpeakerKey, &q.Verb, &q.Paragraph)
	})
}

// PendingFamilies lists the entity families whose records must be rebuilt.
func (s *DB) PendingFamilies(ctx context.Context) ([]store.PendingFamily, error) {
	rows, err := s.pool.Query(ctx, `SELECT family, mark FROM pending_families ORDER BY family`)
	if err != nil {
		return nil, fmt.Errorf("pending families: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.PendingFamily, error) {
		var p store.PendingFamily
		return p, r.Scan(&p.Family, &p.Mark)
	})
	if err != nil {
		return nil, fmt.Errorf("pending families: %w", err)
	}
	return out, nil
}

// FamilyRows returns every entity row of the families, by family, each
// family's in article order: one round trip for many families, as the
// writer rebuilds them in turn.
func (s *DB) FamilyRows(ctx context.Context, families []string) (map[string][]store.EntityRow, error) {
	rows, err := s.pool.Query(ctx, `SELECT family, article_id, n, story_id, type, key, name, aliases, mentions
		FROM article_entities WHERE family = ANY($1) ORDER BY family, article_id, n`, cleanAll(families))
	if err != nil {
		return nil, fmt.Errorf("families: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.EntityRow, error) {
		var r store.EntityRow
		e := &r.Entity
		return r, row.Scan(&r.Family, &r.ArticleID, &r.N, &r.StoryID, &e.Type, &e.Key, &e.Name, &e.Aliases, &e.Mentions)
	})
	if err != nil {
		return nil, fmt.Errorf("families: %w", err)
	}
	out := map[string][]store.EntityRow{}
	for _, r := range all {
		out[r.Family] = append(out[r.Family], r)
	}
	return out, nil
}

// PutFamily replaces the records of one family with ents, as the SQLite
// store's PutFamily does, in one transaction and one round trip.
func (s *DB) PutFamily(ctx context.Context, p store.PendingFamily, ents []model.CorpusEntity) error {
	return s.PutFamilies(ctx, []store.FamilyRecords{{Pending: p, Entities: ents}})
}

// PutFamilies is PutFamily for many families in one batch: one round
// trip and one transaction for the hundreds the writer rebuilds at a time.
func (s *DB) PutFamilies(ctx context.Context, fams []store.FamilyRecords) error {
	now := stamp(time.Now())
	b := derivedBatch()
	for _, f := range fams {
		queueFamily(b, f, now)
	}
	if err := s.sendDerived(ctx, b); err != nil {
		if len(fams) == 1 {
			return fmt.Errorf("entity family %s: %w", fams[0].Pending.Family, err)
		}
		return fmt.Errorf("entity families %s to %s: %w", fams[0].Pending.Family, fams[len(fams)-1].Pending.Family, err)
	}
	return nil
}

// queueFamily queues the statements that rewrite one family's records.
func queueFamily(b *pgx.Batch, f store.FamilyRecords, now time.Time) {
	p, ents := f.Pending, f.Entities
	family := clean(p.Family)
	b.Queue(`DELETE FROM entity_keys WHERE entity_id IN (SELECT id FROM entities WHERE family = $1)`, family)
	b.Queue(`UPDATE entities SET articles = 0, mentions = 0, merged_into = 0 WHERE family = $1`, family)
	for _, e := range ents {
		// One statement per record: its keys need the ID the upsert gives.
		b.Queue(`WITH e AS (INSERT INTO entities (type, key, family, name, spellings, keys, articles, mentions, merged_into, updated_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,0,$9) ON CONFLICT (type, key) DO UPDATE SET family = excluded.family, name = excluded.name,
			spellings = excluded.spellings, keys = excluded.keys, articles = excluded.articles, mentions = excluded.mentions,
			merged_into = 0, updated_at = excluded.updated_at RETURNING id)
			INSERT INTO entity_keys (type, key, entity_id) SELECT $1, k, e.id FROM e, unnest($6::text[]) k
			ON CONFLICT (type, key) DO UPDATE SET entity_id = excluded.entity_id`,
			clean(e.Type), clean(e.Key), family, clean(e.Name), cleanAll(nonNil(e.Spellings)), cleanAll(nonNil(e.Keys)),
			e.Articles, e.Mentions, now)
	}
	b.Queue(`UPDATE entities e SET merged_into = coalesce((SELECT k.entity_id FROM entity_keys k
		WHERE k.type = e.type AND k.key = e.key AND k.entity_id != e.id), 0) WHERE e.family = $1 AND e.articles = 0`, family)
	b.Queue(`DELETE FROM pending_families WHERE family = $1 AND mark = $2`, family, p.Mark)
}

// StoryState returns a story's index state.
func (s *DB) StoryState(ctx context.Context, storyID int64) (store.StoryState, error) {
	var st store.StoryState
	var snap string
	err := s.pool.QueryRow(ctx, `SELECT fingerprint, snapshot FROM story_index WHERE story_id = $1`, storyID).Scan(&st.Fingerprint, &snap)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("story %d index: %w", storyID, err)
	}
	st.Baseline = snap == ""
	if st.Snapshot, err = store.UnmarshalSnapshot(snap); err != nil {
		return st, fmt.Errorf("story %d index: %w", storyID, err)
	}
	return st, nil
}

// CommitStoryEvents writes a story's new index state and the events it
// caused, with a webhook delivery due now for each event whose follow has
// a webhook, in one transaction and one round trip.
func (s *DB) CommitStoryEvents(ctx context.Context, e store.StoryEvents) error {
	now := stamp(time.Now())
	b := derivedBatch()
	b.Queue(`INSERT INTO story_index (story_id, fingerprint, snapshot) VALUES ($1,$2,$3)
		ON CONFLICT (story_id) DO UPDATE SET fingerprint = excluded.fingerprint, snapshot = excluded.snapshot`,
		e.StoryID, e.Fingerprint, clean(store.MarshalSnapshot(e.Snapshot)))
	for _, ev := range e.Events {
		if err := queueEvent(b, ev, now); err != nil {
			return fmt.Errorf("story %d events: %w", e.StoryID, err)
		}
	}
	if err := s.sendDerived(ctx, b); err != nil {
		return fmt.Errorf("story %d events: %w", e.StoryID, err)
	}
	return nil
}

// queueEvent queues one event and its webhook delivery, in one statement
// since the delivery needs the event's ID; a follow removed meanwhile
// gets neither.
func queueEvent(b *pgx.Batch, ev model.FollowEvent, now time.Time) error {
	ev.Created = now.Format(time.RFC3339)
	detail, err := encodeEvent(ev)
	if err != nil {
		return err
	}
	b.Queue(`WITH ev AS (INSERT INTO follow_events (follow_id, story_id, kind, detail, created_at)
		SELECT id, $1, $2, $3, $4 FROM follows WHERE id = $5 RETURNING id, follow_id)
		INSERT INTO deliveries (event_id, follow_id, url, next_try)
		SELECT ev.id, f.id, f.webhook, $4 FROM ev JOIN follows f ON f.id = ev.follow_id WHERE f.webhook != ''`,
		ev.StoryID, ev.Kind, detail, now, ev.FollowID)
	return nil
}
