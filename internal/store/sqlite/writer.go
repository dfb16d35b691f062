package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// The writer lease of a SQLite store is an exclusive flock(2) on a file
// beside the database (PATH-writer): the kernel releases it when the
// holding process dies, however it dies, so a crash never leaves a stale
// lock. The writer_lease row records who holds it and numbers the grants.

// leasePoll is how often a waiting writer tries the lock again;
// holderPatience how many tries it waits for the holder's name.
const (
	leasePoll      = 200 * time.Millisecond
	holderPatience = 10
)

type fileLease struct {
	f     *os.File
	db    *DB
	epoch int64
}

func (l *fileLease) Epoch() int64 { return l.epoch }

// Release forgets the holder and unlocks. Closing the file unlocks even if
// the row cannot be written.
func (l *fileLease) Release() error {
	if l.f == nil {
		return nil
	}
	_, err := l.db.db.ExecContext(context.Background(),
		`UPDATE writer_lease SET pid = 0, command = '', host = '', since = '' WHERE epoch = ?`, l.epoch)
	cerr := l.f.Close()
	l.f = nil
	if err != nil {
		return fmt.Errorf("release writer lease: %w", err)
	}
	return cerr
}

func (s *DB) lockPath() string { return s.path + "-writer" }

// AcquireWriter takes the store's writer lease for me, waiting while
// another process holds it; onWait, when set, is told once who that is.
func (s *DB) AcquireWriter(ctx context.Context, me store.Holder, onWait func(store.Holder)) (store.Lease, error) {
	f, err := os.OpenFile(s.lockPath(), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("writer lease: %w", err)
	}
	told, polls := false, 0
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("writer lease %s: %w", s.lockPath(), err)
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
			f.Close()
			return nil, ctx.Err()
		case <-time.After(leasePoll):
		}
	}
	var epoch int64
	err = s.db.QueryRowContext(ctx, `UPDATE writer_lease SET epoch = epoch + 1, command = ?, pid = ?, host = ?, since = ?
		RETURNING epoch`, me.Command, me.PID, me.Host, me.Since.UTC().Format(time.RFC3339)).Scan(&epoch)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("writer lease: %w", err)
	}
	return &fileLease{f: f, db: s, epoch: epoch}, nil
}

func (s *DB) holder(ctx context.Context) (store.Holder, int64) {
	var h store.Holder
	var since string
	var epoch int64
	err := s.db.QueryRowContext(ctx, `SELECT command, pid, host, since, epoch FROM writer_lease`).
		Scan(&h.Command, &h.PID, &h.Host, &since, &epoch)
	if err != nil {
		return store.Holder{}, 0
	}
	h.Since, _ = time.Parse(time.RFC3339, since)
	return h, epoch
}

// Writer says whether a process holds the writer lease now, and who.
func (s *DB) Writer(ctx context.Context) (store.WriterStatus, error) {
	h, epoch := s.holder(ctx)
	st := store.WriterStatus{Epoch: epoch}
	f, err := os.OpenFile(s.lockPath(), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return st, fmt.Errorf("writer lease: %w", err)
	}
	defer f.Close()
	switch err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); {
	case err == nil:
		return st, nil // free; closing the file unlocks
	case errors.Is(err, syscall.EWOULDBLOCK):
		st.Held, st.Holder = true, h
		return st, nil
	default:
		return st, fmt.Errorf("writer lease %s: %w", s.lockPath(), err)
	}
}

// checkEpoch fails with store.ErrLeaseLost unless epoch is the current
// grant of the writer lease.
func checkEpoch(ctx context.Context, tx *sql.Tx, epoch int64) error {
	var cur int64
	if err := tx.QueryRowContext(ctx, `SELECT epoch FROM writer_lease`).Scan(&cur); err != nil {
		return err
	}
	if cur != epoch {
		return store.ErrLeaseLost
	}
	return nil
}

// CommitPlacements writes one batch of placements, the story rows they
// change, the pending-report marks and the checkpoint in one transaction,
// under the writer lease the batch names.
func (s *DB) CommitPlacements(ctx context.Context, b store.PlacementBatch) error {
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return commitPlacements(ctx, tx, b) }); err != nil {
		return fmt.Errorf("commit placements: %w", err)
	}
	return nil
}

func commitPlacements(ctx context.Context, tx *sql.Tx, b store.PlacementBatch) error {
	if err := checkEpoch(ctx, tx, b.Epoch); err != nil {
		return err
	}
	if err := putPlacements(ctx, tx, b.Placements); err != nil {
		return err
	}
	if err := putStories(ctx, tx, b.Stories); err != nil {
		return err
	}
	if err := markPending(ctx, tx, b.Pending); err != nil {
		return err
	}
	if c := b.Checkpoint; c != nil {
		_, err := tx.ExecContext(ctx, `INSERT INTO cluster_checkpoint (one, seq, version, data) VALUES (1, ?, ?, ?)
			ON CONFLICT(one) DO UPDATE SET seq = excluded.seq, version = excluded.version, data = excluded.data`, c.Seq, c.Version, store.PackFast(c.Data))
		return err
	}
	return nil
}

func putPlacements(ctx context.Context, tx *sql.Tx, ps []model.Placement) error {
	if len(ps) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `UPDATE articles SET story_id=?, duplicate_of=nullif(?, 0), new_story=?, placed_seq=? WHERE id=?`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, p := range ps {
		if _, err := st.ExecContext(ctx, p.StoryID, p.DuplicateOf, p.NewStory, p.Seq, p.ArticleID); err != nil {
			return err
		}
	}
	return nil
}

