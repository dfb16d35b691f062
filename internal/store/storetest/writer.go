package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

func runWriter(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("one writer at a time; a second waits and is told who", func(t *testing.T) {
		s := open(t)
		first := store.Holder{Command: "ingest", PID: 4120, Host: "news-1"}
		lease, err := s.AcquireWriter(ctx, first, nil)
		if err != nil {
			t.Fatal(err)
		}
		if w, err := s.Writer(ctx); err != nil || !w.Held || w.Holder.PID != 4120 || w.Holder.Command != "ingest" {
			t.Errorf("Writer while held = %+v, %v", w, err)
		}
		told := make(chan store.Holder, 1)
		got := make(chan store.Lease, 1)
		go func() {
			l, err := s.AcquireWriter(ctx, store.Holder{Command: "watch", PID: 7, Host: "news-2"}, func(h store.Holder) { told <- h })
			if err != nil {
				t.Error(err)
			}
			got <- l
		}()
		if h := <-told; h.PID != 4120 || h.Host != "news-1" {
			t.Errorf("waiting writer was told %+v; want the holder", h)
		}
		select {
		case <-got:
			t.Fatal("a second writer got the lease while the first held it")
		default:
		}
		if err := lease.Release(); err != nil {
			t.Fatal(err)
		}
		second := <-got
		if second == nil || second.Epoch() <= lease.Epoch() {
			t.Fatalf("second lease %v: want a later epoch than %d", second, lease.Epoch())
		}
		// The first holder's commits are refused from now on.
		err = s.CommitPlacements(ctx, store.PlacementBatch{Epoch: lease.Epoch()})
		if !errors.Is(err, store.ErrLeaseLost) {
			t.Errorf("commit under a released lease = %v; want ErrLeaseLost", err)
		}
		if err := s.CommitPlacements(ctx, store.PlacementBatch{Epoch: second.Epoch()}); err != nil {
			t.Errorf("commit under the current lease = %v", err)
		}
		second.Release()
		if w, err := s.Writer(ctx); err != nil || w.Held {
			t.Errorf("Writer after release = %+v, %v; want free", w, err)
		}
	})
	t.Run("a waiting writer gives up when its context ends", func(t *testing.T) {
		s := open(t)
		lease, err := s.AcquireWriter(ctx, store.Me("test"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer lease.Release()
		cctx, cancel := context.WithCancel(ctx)
		_, err = s.AcquireWriter(cctx, store.Me("test"), func(store.Holder) { cancel() })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("AcquireWriter after cancel = %v; want context.Canceled", err)
		}
	})
	runPending(t, open)
	runCheckpointAndInputs(t, open)
	runBatches(t, open)
}

func pendingIDs(t *testing.T, s Store) []int64 {
	t.Helper()
	ps, err := s.PendingReports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{}
	for _, p := range ps {
		ids = append(ids, p.StoryID)
	}
	return ids
}

func runPending(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("pending reports are marked with placements and by updates", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		Commit(t, s, store.PlacementBatch{Pending: []int64{3, 1}})
		if got := pendingIDs(t, s); fmt.Sprint(got) != "[1 3]" {
			t.Fatalf("pending = %v; want [1 3]", got)
		}
		ps, _ := s.PendingReports(ctx)
		// Marked again after being read: clearing the old mark keeps it.
		Commit(t, s, store.PlacementBatch{Pending: []int64{1}})
		for _, p := range ps {
			if err := s.ClearPending(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if got := pendingIDs(t, s); fmt.Sprint(got) != "[1]" {
			t.Errorf("pending after clearing stale marks = %v; want [1]", got)
		}
		// A stored article whose content changes marks its story.
		a, err := s.Article(ctx, ids[2])
		if err != nil {
			t.Fatal(err)
		}
		a.Body += " The mayor signed it on Friday."
		if _, o, err := s.PutArticle(ctx, a); err != nil || o != store.Updated {
			t.Fatalf("update = %v, %v", o, err)
		}
		if got := pendingIDs(t, s); fmt.Sprint(got) != "[1 2]" {
			t.Errorf("pending after an update = %v; want [1 2]", got)
		}
		if err := s.MarkAllReports(ctx); err != nil {
			t.Fatal(err)
		}
		if got := pendingIDs(t, s); fmt.Sprint(got) != "[1 2 3]" {
			t.Errorf("pending after MarkAllReports = %v; want [1 2 3]", got)
		}
	})
	t.Run("status and check", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		st, err := s.Status(ctx)
		if err != nil || st.Articles != 6 || st.Stories != 3 || st.Unplaced != 1 || st.LastSeq != 5 || st.Writer.Held {
			t.Errorf("Status = %+v, %v", st, err)
		}
		probs, err := s.Check(ctx)
		if err != nil || len(probs) != 3 {
			t.Errorf("Check with no reports = %q, %v; want one line per story", probs, err)
		}
		Commit(t, s, store.PlacementBatch{Pending: []int64{1, 2}})
		if err := s.PutReport(ctx, 3, "fp", model.Report{StoryID: 3}); err != nil {
			t.Fatal(err)
		}
		if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
			t.Errorf("Check with reports built or pending = %q, %v; want none", probs, err)
		}
		// A placement in a story with no row is caught.
		Commit(t, s, store.PlacementBatch{Placements: []model.Placement{{ArticleID: ids[5], StoryID: 40, NewStory: true, Seq: 6}}})
		if probs, err := s.Check(ctx); err != nil || len(probs) == 0 {
			t.Errorf("Check with a dangling placement = %q, %v; want a problem", probs, err)
		}
	})
}

