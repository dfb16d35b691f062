package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// The writer lease of a PostgreSQL store is a session advisory lock held
// on a connection of its own: the server releases it when that connection
// ends, so a writer that dies (or loses its network) never leaves a stale
// lock. The writer_lease row records who holds it and numbers the grants;
// a commit checks the number under a row lock, so a writer whose
// connection dropped without its noticing cannot write after another took
// over.

// writerLockBase is mixed with the schema name: stores in two schemas of
// one database have separate writers.
const writerLockBase int64 = 0x70617261_77726974 // "parawrit"

// leasePoll is how often a waiting writer tries the lock again;
// holderPatience how many tries it waits for the holder's name.
const (
	leasePoll      = 200 * time.Millisecond
	holderPatience = 10
)

type advisoryLease struct {
	conn  *pgx.Conn
	epoch int64
}

func (l *advisoryLease) Epoch() int64 { return l.epoch }

// Release forgets the holder and ends the lease's connection, which
// releases the lock whatever else fails.
func (l *advisoryLease) Release() error {
	if l.conn == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := l.conn.Exec(ctx, `UPDATE writer_lease SET pid = 0, command = '', host = '', since = NULL WHERE epoch = $1`, l.epoch)
	// Unlocked before the connection closes: the server ends a closed
	// session a moment later, and the lock would linger until then.
	if _, uerr := l.conn.Exec(ctx, `SELECT pg_advisory_unlock_all()`); err == nil {
		err = uerr
	}
	cerr := l.conn.Close(ctx)
	l.conn = nil
	if err != nil {
		return fmt.Errorf("release writer lease: %w", err)
	}
	return cerr
}

// writerKey is this store's advisory lock key.
func (s *DB) writerKey(ctx context.Context) (int64, error) {
	var schema string
	if err := s.pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return 0, fmt.Errorf("writer lease: %w", err)
	}
	h := fnv.New64a()
	h.Write([]byte(schema))
	return writerLockBase ^ int64(h.Sum64()>>1), nil
}

// AcquireWriter takes the store's writer lease for me, waiting while
// another process holds it; onWait, when set, is told once who that is.
func (s *DB) AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error) {
	key, err := s.writerKey(ctx)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, fmt.Errorf("writer lease: %w", err)
	}
	told, polls := false, 0
	for {
		var got bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil {
			conn.Close(context.WithoutCancel(ctx))
			return nil, fmt.Errorf("writer lease: %w", err)
		}
		if got {
			break
		}
		if !told && onWait != nil {
			// The holder writes its name just after taking the lock: give
			// it a moment rather than name "an unknown process".
			h, _ := s.holder(ctx)
			if h.PID != 0 || polls >= holderPatience {
				onWait(h)
				told = true
			}
		}
		polls++
		select {
		case <-ctx.Done():
			conn.Close(context.WithoutCancel(ctx))
			return nil, ctx.Err()
		case <-time.After(leasePoll):
		}
	}
	var epoch int64
	err = conn.QueryRow(ctx, `UPDATE writer_lease SET epoch = epoch + 1, command = $1, pid = $2, host = $3, since = $4
		RETURNING epoch`, clean(me.Command), me.PID, clean(me.Host), stamp(me.Since)).Scan(&epoch)
	if err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("writer lease: %w", err)
	}
	return &advisoryLease{conn: conn, epoch: epoch}, nil
}

func (s *DB) holder(ctx context.Context) (store.Holder, int64) {
	var h store.Holder
	var since *time.Time
	var epoch int64
	err := s.pool.QueryRow(ctx, `SELECT command, pid, host, since, epoch FROM writer_lease`).
		Scan(&h.Command, &h.PID, &h.Host, &since, &epoch)
	if err != nil {
		return store.Holder{}, 0
	}
	if since != nil {
		h.Since = since.UTC()
	}
	return h, epoch
}

