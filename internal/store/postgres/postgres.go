// Package postgres is Parallax's server store: PostgreSQL through pgx, with
// a connection pool so a server can read while an ingest writes. It has the
// same methods and semantics as the SQLite store and passes the same
// contract (internal/store/storetest).
package postgres

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is a Parallax store in a PostgreSQL database (the tables live in the
// connection's current schema).
type DB struct {
	pool *pgxpool.Pool
	url  string
}

// Lock keys for pg_advisory_lock: one for migrations, one that serialises
// article writes (as SQLite's write lock does) so that deduplication by
// fingerprint holds between concurrent writers and IDs follow write order.
const (
	migrateLock int64 = 0x70617261_6d696772 // "paramigr"
	articleLock int64 = 0x70617261_61727463 // "paraartc"
)

// connectTimeout bounds one connection attempt when the URL sets none.
const connectTimeout = 15 * time.Second

// Open connects to the database at url (postgres://user:pass@host/db?...)
// and brings its schema up to date.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", redact(url), err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// Without connect_timeout in the URL an unreachable host would hang
		// for the kernel's TCP timeout (minutes).
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", redact(url), err)
	}
	// Connect now, so a server that cannot be reached is reported as such
	// rather than as a failed migration.
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", redact(url), err)
	}
	s := &DB{pool: pool, url: url}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrate %s: %w", redact(url), err)
	}
	return s, nil
}

// Close closes every connection.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// Path is the connection URL without its password.
func (s *DB) Path() string { return redact(s.url) }

var passwordUserinfo = regexp.MustCompile(`(://[^:/@]*:)[^@]*@`)

var passwordKV = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)`)

// redact removes the password from a connection URL or key=value string.
func redact(conn string) string {
	u, err := url.Parse(conn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		// A URL too broken to parse may still carry user:password@.
		conn = passwordUserinfo.ReplaceAllString(conn, "${1}xxxxx@")
		return passwordKV.ReplaceAllString(conn, "${1}xxxxx")
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.User(u.User.Username())
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func (s *DB) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	// A session lock: two processes opening a new database at once apply
	// each step once.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	_, err = conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		one     boolean PRIMARY KEY DEFAULT true CHECK (one),
		version integer NOT NULL)`)
	if err != nil {
		return err
	}
	var version int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this parallax (%d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[i]); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)
				ON CONFLICT (one) DO UPDATE SET version = excluded.version`, i+1)
			return err
		})
		if err != nil {
			return fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	return nil
}

func (s *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// inDerivedTx is inTx for writes of derived data (reports, the corpus
// index, entity families) whose pending mark stays set until a later
// commit clears it: they commit without waiting for the WAL flush. A
// server crash can lose only the last such commits, never part of one,
// and never one that a later, flushed commit follows (the WAL is flushed
// in order), so what is lost is still marked pending and is rebuilt; the
// articles and placements they derive from commit synchronously. Waiting
// for a flush per story and per family was most of a PostgreSQL ingest's
// time. The queries of first are sent with the BEGIN, in one round trip,
// and read by read; then fn runs in the transaction.
func (s *DB) inDerivedTx(ctx context.Context, first *pgx.Batch, read func(pgx.BatchResults) error, fn func(pgx.Tx) error) (err error) {
	b := &pgx.Batch{}
	b.BeginTx(pgx.TxOptions{})
	b.Queue(syncOff)
	b.QueuedQueries = append(b.QueuedQueries, first.QueuedQueries...)
	br := s.pool.SendBatch(ctx, b)
	tx := br.Tx()
	defer func() {
		if err != nil {
			tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if _, err := br.Exec(); err != nil { // BEGIN
		br.Close()
		return err
	}
	if _, err := br.Exec(); err != nil { // syncOff
		br.Close()
		return err
	}
	if err := read(br); err != nil {
		br.Close()
		return err
	}
	if err := br.Close(); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// syncOff turns off the wait for the WAL flush at the commit of the
// transaction it runs in (see inDerivedTx).
const syncOff = `SELECT set_config('synchronous_commit', 'off', true)`

// derivedBatch starts a batch of derived writes (see inDerivedTx) for
// sendDerived.
func derivedBatch() *pgx.Batch {
	b := &pgx.Batch{}
	b.Queue(syncOff)
	return b
}

// sendDerived sends a derivedBatch in one round trip, as one transaction:
// pgx sends a batch as one pipeline ending in a single Sync, which the
// server runs as an implicit transaction, committed at the Sync or rolled
// back whole at the first error (as a multi-statement query in the simple
// protocol is). Waiting for BEGIN, each statement and COMMIT in turn was
// most of a PostgreSQL ingest's time after the flushes.
func (s *DB) sendDerived(ctx context.Context, b *pgx.Batch) error {
	return s.pool.SendBatch(ctx, b).Close()
}

// clean makes s storable as PostgreSQL text, which refuses NUL bytes and
// invalid UTF-8 (SQLite keeps both). The fingerprint is taken before
// cleaning, so idempotency is unaffected.
func clean(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}

// stamp is how times written by the store are kept: UTC, whole seconds,
// as the SQLite store's RFC 3339 text keeps them.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }
