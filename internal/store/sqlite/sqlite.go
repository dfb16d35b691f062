// Package sqlite is Parallax's embedded store: one SQLite file through
// modernc.org/sqlite (no cgo), with a full-text index over titles and bodies.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"parallax/internal/model"
	"parallax/internal/store"
)

// DB is a Parallax store in one SQLite file.
type DB struct {
	db    *sql.DB
	path  string
	stmts sync.Map // query → *sql.Stmt prepared on the pool (see txStmt)
}

// Open opens (creating if needed) the store at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if err := refuseForeign(ctx, path); err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Writers take the lock up front, so a reader (the web server) and a
	// writer (ingest) never deadlock upgrading a read lock.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	setPool(db)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s := &DB{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return s, nil
}

// setPool bounds the connections and keeps them open. database/sql's
// defaults (no bound, two idle) made a busy server open a connection per
// request past the second, each reading the schema and setting the
// pragmas again, with its own page cache: thousands at once under load.
// SQLite runs in this process, so more connections than a few per core
// only add memory and contention; a request past the bound waits its turn
// (within its deadline).
func setPool(db *sql.DB) {
	n := max(4, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(5 * time.Minute)
}

// refuseForeign looks at an existing file read-only before Open sets its
// pragmas (WAL mode would change another program's database even if we
// then refused it): a database with tables but no parallax schema is not
// ours.
func refuseForeign(ctx context.Context, path string) error {
	if fi, err := os.Stat(path); err != nil || fi.IsDir() || fi.Size() == 0 {
		return nil // missing, a directory or empty: Open reports or creates
	}
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?mode=ro")
	if err != nil {
		return nil
	}
	defer db.Close()
	var version, tables int
	if db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version) != nil ||
		db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables) != nil {
		return nil // not readable as SQLite: Open's own error says so
	}
	if version == 0 && tables > 0 {
		return errors.New("not a parallax database: it already holds other tables")
	}
	return nil
}

// uriPath escapes the characters a file: URI gives meaning to, so a
// store named "news?2026.db" or "a#b.db" is that file.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Close closes the database.
func (s *DB) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// Path is the database file.
func (s *DB) Path() string { return s.path }

func (s *DB) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this parallax (%d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Read again under the write lock: another process opening the
			// same new store may have applied this step meanwhile.
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
				return err
			}
			if now > i {
				return nil
			}
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return err
			}
			if step := goSteps[i+1]; step != nil {
				if err := step(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	return nil
}

// txStmt returns q prepared for tx. The statement is prepared once on each
// pooled connection and kept: SQLite parses a statement in about the time
// it takes to run a small one, and the writers run the same few thousands
// of times (a family's records, a report, a pending mark).
func (s *DB) txStmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	st, err := s.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, st), nil
}

// stmt is txStmt outside a transaction.
func (s *DB) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		st = prev.(*sql.Stmt)
	}
	return st, nil
}

func (s *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// PutArticle stores a, in one transaction: unchanged when the same content
// is already stored, updated when an article with the same key changed, new
// otherwise. It returns the stored article's ID.
func (s *DB) PutArticle(ctx context.Context, a model.Article) (int64, store.Outcome, error) {
	var id int64
	var outcome store.Outcome
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := prepareArticleStmts(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		id, outcome, err = st.put(ctx, a)
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
// One commit for many articles is what makes bulk ingest fast: the
// full-text index is flushed once per batch.
func (s *DB) PutArticles(ctx context.Context, arts []model.Article, then store.ThenPlace) ([]store.Put, error) {
	puts := make([]store.Put, len(arts))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := prepareArticleStmts(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		for i, a := range arts {
			if _, err := st.savepoint.ExecContext(ctx); err != nil {
				return err
			}
			p := &puts[i]
			p.ID, p.Outcome, p.Err = st.put(ctx, a)
			if p.Err != nil {
				p.Err = fmt.Errorf("put article: %w", p.Err)
				if _, err := st.rollbackTo.ExecContext(ctx); err != nil {
					return err
				}
			}
			if _, err := st.release.ExecContext(ctx); err != nil {
				return err
			}
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

// articleStmts are putArticle's statements, prepared once for a batch.
type articleStmts struct {
	tx                                                *sql.Tx
	byFingerprint, byKey, update, markPending, insert *sql.Stmt
	savepoint, rollbackTo, release                    *sql.Stmt
}

func prepareArticleStmts(ctx context.Context, tx *sql.Tx) (*articleStmts, error) {
	st := articleStmts{tx: tx}
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&st.byFingerprint, `SELECT id FROM articles WHERE fingerprint = ? ORDER BY id LIMIT 1`},
		{&st.byKey, `SELECT id FROM articles WHERE key = ?`},
		{&st.update, `UPDATE articles SET fingerprint=?, source=?, source_id=?, url=?, title=?, authors=?,
			outlet=?, published=?, language=?, body=?, page_dates=?, enrichment=?, updated_at=? WHERE id=?`},
		// Its story's report no longer matches: marked in the same
		// transaction, so a crash cannot leave it stale.
		{&st.markPending, `INSERT INTO pending_reports (story_id, mark)
			SELECT story_id, 1 FROM articles WHERE id = ? AND story_id IS NOT NULL
			ON CONFLICT(story_id) DO UPDATE SET mark = mark + 1`},
		{&st.insert, `INSERT INTO articles (key, fingerprint, source, source_id, url, title, authors,
			outlet, published, language, body, page_dates, enrichment, ingested_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.savepoint, `SAVEPOINT article`},
		{&st.rollbackTo, `ROLLBACK TO article`},
		{&st.release, `RELEASE article`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = stmt
	}
	return &st, nil
}

func (st *articleStmts) close() {
	for _, s := range []*sql.Stmt{st.byFingerprint, st.byKey, st.update, st.markPending, st.insert, st.savepoint, st.rollbackTo, st.release} {
		if s != nil {
			s.Close()
		}
	}
}

// put stores a (see PutArticle).
func (st *articleStmts) put(ctx context.Context, a model.Article) (int64, store.Outcome, error) {
	fp := store.Fingerprint(a)
	key := store.Key(a)
	authors, err := json.Marshal(nonNil(a.Authors))
	if err != nil {
		return 0, 0, err
	}
	pageDates, err := json.Marshal(nonNil(a.PageDates))
	if err != nil {
		return 0, 0, err
	}
	var enrichment any = ""
	if a.Enrichment != nil {
		b, err := json.Marshal(a.Enrichment)
		if err != nil {
			return 0, 0, err
		}
		enrichment = packText(b)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	var id int64
	err = st.byFingerprint.QueryRowContext(ctx, fp).Scan(&id)
	if err == nil {
		return id, store.Unchanged, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, err
	}
	err = st.byKey.QueryRowContext(ctx, key).Scan(&id)
	switch {
	case err == nil:
		_, err = st.update.ExecContext(ctx, fp, a.Source, a.SourceID, a.URL, a.Title, string(authors), a.Outlet,
			a.Published, a.Language, a.Body, string(pageDates), enrichment, now, id)
		if err == nil {
			_, err = st.markPending.ExecContext(ctx, id)
		}
		if err == nil {
			err = refreshOriginals(ctx, st.tx, id)
		}
		return id, store.Updated, err
	case !errors.Is(err, sql.ErrNoRows):
		return 0, 0, err
	}
	res, err := st.insert.ExecContext(ctx, key, fp, a.Source, a.SourceID, a.URL, a.Title, string(authors), a.Outlet,
		a.Published, a.Language, a.Body, string(pageDates), enrichment, now, now)
	if err != nil {
		return 0, 0, err
	}
	id, err = res.LastInsertId()
	return id, store.New, err
}

const (
	articleColumns  = `id, source, source_id, url, title, authors, outlet, published, language, body, page_dates`
	articleColumnsA = `a.id, a.source, a.source_id, a.url, a.title, a.authors, a.outlet, a.published, a.language, a.body, a.page_dates`
)

type scanner interface{ Scan(...any) error }

func scanArticle(sc scanner, extra ...any) (model.Article, error) {
	var a model.Article
	var authors, pageDates string
	dst := append([]any{&a.ID, &a.Source, &a.SourceID, &a.URL, &a.Title, &authors, &a.Outlet, &a.Published, &a.Language, &a.Body, &pageDates}, extra...)
	if err := sc.Scan(dst...); err != nil {
		return a, err
	}
	if err := json.Unmarshal([]byte(authors), &a.Authors); err != nil {
		return a, fmt.Errorf("article %d authors: %w", a.ID, err)
	}
	if err := json.Unmarshal([]byte(pageDates), &a.PageDates); err != nil {
		return a, fmt.Errorf("article %d page dates: %w", a.ID, err)
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
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+`, enrichment FROM articles WHERE id = ?`, id)
	var enrichment string
	a, err := scanArticle(row, &enrichment)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, err
	}
	return a, setEnrichment(&a, enrichment)
}

// packText is JSON as stored (an enrichment, a snapshot): packed when that
// pays (store.Pack), as text otherwise, so a short one stays readable.
func packText(b []byte) any {
	if p := store.Pack(b); store.IsPacked(p) {
		return p
	}
	return string(b)
}

// setEnrichment decodes a stored enrichment ("" when never enriched).
func setEnrichment(a *model.Article, stored string) error {
	if stored == "" {
		return nil
	}
	b, err := store.Unpack([]byte(stored))
	if err != nil {
		return fmt.Errorf("article %d enrichment: %w", a.ID, err)
	}
	var e model.Enrichment
	if err := json.Unmarshal(b, &e); err != nil {
		return fmt.Errorf("article %d enrichment: %w", a.ID, err)
	}
	a.Enrichment = &e
	return nil
}

// ArticlesEnriched returns every article with its enrichment, in the
// order of Articles.
func (s *DB) ArticlesEnriched(ctx context.Context) ([]model.Article, error) {
	return s.queryEnriched(ctx, `SELECT `+articleColumns+`, enrichment FROM articles
		ORDER BY published = '', published DESC, id`)
}

// queryEnriched is query for statements that select the enrichment
// column after the article columns.
func (s *DB) queryEnriched(ctx context.Context, q string, args ...any) ([]model.Article, error) {
	return s.scanRows(ctx, true, q, args...)
}

// Articles returns every article, newest published first (undated last),
// then by ID.
func (s *DB) Articles(ctx context.Context) ([]model.Article, error) {
	return s.query(ctx, `SELECT `+articleColumns+` FROM articles
		ORDER BY published = '', published DESC, id`)
}

// searchCandidates bounds the matches a search ranks, and a list filtered
// by words reads: the most recently stored ones. A word found in 86,000
// of 200,000 generated articles took 0.65 s to rank in full and 8 s to
// list the stories of, for a page that shows 50 of them.
const searchCandidates = 5000

// Search returns up to limit articles matching the words of q in their
// title or body, best match first among the searchCandidates most
// recently stored matches.
func (s *DB) Search(ctx context.Context, q string, limit int) ([]model.Article, error) {
	fq := store.FTSQuery(q)
	if fq == "" {
		return nil, nil
	}
	// Rank in the index first and read only the best rows: joined before
	// ranking, every match's row was read (most of the store for a common
	// word), for a search that shows 50. FTS5 walks matches in rowid
	// order, so the candidates cost no more than their number.
	return s.query(ctx, `SELECT `+articleColumnsA+` FROM (SELECT rowid, rank FROM (SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS rank
		FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY rank, rowid LIMIT ?) f
		JOIN articles a ON a.id = f.rowid ORDER BY f.rank, a.id`, fq, searchCandidates, limit)
}

func (s *DB) query(ctx context.Context, q string, args ...any) ([]model.Article, error) {
	return s.scanRows(ctx, false, q, args...)
}

func (s *DB) scanRows(ctx context.Context, enriched bool, q string, args ...any) ([]model.Article, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
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