// Writer says whether a process holds the writer lease now, and who.
func (s *DB) Writer(ctx context.Context) (store.WriterStatus, error) {
	key, err := s.writerKey(ctx)
	if err != nil {
		return store.WriterStatus{}, err
	}
	h, epoch := s.holder(ctx)
	st := store.WriterStatus{Epoch: epoch}
	// A bigint advisory key shows in pg_locks as its high and low halves.
	err = s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1)`,
		uint64(key)>>32, uint64(key)&0xffffffff).Scan(&st.Held)
	if err != nil {
		return st, fmt.Errorf("writer lease: %w", err)
	}
	if st.Held {
		st.Holder = h
	}
	return st, nil
}

// CommitPlacements writes one batch of placements, the story rows they
// change, the pending-report marks and the checkpoint in one transaction,
// under the writer lease the batch names.
func (s *DB) CommitPlacements(ctx context.Context, b store.PlacementBatch) error {
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return commitPlacements(ctx, tx, b) }); err != nil {
		return fmt.Errorf("commit placements: %w", err)
	}
	return nil
}

func commitPlacements(ctx context.Context, tx pgx.Tx, b store.PlacementBatch) error {
	var cur int64
	// FOR SHARE: a new grant (an UPDATE of this row) waits for this
	// commit, and this commit sees a grant made before it.
	if err := tx.QueryRow(ctx, `SELECT epoch FROM writer_lease FOR SHARE`).Scan(&cur); err != nil {
		return err
	}
	if cur != b.Epoch {
		return store.ErrLeaseLost
	}
	batch := &pgx.Batch{}
	queuePlacements(batch, b.Placements)
	queueStories(batch, b.Stories)
	if len(b.Pending) > 0 {
		batch.Queue(`INSERT INTO pending_reports (story_id, mark) SELECT unnest($1::bigint[]), 1
			ON CONFLICT (story_id) DO UPDATE SET mark = pending_reports.mark + 1`, b.Pending)
	}
	if c := b.Checkpoint; c != nil {
		batch.Queue(`INSERT INTO cluster_checkpoint (one, seq, version, data) VALUES (true, $1, $2, $3)
			ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, version = excluded.version, data = excluded.data`, c.Seq, c.Version, store.PackFast(c.Data))
	}
	if batch.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return err
	}
	ids := make([]int64, len(b.Stories))
	for i, x := range b.Stories {
		ids[i] = x.ID
	}
	return putOriginals(ctx, tx, ids)
}

// queuePlacements queues one UPDATE for all of ps: statements one by one
// cost the server more than the rows. An article placed twice in ps (it
// is not) would keep its last placement, as in order.
func queuePlacements(b *pgx.Batch, ps []model.Placement) {
	if len(ps) == 0 {
		return
	}
	last := make(map[int64]int, len(ps))
	for i, p := range ps {
		last[p.ArticleID] = i
	}
	var ids, stories, dups, seqs []int64
	var news []bool
	for i, p := range ps {
		if last[p.ArticleID] != i {
			continue
		}
		ids, stories, dups = append(ids, p.ArticleID), append(stories, p.StoryID), append(dups, p.DuplicateOf)
		news, seqs = append(news, p.NewStory), append(seqs, p.Seq)
	}
	b.Queue(`UPDATE articles a SET story_id = u.story, duplicate_of = nullif(u.dup, 0), new_story = u.new, placed_seq = u.seq
		FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::boolean[], $5::bigint[]) AS u(id, story, dup, new, seq)
		WHERE a.id = u.id`, ids, stories, dups, news, seqs)
}

// MarkAllReports marks every story's report as pending (after the
// enrichment of stored articles changed, say).
func (s *DB) MarkAllReports(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO pending_reports (story_id, mark) SELECT id, 1 FROM stories
		ON CONFLICT (story_id) DO UPDATE SET mark = pending_reports.mark + 1`)
	if err != nil {
		return fmt.Errorf("mark reports: %w", err)
	}
	return nil
}

// PendingReports lists the stories whose report must be rebuilt, by ID.
func (s *DB) PendingReports(ctx context.Context) ([]store.PendingReport, error) {
	rows, err := s.pool.Query(ctx, `SELECT story_id, mark FROM pending_reports ORDER BY story_id`)
	if err != nil {
		return nil, fmt.Errorf("pending reports: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.PendingReport, error) {
		var p store.PendingReport
		return p, r.Scan(&p.StoryID, &p.Mark)
	})
	if err != nil {
		return nil, fmt.Errorf("pending reports: %w", err)
	}
	return out, nil
}

// ClearPending forgets a pending report once it is built, unless the story
// was marked again meanwhile.
func (s *DB) ClearPending(ctx context.Context, p store.PendingReport) error {
	b := derivedBatch()
	b.Queue(`DELETE FROM pending_reports WHERE story_id = $1 AND mark = $2`, p.StoryID, p.Mark)
	if err := s.sendDerived(ctx, b); err != nil {
		return fmt.Errorf("clear pending report %d: %w", p.StoryID, err)
	}
	return nil
}

