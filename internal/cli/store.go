package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"parallax/internal/feeds"
	"parallax/internal/follow"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/postgres"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// Store is what the commands need of a store: what the pipeline and the
// web interface ask for, and the reads of the listing commands. Both
// backends have it.
type Store interface {
	pipeline.WatchStore
	pipeline.PageStore
	pipeline.PlacementStore
	pipeline.ReportStore
	pipeline.IndexStore
	web.Store
	web.FollowWriter
	follow.DeliveryStore
	Articles(ctx context.Context) ([]model.Article, error)
	ArticlesEnriched(ctx context.Context) ([]model.Article, error)
	Placements(ctx context.Context) (map[int64]model.Placement, error)
	AddFeed(ctx context.Context, url, title string) (bool, error)
	SetFeedAllowPrivate(ctx context.Context, url string, allow bool) error
	RemoveFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]feeds.Subscription, error)
	AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error)
	MarkAllReports(ctx context.Context) error
	Status(ctx context.Context) (store.Status, error)
	pipeline.InputStore
	Check(ctx context.Context) (store.Problems, error)
	PutOutlets(ctx context.Context, put []model.Outlet) ([]model.Outlet, error)
	RemoveOutlet(ctx context.Context, id int64) error
	// Path names the store for messages (a PostgreSQL URL without its
	// password).
	Path() string
	Close() error
}

var (
	_ Store = (*sqlite.DB)(nil)
	_ Store = (*postgres.DB)(nil)
)

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store: a SQLite file, or a postgres:// URL (default $PARALLAX_DB, else ./parallax.db)")
}

func dbPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := strings.TrimSpace(os.Getenv("PARALLAX_DB")); v != "" {
		return v
	}
	return "parallax.db"
}

// isPostgresURL reports whether a --db value names a PostgreSQL server
// rather than a SQLite file.
func isPostgresURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openStore opens the store --db (or $PARALLAX_DB) names: PostgreSQL for a
// postgres:// or postgresql:// URL, else the SQLite file.
func openStore(ctx context.Context, flagValue string) (Store, error) {
	db := dbPath(flagValue)
	if isPostgresURL(db) {
		st, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, oneLine(err)
		}
		return st, nil
	}
	// SQLite says only "unable to open database file" for a directory.
	if info, err := os.Stat(db); err == nil && info.IsDir() {
		return nil, fmt.Errorf("open sqlite %s: is a directory, not a database file", db)
	}
	return sqlite.Open(ctx, db)
}

// openExistingStore opens a store that must already exist: a command that
// only reads says so rather than creating an empty SQLite file.
func openExistingStore(ctx context.Context, flagValue string) (Store, error) {
	db := dbPath(flagValue)
	if !isPostgresURL(db) {
		if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open sqlite %s: no such store (ingest something into it first, or pass --db)", db)
		}
	}
	return openStore(ctx, flagValue)
}

// oneLine keeps an error to one line: pgx lists each address it tried on
// a line of its own, often the same line twice (TLS, then plain).
func oneLine(err error) error {
	lines := strings.Split(err.Error(), "\n")
	seen := map[string]bool{}
	var parts []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l != "" && !seen[l] {
			seen[l] = true
			parts = append(parts, l)
		}
	}
	if len(parts) == len(lines) {
		return err
	}
	return &lineError{msg: strings.Join(parts, " "), err: err}
}

// lineError is an error with a shorter message that still unwraps.
type lineError struct {
	msg string
	err error
}

func (e *lineError) Error() string { return e.msg }
func (e *lineError) Unwrap() error { return e.err }