func runCheckpointAndInputs(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("checkpoint is written with placements", func(t *testing.T) {
		s := open(t)
		if _, ok, err := s.Checkpoint(ctx); ok || err != nil {
			t.Fatalf("Checkpoint of an empty store = %v, %v", ok, err)
		}
		newsroom(t, s)
		data := []byte{0, 1, 2, 255}
		Commit(t, s, store.PlacementBatch{Checkpoint: &store.Checkpoint{Seq: 5, Version: "v1", Data: data}})
		c, ok, err := s.Checkpoint(ctx)
		if err != nil || !ok || c.Seq != 5 || c.Version != "v1" || string(c.Data) != string(data) {
			t.Errorf("Checkpoint = %+v, %v, %v", c, ok, err)
		}
		if st, err := s.Status(ctx); err != nil || st.CheckpointSeq != 5 {
			t.Errorf("Status checkpoint = %+v, %v", st, err)
		}
	})
	t.Run("inputs are remembered by path", func(t *testing.T) {
		s := open(t)
		if _, ok, err := s.Input(ctx, "/srv/news/a.jsonl"); ok || err != nil {
			t.Fatalf("Input of an unknown path = %v, %v", ok, err)
		}
		in := store.Input{Path: "/srv/news/a.jsonl", Size: 1234, ModTime: 1_700_000_000_123_456_789, Docs: 20}
		for range 2 {
			if err := s.PutInput(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		got, ok, err := s.Input(ctx, in.Path)
		if err != nil || !ok || got != in {
			t.Errorf("Input = %+v, %v, %v; want %+v", got, ok, err, in)
		}
	})
}

func runBatches(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	arts := []model.Article{
		{Source: "b1", Title: "Ferry timetable changes", Body: "The ferry leaves at nine."},
		{Source: "b2", Title: "Ferry timetable changes", Body: "The ferry leaves at nine."},
		{Source: "b3", Title: "Quay lights repaired", Body: "The lights on the quay work again."},
	}
	t.Run("a batch of articles commits with its placements", func(t *testing.T) {
		s := open(t)
		lease, err := s.AcquireWriter(ctx, store.Me("test"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer lease.Release()
		puts, err := s.PutArticles(ctx, arts, func(puts []store.Put) (*store.PlacementBatch, error) {
			b := &store.PlacementBatch{Epoch: lease.Epoch(), Pending: []int64{1}}
			b.Placements = []model.Placement{{ArticleID: puts[0].ID, StoryID: 1, NewStory: true, Seq: 1}}
			b.Stories = []model.Story{{ID: 1, StorylineID: 1, Title: "Ferry", ArticleIDs: []int64{puts[0].ID}}}
			return b, nil
		})
		if err != nil || len(puts) != 3 {
			t.Fatalf("PutArticles = %v, %v", puts, err)
		}
		want := []store.Outcome{store.New, store.Unchanged, store.New}
		for i, p := range puts {
			if p.Err != nil || p.Outcome != want[i] {
				t.Errorf("put %d = %+v; want %v", i, p, want[i])
			}
		}
		if puts[1].ID != puts[0].ID {
			t.Errorf("the same content twice in one batch: ids %d and %d", puts[0].ID, puts[1].ID)
		}
		if st, err := s.Status(ctx); err != nil || st.Articles != 2 || st.Stories != 1 || st.Unplaced != 1 || st.PendingReports != 1 {
			t.Errorf("status after the batch = %+v, %v", st, err)
		}
	})
	t.Run("a batch whose placement fails leaves nothing", func(t *testing.T) {
		s := open(t)
		boom := errors.New("clusterer failed")
		_, err := s.PutArticles(ctx, arts, func([]store.Put) (*store.PlacementBatch, error) { return nil, boom })
		if !errors.Is(err, boom) {
			t.Errorf("PutArticles = %v; want the callback's error", err)
		}
		_, err = s.PutArticles(ctx, arts, func([]store.Put) (*store.PlacementBatch, error) {
			return &store.PlacementBatch{Epoch: 9999}, nil
		})
		if !errors.Is(err, store.ErrLeaseLost) {
			t.Errorf("PutArticles under no lease = %v; want ErrLeaseLost", err)
		}
		if st, err := s.Status(ctx); err != nil || st.Articles != 0 {
			t.Errorf("status after failed batches = %+v, %v; want no articles", st, err)
		}
	})
}