// Checkpoint returns the clusterer's latest checkpoint, ok false when none
// was written.
func (s *DB) Checkpoint(ctx context.Context) (store.Checkpoint, bool, error) {
	var c store.Checkpoint
	err := s.pool.QueryRow(ctx, `SELECT seq, version, data FROM cluster_checkpoint`).Scan(&c.Seq, &c.Version, &c.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("checkpoint: %w", err)
	}
	// Packed since issue 16 (a checkpoint of 200,000 articles is tens of
	// MB of gob); one written before is read as it is.
	if c.Data, err = store.Unpack(c.Data); err != nil {
		return c, false, fmt.Errorf("checkpoint: %w", err)
	}
	return c, true, nil
}

// PlacedAfter calls fn for every article placed after sequence number seq,
// in placement order, then for the unplaced ones by ID (Placement.StoryID
// 0): what a checkpoint taken at seq does not hold.
func (s *DB) PlacedAfter(ctx context.Context, seq int64, fn func(model.Article, model.Placement) error) error {
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+`, coalesce(story_id, 0), coalesce(duplicate_of, 0),
		new_story, coalesce(placed_seq, 0) FROM articles WHERE placed_seq IS NULL OR placed_seq > $1
		ORDER BY placed_seq IS NULL, placed_seq, id`, seq)
	if err != nil {
		return fmt.Errorf("placed articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p model.Placement
		a, err := scanArticle(rows, &p.StoryID, &p.DuplicateOf, &p.NewStory, &p.Seq)
		if err != nil {
			return fmt.Errorf("placed articles: %w", err)
		}
		p.ArticleID = a.ID
		if err := fn(a, p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("placed articles: %w", err)
	}
	return nil
}

// Input returns what is recorded of an ingested file, ok false when
// nothing is.
func (s *DB) Input(ctx context.Context, path string) (store.Input, bool, error) {
	in := store.Input{Path: path}
	err := s.pool.QueryRow(ctx, `SELECT size, mtime, docs FROM inputs WHERE path = $1`, clean(path)).Scan(&in.Size, &in.ModTime, &in.Docs)
	if errors.Is(err, pgx.ErrNoRows) {
		return in, false, nil
	}
	if err != nil {
		return in, false, fmt.Errorf("input %s: %w", path, err)
	}
	return in, true, nil
}

// PutInput records a file whose every document is stored.
func (s *DB) PutInput(ctx context.Context, in store.Input) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO inputs (path, size, mtime, docs, recorded_at) VALUES ($1,$2,$3,$4,$5)
		ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, docs = excluded.docs, recorded_at = excluded.recorded_at`,
		clean(in.Path), in.Size, in.ModTime, in.Docs, stamp(time.Now()))
	if err != nil {
		return fmt.Errorf("record input %s: %w", in.Path, err)
	}
	return nil
}

// Status counts the store's articles, stories and the work left in it.
func (s *DB) Status(ctx context.Context) (store.Status, error) {
	var st store.Status
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM stories),
		(SELECT count(*) FROM articles WHERE story_id IS NULL), (SELECT count(*) FROM pending_reports),
		(SELECT count(*) FROM story_reports), coalesce((SELECT seq FROM cluster_checkpoint), 0),
		coalesce((SELECT max(placed_seq) FROM articles), 0)`).
		Scan(&st.Articles, &st.Stories, &st.Unplaced, &st.PendingReports, &st.Reports, &st.CheckpointSeq, &st.LastSeq)
	if err != nil {
		return st, fmt.Errorf("status: %w", err)
	}
	st.Writer, err = s.Writer(ctx)
	return st, err
}

// Check verifies that placements, story rows and reports agree (the
// server keeps its own pages and indexes consistent).
func (s *DB) Check(ctx context.Context) (store.Problems, error) {
	var probs store.Problems
	for _, c := range store.ConsistencyChecks {
		rows, err := s.pool.Query(ctx, c.Query+` LIMIT 20`)
		if err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		for _, id := range ids {
			probs = append(probs, fmt.Sprintf(c.Message, id))
		}
	}
	return probs, nil
}
