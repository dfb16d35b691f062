package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/store"
)

// memStore records what was stored, in order.
type memStore struct {
	mu   sync.Mutex
	got  []model.Article
	fail string // PutArticle fails for this source
}

func (m *memStore) PutArticle(_ context.Context, a model.Article) (int64, store.Outcome, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a.Source == m.fail {
		return 0, 0, errors.New("disk full")
	}
	m.got = append(m.got, a)
	return int64(len(m.got)), store.New, nil
}

func writeFiles(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		os.WriteFile(name, []byte(fmt.Sprintf("Headline %d\n\nBody of article %d, a full sentence of text.\n", i, i)), 0o644)
		names = append(names, name)
	}
	return dir, names
}

func TestIngestKeepsInputOrderAndCountsFailures(t *testing.T) {
	dir, names := writeFiles(t, 40)
	os.WriteFile(filepath.Join(dir, "zz-empty.txt"), nil, 0o644)
	st := &memStore{fail: names[7]}
	var events []Event
	extractFn := func(d source.Doc) (model.Article, error) {
		if strings.HasSuffix(d.Source, "a013.txt") {
			panic("hostile page")
		}
		return model.Article{Source: d.Source, Body: d.Text}, nil
	}
	sum, err := Ingest(context.Background(), []string{dir}, st, Options{
		Workers: 4, Extract: extractFn, OnEvent: func(e Event) { events = append(events, e) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 38 || sum.Failed != 3 || sum.Total() != 41 {
		t.Fatalf("summary = %+v; want 38 new, 3 failed", sum)
	}
	for i, a := range st.got { // stored in input order, whatever the workers did
		if i > 0 && a.Source < st.got[i-1].Source {
			t.Fatalf("stored out of order: %s after %s", a.Source, st.got[i-1].Source)
		}
	}
	var failed []string
	for i, e := range events {
		if e.Done != i+1 || e.Seen < e.Done {
			t.Fatalf("event %d: done %d seen %d", i, e.Done, e.Seen)
		}
		if e.Err != nil {
			failed = append(failed, e.Err.Error())
		}
	}
	want := []string{"a007.txt: store: disk full", "a013.txt: extractor failed: hostile page", "zz-empty.txt: empty file"}
	if len(failed) != len(want) {
		t.Fatalf("failures = %q", failed)
	}
	for i, w := range want {
		if !strings.Contains(failed[i], w) {
			t.Errorf("failure %d = %q; want it to contain %q", i, failed[i], w)
		}
	}
}

func TestIngestCancelled(t *testing.T) {
	dir, _ := writeFiles(t, 20)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Ingest(ctx, []string{dir}, &memStore{}, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
}

// Cancelled mid-run, Ingest finishes the batch it is storing and stores
// nothing after it: the summary counts what was stored and reported,
// nothing failed.
func TestIngestCancelledMidRunStopsCleanly(t *testing.T) {
	// More files than one batch holds (batchMax): articles already
	// extracted when Ctrl-C comes are stored together, so under load the
	// first batch may hold many, but never all.
	const files = 2*batchMax + 40
	dir, _ := writeFiles(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	st := openSQLite(t)
	var events []Event
	sum, err := Ingest(ctx, []string{dir}, st, Options{Workers: 2, OnEvent: func(ev Event) {
		events = append(events, ev)
		if len(events) == 5 {
			cancel() // as Ctrl-C would, while the fifth article is being reported
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
	stored, _ := st.Articles(context.Background())
	if sum.Failed != 0 || sum.New < 5 || sum.New >= files || len(events) != sum.New || len(stored) != sum.New {
		t.Errorf("summary %+v, %d events, %d stored; want as many new, events and stored (5 to %d), none failed", sum, len(events), len(stored), files-1)
	}
}
