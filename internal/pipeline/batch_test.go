package pipeline

import (
	"context"
	"fmt"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/store"
)

// TestBatchCutsDoNotChangeStories: the collector's batches end wherever
// the workers' timing ends them; the placements, story rows (titles
// included, which weigh terms by the IDF of the moment they are written)
// and checkpoints written must not depend on where.
func TestBatchCutsDoNotChangeStories(t *testing.T) {
	var arts []model.Article
	for a := range gen.Stream(3, 2*flushEvery+300) {
		arts = append(arts, a)
	}
	run := func(cut func(i int) bool) []model.Story {
		ctx := context.Background()
		st := openSQLite(t)
		lease, err := st.AcquireWriter(ctx, store.Me("test"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer lease.Release()
		s, err := LoadStories(ctx, st, lease, cluster.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		c := &collector{ctx: ctx, st: st, opt: Options{Stories: s}, failedFiles: map[string]bool{}}
		for i, a := range arts {
			r := result{seq: i, source: fmt.Sprint("gen/", i), article: a, prep: s.Prepare(a)}
			if err := c.add(r, i+1, i+1); err != nil {
				t.Fatal(err)
			}
			if cut(i) {
				if err := c.flush(); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := c.flush(); err != nil {
			t.Fatal(err)
		}
		if err := s.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		stories, err := st.Stories(ctx, store.StoryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return stories
	}
	want := run(func(int) bool { return false }) // full batches of batchMax
	for name, cut := range map[string]func(int) bool{
		"every 7":        func(i int) bool { return i%7 == 6 },
		"uneven":         func(i int) bool { return i%97 == 0 || i%211 == 5 },
		"around a flush": func(i int) bool { return i == flushEvery-2 || i == flushEvery+1 },
	} {
		got := run(cut)
		if len(got) != len(want) {
			t.Fatalf("%s: %d stories, want %d", name, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Title != w.Title || g.StorylineID != w.StorylineID || fmt.Sprint(g.ArticleIDs) != fmt.Sprint(w.ArticleIDs) || fmt.Sprint(g.Outlets) != fmt.Sprint(w.Outlets) {
				t.Fatalf("%s: story %d is %+v, want %+v", name, g.ID, g, w)
			}
		}
	}
}