func markPending(ctx context.Context, tx *sql.Tx, ids []int64) error {
	return execEach(ctx, tx, `INSERT INTO pending_reports (story_id, mark) VALUES (?, 1)
		ON CONFLICT(story_id) DO UPDATE SET mark = mark + 1`, ids)
}

// execEach runs one statement, prepared once, for each value in vals.
func execEach[T any](ctx context.Context, tx *sql.Tx, q string, vals []T) error {
	if len(vals) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, v := range vals {
		if _, err := st.ExecContext(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// MarkAllReports marks every story's report as pending (after the
// enrichment of stored articles changed, say).
func (s *DB) MarkAllReports(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO pending_reports (story_id, mark) SELECT id, 1 FROM stories WHERE true
		ON CONFLICT(story_id) DO UPDATE SET mark = mark + 1`)
	if err != nil {
		return fmt.Errorf("mark reports: %w", err)
	}
	return nil
}

// PendingReports lists the stories whose report must be rebuilt, by ID.
func (s *DB) PendingReports(ctx context.Context) ([]store.PendingReport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT story_id, mark FROM pending_reports ORDER BY story_id`)
	if err != nil {
		return nil, fmt.Errorf("pending reports: %w", err)
	}
	defer rows.Close()
	var out []store.PendingReport
	for rows.Next() {
		var p store.PendingReport
		if err := rows.Scan(&p.StoryID, &p.Mark); err != nil {
			return nil, fmt.Errorf("pending reports: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ClearPending forgets a pending report once it is built, unless the story
// was marked again meanwhile.
func (s *DB) ClearPending(ctx context.Context, p store.PendingReport) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM pending_reports WHERE story_id = ? AND mark = ?`, p.StoryID, p.Mark); err != nil {
		return fmt.Errorf("clear pending report %d: %w", p.StoryID, err)
	}
	return nil
}

// Checkpoint returns the clusterer's latest checkpoint, ok false when none
// was written.
func (s *DB) Checkpoint(ctx context.Context) (store.Checkpoint, bool, error) {
	var c store.Checkpoint
	err := s.db.QueryRowContext(ctx, `SELECT seq, version, data FROM cluster_checkpoint`).Scan(&c.Seq, &c.Version, &c.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("checkpoint: %w", err)
	}
	if c.Data, err = store.Unpack(c.Data); err != nil {
		return c, false, fmt.Errorf("checkpoint: %w", err)
	}
	return c, true, nil
}

// PlacedAfter calls fn for every article placed after sequence number seq,
// in placement order, then for the unplaced ones by ID (Placement.StoryID
// 0): what a checkpoint taken at seq does not hold.
func (s *DB) PlacedAfter(ctx context.Context, seq int64, fn func(model.Article, model.Placement) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`, coalesce(story_id, 0), coalesce(duplicate_of, 0),
		new_story, coalesce(placed_seq, 0) FROM articles WHERE placed_seq IS NULL OR placed_seq > ?
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
	return rows.Err()
}

// Input returns what is recorded of an ingested file, ok false when
// nothing is.
func (s *DB) Input(ctx context.Context, path string) (store.Input, bool, error) {
	in := store.Input{Path: path}
	err := s.db.QueryRowContext(ctx, `SELECT size, mtime, docs FROM inputs WHERE path = ?`, path).Scan(&in.Size, &in.ModTime, &in.Docs)
	if errors.Is(err, sql.ErrNoRows) {
		return in, false, nil
	}
	if err != nil {
		return in, false, fmt.Errorf("input %s: %w", path, err)
	}
	return in, true, nil
}

// PutInput records a file whose every document is stored.
func (s *DB) PutInput(ctx context.Context, in store.Input) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO inputs (path, size, mtime, docs, recorded_at) VALUES (?,?,?,?,?)
		ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, docs = excluded.docs, recorded_at = excluded.recorded_at`,
		in.Path, in.Size, in.ModTime, in.Docs, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("record input %s: %w", in.Path, err)
	}
	return nil
}

// Status counts the store's articles, stories and the work left in it.
func (s *DB) Status(ctx context.Context) (store.Status, error) {
	var st store.Status
	err := s.db.QueryRowContext(ctx, `SELECT
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

// Check verifies the store's consistency: SQLite's own integrity check,
// the full-text index against the articles, and that placements, story
// rows and reports agree.
func (s *DB) Check(ctx context.Context) (store.Problems, error) {
	var probs store.Problems
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, fmt.Errorf("check: %w", err)
		}
		if line != "ok" {
			probs = append(probs, "sqlite: "+line)
		}
	}
	rows.Close()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		probs = append(probs, "full-text index: "+err.Error())
	}
	more, err := checkQueries(ctx, s.db, store.ConsistencyChecks)
	return append(probs, more...), err
}

func checkQueries(ctx context.Context, db *sql.DB, checks []store.ConsistencyCheck) (store.Problems, error) {
	var probs store.Problems
	for _, c := range checks {
		rows, err := db.QueryContext(ctx, c.Query+` LIMIT 20`)
		if err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("check: %w", err)
			}
			probs = append(probs, fmt.Sprintf(c.Message, id))
		}
		rows.Close()
	}
	return probs, nil
}

// Backup writes a consistent copy of the store to path (which must not
// exist) while other processes go on reading and writing: SQLite's VACUUM
// INTO, which also compacts the copy.
func (s *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s: the file exists already", path)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}
