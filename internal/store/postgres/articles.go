package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// PutArticle stores a, in one transaction: unchanged when the same content
// is already stored, updated when an article with the same key changed, new
// otherwise. It returns the stored article's ID.
func (s *DB) PutArticle(ctx context.Context, a model.Article) (int64, store.Outcome, error) {
	var id int64
	var outcome store.Outcome
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, articleLock); err != nil {
			return err
		}
		var err error
		id, outcome, err = putArticle(ctx, tx, a, false)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("put article: %w", err)
	}
	return id, outcome, nil
}

// PutArticles stores arts in one transaction, each all or nothing under a
// savepoint of its own: one that fails is reported in its result and does
// not undo its neighbours. Before committing, then (when set) is given the
// results, and the placements it returns, if any, are committed in the same
// transaction; an error from then or from the commit undoes everything.
func (s *DB) PutArticles(ctx context.Context, arts []model.Article, then store.ThenPlace) ([]store.Put, error) {
	puts := make([]store.Put, len(arts))
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, articleLock); err != nil {
			return err
		}
		if err := putArticles(ctx, tx, arts, puts); err != nil {
			return err
		}
		if then == nil {
			return nil
		}
		b, err := then(puts)
		if err != nil || b == nil {
			return err
		}
		return commitPlacements(ctx, tx, *b)
	})
	if err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	return puts, nil
}

// putArticle stores a in tx (see PutArticle); the caller holds the
// article lock. With savepoint, what it writes is under a savepoint of
// its own, rolled back alone when a write fails. A new article costs two
// round trips: its lookup, then the SAVEPOINT, INSERT and RELEASE as one
// batch.
func putArticle(ctx context.Context, tx pgx.Tx, a model.Article, savepoint bool) (int64, store.Outcome, error) {
	r, err := newArticleRow(a)
	if err != nil {
		return 0, 0, err
	}
	return putRow(ctx, tx, r, savepoint)
}

// putRow is putArticle of an article's row made already.
func putRow(ctx context.Context, tx pgx.Tx, r articleRow, savepoint bool) (int64, store.Outcome, error) {
	var same, keyed *int64
	err := tx.QueryRow(ctx, `SELECT (SELECT id FROM articles WHERE fingerprint = $1 ORDER BY id LIMIT 1),
		(SELECT id FROM articles WHERE key = $2)`, r.fp, r.key).Scan(&same, &keyed)
	switch {
	case err != nil:
		return 0, 0, err
	case same != nil:
		return *same, store.Unchanged, nil
	case keyed != nil:
		return *keyed, store.Updated, saved(ctx, tx, savepoint, func() error { return updateArticle(ctx, tx, *keyed, r.fp, r.values) })
	}
	b := &pgx.Batch{}
	var id int64
	r.queueInsert(b, savepoint, &id)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return 0, 0, undo(ctx, tx, savepoint, err)
	}
	return id, store.New, nil
}

// articleRow is an article as its row is written.
type articleRow struct {
	fp, key string
	values  []any // the columns updateArticle and queueInsert write, before fingerprint and key
}

func newArticleRow(a model.Article) (articleRow, error) {
	var enrichment *string
	if a.Enrichment != nil {
		b, err := json.Marshal(a.Enrichment)
		if err != nil {
			return articleRow{}, err
		}
		e := string(b)
		enrichment = &e
	}
	return articleRow{
		fp:  store.Fingerprint(a),
		key: clean(store.Key(a)),
		values: []any{clean(a.Source), clean(a.SourceID), clean(a.URL), clean(a.Title), cleanAll(nonNil(a.Authors)),
			clean(a.Outlet), clean(a.Published), clean(a.Language), clean(a.Body), cleanAll(nonNil(a.PageDates)), enrichment,
			stamp(time.Now())},
	}, nil
}

// queueInsert queues the row's INSERT, under the article savepoint when
// asked, its ID scanned into id.
func (r articleRow) queueInsert(b *pgx.Batch, savepoint bool, id *int64) {
	if savepoint {
		b.Queue(`SAVEPOINT put_article`)
	}
	b.Queue(`INSERT INTO articles (source, source_id, url, title, authors, outlet, published, language,
		body, page_dates, enrichment, updated_at, ingested_at, fingerprint, key)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12,$13,$14) RETURNING id`, append(r.values, r.fp, r.key)...).
		QueryRow(func(row pgx.Row) error { return row.Scan(id) })
	if savepoint {
		b.Queue(`RELEASE SAVEPOINT put_article`)
	}
}

// updateArticle rewrites article id with new content.
func updateArticle(ctx context.Context, tx pgx.Tx, id int64, fp string, row []any) error {
	_, err := tx.Exec(ctx, `UPDATE articles SET source=$1, source_id=$2, url=$3, title=$4, authors=$5, outlet=$6,
		published=$7, language=$8, body=$9, page_dates=$10, enrichment=$11, updated_at=$12, fingerprint=$13 WHERE id=$14`,
		append(row, fp, id)...)
	if err != nil {
		return err
	}
	// Its quotations carry its date (EntityQuotes' order): moved with it.
	_, err = tx.Exec(ctx, `UPDATE quotes q SET published = a.published FROM articles a
		WHERE a.id = $1 AND q.article_id = a.id AND q.published <> a.published`, id)
	if err != nil {
		return err
	}
	// Its story's report no longer matches: marked in the same
	// transaction, so a crash cannot leave it stale.
	_, err = tx.Exec(ctx, `INSERT INTO pending_reports (story_id, mark)
		SELECT story_id, 1 FROM articles WHERE id = $1 AND story_id IS NOT NULL
		ON CONFLICT (story_id) DO UPDATE SET mark = pending_reports.mark + 1`, id)
	if err != nil {
		return err
	}
	return refreshOriginals(ctx, tx, id)
}

// saved runs fn under the article savepoint when asked (see putArticle).
func saved(ctx context.Context, tx pgx.Tx, savepoint bool, fn func() error) error {
	if !savepoint {
		return fn()
	}
	if _, err := tx.Exec(ctx, `SAVEPOINT put_article`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return undo(ctx, tx, true, err)
	}
	_, err := tx.Exec(ctx, `RELEASE SAVEPOINT put_article`)
	return undo(ctx, tx, true, err)
}

