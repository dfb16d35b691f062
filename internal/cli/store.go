package cli

import (
	"context"
	"flag"
	"os"
	"strings"

	"parallax/internal/feeds"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store/postgres"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// Store is what the commands need of a store: what the pipeline and the
// web interface ask for, and the reads of the listing commands. Both
// backends have it.
type Store interface {
	pipeline.WatchStore
	pipeline.PlacementStore
	pipeline.ReportStore
	web.Store
	Articles(ctx context.Context) ([]model.Article, error)
	ArticlesEnriched(ctx context.Context) ([]model.Article, error)
	Placements(ctx context.Context) (map[int64]model.Placement, error)
	AddFeed(ctx context.Context, url, title string) (bool, error)
	RemoveFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]feeds.Subscription, error)
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
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}
