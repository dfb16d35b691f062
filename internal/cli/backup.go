package cli

import (
	"context"
	"fmt"

	"parallax/internal/store/sqlite"
)

// runBackup copies a SQLite store while it is in use. A PostgreSQL store
// is backed up with the server's own tools (pg_dump), which do it better.
func runBackup(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("backup", "[--db PATH] FILE", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: backup needs one FILE to write", ErrUsage)
	}
	if isPostgresURL(dbPath(*db)) {
		return fmt.Errorf("%w: a PostgreSQL store is backed up with pg_dump (docs/OPERATIONS.md)", ErrUsage)
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.(*sqlite.DB).Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdio.Out, "backed up %s to %s\n", st.Path(), fs.Arg(0))
	return err
}
