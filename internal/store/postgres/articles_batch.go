package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"parallax/internal/model"
	"parallax/internal/store"
)

// putArticles stores arts into puts as putArticle would one after the
// other, each under its own savepoint, with the round trips shared: one
// lookup for all of them, then the new articles' inserts sent together.
// Round trips, not the server's work, were most of the ordered writer's
// time per article on a loaded machine.
//
// An article is sent with others only when the lookup made before any
// of them was written still holds for it: it was new then, and no
// article before it in arts has its fingerprint or key (only those could
// change its lookup, under the article lock). Any other takes
// putArticle's way, which looks it up again. A failed article is rolled
// back to its savepoint and reported in its Put; the others go on. Only
// a cancelled ctx or a transaction that cannot go on fails the call.
func putArticles(ctx context.Context, tx pgx.Tx, arts []model.Article, puts []store.Put) error {
	rows := make([]articleRow, len(arts))
	bad := make([]error, len(arts))
	for i, a := range arts {
		rows[i], bad[i] = newArticleRow(a)
	}
	isNew, err := lookupNew(ctx, tx, rows)
	if err != nil {
		return err
	}
	seen := make(map[string]bool, 2*len(arts)) // fingerprints and keys of the articles before
	alone := func(i int) bool {
		return bad[i] != nil || !isNew[i] || seen["f"+rows[i].fp] || seen["k"+rows[i].key]
	}
	note := func(i int) { seen["f"+rows[i].fp], seen["k"+rows[i].key] = true, true }
	fail := func(i int, err error) error {
		if ctx.Err() != nil {
			return err
		}
		puts[i].Err = fmt.Errorf("put article: %w", err)
		return nil
	}
	for i := 0; i < len(arts); {
		if alone(i) {
			p := &puts[i]
			if p.Err = bad[i]; p.Err == nil {
				p.ID, p.Outcome, p.Err = putRow(ctx, tx, rows[i], true)
			}
			note(i)
			if p.Err != nil {
				if err := fail(i, p.Err); err != nil {
					return err
				}
			}
			i++
			continue
		}
		// Noted as they join the group: should one fail, those after it
		// (not run) see their own fingerprints and go the one-at-a-time way.
		j := i
		for j < len(arts) && !alone(j) {
			note(j)
			j++
		}
		done, err := insertNew(ctx, tx, rows[i:j], puts[i:j])
		if err != nil {
			// rows[i+done] failed: rolled back alone; the rest were not run.
			if err := fail(i+done, err); err != nil {
				return err
			}
			done++
		}
		i += done
	}
	return nil
}

// lookupNew reports, for each row, whether no stored article has its
// fingerprint or its key: putArticle's lookup, for all rows in one query.
func lookupNew(ctx context.Context, tx pgx.Tx, rows []articleRow) ([]bool, error) {
	fps, keys := make([]string, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		fps[i], keys[i] = r.fp, r.key
	}
	q, err := tx.Query(ctx, `SELECT t.i, EXISTS (SELECT 1 FROM articles WHERE fingerprint = t.f)
		OR EXISTS (SELECT 1 FROM articles WHERE key = t.k)
		FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(f, k, i)`, fps, keys)
	if err != nil {
		return nil, err
	}
	isNew := make([]bool, len(rows))
	var n int64
	var stored bool
	_, err = pgx.ForEachRow(q, []any{&n, &stored}, func() error {
		if n >= 1 && int(n) <= len(rows) {
			isNew[n-1] = !stored
		}
		return nil
	})
	return isNew, err
}

// insertNew inserts rows, each under the article savepoint, in one round
// trip, and fills puts. On an error it returns how many rows were stored
// before the one that failed, which is rolled back to its savepoint.
func insertNew(ctx context.Context, tx pgx.Tx, rows []articleRow, puts []store.Put) (int, error) {
	b := &pgx.Batch{}
	ids := make([]int64, len(rows))
	done := 0
	for k, r := range rows {
		r.queueInsert(b, true, &ids[k])
		// Counted when its savepoint is released: stored in the transaction.
		b.QueuedQueries[len(b.QueuedQueries)-1].Exec(func(pgconn.CommandTag) error { done++; return nil })
	}
	err := tx.SendBatch(ctx, b).Close()
	for k := range done {
		puts[k].ID, puts[k].Outcome = ids[k], store.New
	}
	if err != nil {
		return done, undo(ctx, tx, true, err)
	}
	return done, nil
}