// undo rolls the article savepoint back after err, so that the
// transaction goes on without what the failed article wrote.
func undo(ctx context.Context, tx pgx.Tx, savepoint bool, err error) error {
	if err == nil || !savepoint {
		return err
	}
	if _, rerr := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT put_article`); rerr != nil {
		return errors.Join(err, rerr)
	}
	if _, rerr := tx.Exec(ctx, `RELEASE SAVEPOINT put_article`); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

// ArticlesByID returns the articles with these IDs (without enrichment),
// in the order asked; an ID with no article is left out.
func (s *DB) ArticlesByID(ctx context.Context, ids []int64) ([]model.Article, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumnsA+` FROM unnest($1::bigint[]) WITH ORDINALITY AS q(id, n)
		JOIN articles a ON a.id = q.id ORDER BY q.n`, ids)
	if err != nil {
		return nil, fmt.Errorf("articles by id: %w", err)
	}
	defer rows.Close()
	var out []model.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("articles by id: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles by id: %w", err)
	}
	return out, nil
}

const (
	articleColumns  = `id, source, source_id, url, title, authors, outlet, published, language, body, page_dates`
	articleColumnsA = `a.id, a.source, a.source_id, a.url, a.title, a.authors, a.outlet, a.published, a.language, a.body, a.page_dates`
	// enrichmentColumn follows the article columns where a query reads it.
	enrichmentColumn = `coalesce(enrichment::text, '')`
	// newestFirst is the order of Articles: newest published, undated last.
	newestFirst = ` ORDER BY published = '', published DESC, id`
)

func scanArticle(sc pgx.Row, extra ...any) (model.Article, error) {
	var a model.Article
	dst := append([]any{&a.ID, &a.Source, &a.SourceID, &a.URL, &a.Title, &a.Authors, &a.Outlet, &a.Published,
		&a.Language, &a.Body, &a.PageDates}, extra...)
	if err := sc.Scan(dst...); err != nil {
		return a, err
	}
	if len(a.PageDates) == 0 {
		a.PageDates = nil
	}
	a.Authors = nonNil(a.Authors)
	return a, nil
}

// Article returns one article by ID with its enrichment, or
// store.ErrNotFound.
func (s *DB) Article(ctx context.Context, id int64) (model.Article, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+articleColumns+`, `+enrichmentColumn+` FROM articles WHERE id = $1`, id)
	var enrichment string
	a, err := scanArticle(row, &enrichment)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	return a, setEnrichment(&a, enrichment)
}

// setEnrichment decodes a stored enrichment ("" when never enriched).
func setEnrichment(a *model.Article, stored string) error {
	if stored == "" {
		return nil
	}
	var e model.Enrichment
	if err := json.Unmarshal([]byte(stored), &e); err != nil {
		return fmt.Errorf("article %d enrichment: %w", a.ID, err)
	}
	a.Enrichment = &e
	return nil
}

// Articles returns every article, newest published first (undated last),
// then by ID.
func (s *DB) Articles(ctx context.Context) ([]model.Article, error) {
	out, err := s.scanRows(ctx, false, `SELECT `+articleColumns+` FROM articles`+newestFirst)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// ArticlesEnriched returns every article with its enrichment, in the
// order of Articles.
func (s *DB) ArticlesEnriched(ctx context.Context) ([]model.Article, error) {
	out, err := s.scanRows(ctx, true, `SELECT `+articleColumns+`, `+enrichmentColumn+` FROM articles`+newestFirst)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// searchWords is the user's words as plain text for plainto_tsquery (which
// reads no operators), with the same trimming as store.FTSQuery; "" when
// nothing is left to search for.
func searchWords(q string) string {
	var words []string
	for _, f := range strings.Fields(clean(q)) {
		if f = strings.Trim(f, `"'()*^:+-`); f != "" {
			words = append(words, f)
		}
	}
	return strings.Join(words, " ")
}

// tsMatch is the full-text condition on articles a for the words in the
// parameter numbered n.
func tsMatch(n int) string {
	return fmt.Sprintf(`a.tsv @@ plainto_tsquery('simple', parallax_fold($%d))`, n)
}

// Search returns up to limit articles matching all the words of q in their
// title or body, best match first (a title match weighs more).
func (s *DB) Search(ctx context.Context, q string, limit int) ([]model.Article, error) {
	words := searchWords(q)
	if words == "" || limit == 0 {
		return nil, nil
	}
	var lim any = limit
	if limit < 0 { // no limit, as SQLite reads a negative LIMIT
		lim = nil
	}
	out, err := s.scanRows(ctx, false, `SELECT `+articleColumnsA+` FROM articles a WHERE `+tsMatch(1)+`
		ORDER BY ts_rank(a.tsv, plainto_tsquery('simple', parallax_fold($1))) DESC, a.id LIMIT $2`, words, lim)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return out, nil
}

// scanRows reads articles; enriched says the statement selects the
// enrichment column after the article columns.
func (s *DB) scanRows(ctx context.Context, enriched bool, q string, args ...any) ([]model.Article, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Article
	for rows.Next() {
		var enrichment string
		var extra []any
		if enriched {
			extra = append(extra, &enrichment)
		}
		a, err := scanArticle(rows, extra...)
		if err != nil {
			return nil, err
		}
		if err := setEnrichment(&a, enrichment); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
