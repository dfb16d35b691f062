package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"parallax/internal/store"
)

// packStored packs the large values of a store written before migration
// 10: reports, enrichments, index snapshots and the checkpoint. It runs
// in the migration's transaction, so a kill leaves the store as it was
// (the step runs again at the next open). Rows are read a slice at a
// time by ID and rewritten after the slice is read, never while a cursor
// is open on their table.
func packStored(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct{ table, key, column string }{
		{"story_reports", "story_id", "report"},
		{"articles", "id", "enrichment"},
		{"story_index", "story_id", "snapshot"},
		{"cluster_checkpoint", "one", "data"},
	} {
		if err := packColumn(ctx, tx, t.table, t.key, t.column); err != nil {
			return fmt.Errorf("pack %s.%s: %w", t.table, t.column, err)
		}
	}
	return nil
}

// packSlice is how many rows packColumn reads before it writes them.
const packSlice = 2000

func packColumn(ctx context.Context, tx *sql.Tx, table, key, column string) error {
	read, err := tx.PrepareContext(ctx, fmt.Sprintf(`SELECT %[1]s, %[2]s FROM %[3]s WHERE %[1]s > ? AND length(%[2]s) >= ?
		ORDER BY %[1]s LIMIT %[4]d`, key, column, table, packSlice))
	if err != nil {
		return err
	}
	defer read.Close()
	write, err := tx.PrepareContext(ctx, fmt.Sprintf(`UPDATE %s SET %s = ? WHERE %s = ?`, table, column, key))
	if err != nil {
		return err
	}
	defer write.Close()
	type row struct {
		id    int64
		value []byte
	}
	var after int64 = -1
	for {
		rows, err := read.QueryContext(ctx, after, 128)
		if err != nil {
			return err
		}
		var slice []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.value); err != nil {
				rows.Close()
				return err
			}
			slice = append(slice, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range slice {
			var p any
			if table == "cluster_checkpoint" {
				p = store.PackFast(r.value)
			} else {
				p = packText(r.value)
			}
			if b, ok := p.([]byte); ok && store.IsPacked(b) {
				if _, err := write.ExecContext(ctx, b, r.id); err != nil {
					return err
				}
			}
			after = r.id
		}
		if len(slice) < packSlice {
			return nil
		}
	}
}
