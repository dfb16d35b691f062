package bus

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"parallax/internal/pipeline"
	"parallax/internal/source"
	"parallax/internal/store"
)

// testBus starts a server in a temporary directory and connects to it.
func testBus(t *testing.T, cfg Config) (*Bus, *Server) {
	t.Helper()
	srv, err := StartServer(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	cfg.URL = srv.URL()
	b, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b, srv
}

func record(i int) source.Doc {
	url := fmt.Sprintf("https://news.example/%d", i)
	return source.Doc{Source: url, Kind: source.KindRecord, Record: &source.Record{URL: url, Title: fmt.Sprint("Title ", i), Text: "Body."}}
}

func send(t *testing.T, b *Bus, d source.Doc) (int64, bool) {
	t.Helper()
	wait, err := b.Send(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	seq, dup, err := wait()
	if err != nil {
		t.Fatal(err)
	}
	return seq, dup
}

// TestSendDeduplicates: the same document queued twice is kept once; a
// changed one under the same URL is a new message; a large one travels
// compressed and comes back whole.
func TestSendDeduplicates(t *testing.T) {
	b, _ := testBus(t, Config{})
	if seq, dup := send(t, b, record(1)); seq != 1 || dup {
		t.Fatalf("first send: seq %d dup %v", seq, dup)
	}
	if seq, dup := send(t, b, record(1)); seq != 1 || !dup {
		t.Errorf("same document again: seq %d dup %v; want 1, true", seq, dup)
	}
	changed := record(1)
	changed.Record.Text = "Body, corrected."
	if seq, dup := send(t, b, changed); seq != 2 || dup {
		t.Errorf("changed document: seq %d dup %v; want 2, false", seq, dup)
	}
	big := record(3)
	big.Record.Text = string(make([]byte, 2<<20))
	send(t, b, big)
	w, err := b.Work(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ds := fetchAll(t, w, 3)
	doc, err := ds[2].Doc()
	if err != nil || len(doc.Record.Text) != 2<<20 {
		t.Errorf("large document: %d bytes back, %v", len(doc.Record.Text), err)
	}
}

func fetchAll(t *testing.T, w *Work, n int) []pipeline.Delivery {
	t.Helper()
	var out []pipeline.Delivery
	for tries := 0; len(out) < n && tries < 30; tries++ {
		ds, err := w.Fetch(context.Background(), n-len(out))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ds...)
	}
	if len(out) != n {
		t.Fatalf("fetched %d documents; want %d", len(out), n)
	}
	return out
}

// TestResultsInQueueOrder: reports published out of order come out in
// queue order; a writer started after a commit resumes after it; a
// writer of an older lease grant cannot claim or commit.
func TestResultsInQueueOrder(t *testing.T) {
	ctx := context.Background()
	b, _ := testBus(t, Config{})
	for i := 1; i <= 5; i++ {
		send(t, b, record(i))
	}
	w, err := b.Work(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ds := fetchAll(t, w, 5)
	report := func(idx ...int) {
		var done []pipeline.Done
		for _, i := range idx {
			done = append(done, pipeline.Done{Delivery: ds[i], ArticleID: 100 + ds[i].Seq()})
		}
		if err := w.Report(ctx, done); err != nil {
			t.Fatal(err)
		}
	}
	report(2, 4, 1)
	r, err := b.Results(ctx, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := seqs(t, r, time.Second); len(got) != 0 {
		t.Fatalf("handed out %v before position 1 was reported", got)
	}
	report(0)
	if got := fmt.Sprint(seqs(t, r, time.Second)); got != "[1 2 3]" {
		t.Fatalf("handed out %s; want [1 2 3]", got)
	}
	if err := r.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	report(3)
	// A new writer (the first one died before handing out 4 and 5).
	r2, err := b.Results(ctx, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(seqs(t, r2, time.Second)); got != "[4 5]" {
		t.Errorf("the next writer handed out %s; want [4 5]", got)
	}
	if err := r.Commit(ctx); err != nil {
		t.Fatal(err) // nothing handed out since its last commit: nothing to write
	}
	r.handed = append(r.handed, nil)
	if err := r.Commit(ctx); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("commit by the superseded writer: %v; want ErrLeaseLost", err)
	}
	if _, err := b.Results(ctx, 1, nil); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("claim by an older grant: %v; want ErrLeaseLost", err)
	}
}

func seqs(t *testing.T, r *Results, wait time.Duration) []int64 {
	t.Helper()
	rs, err := r.Next(context.Background(), 100, wait)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, x := range rs {
		out = append(out, x.Seq)
	}
	return out
}
