package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/compare"
	"parallax/internal/cputime"
	"parallax/internal/enrich"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// BenchmarkReportAddOne measures what one article joining an 800-article
// story costs its report, end to end in a SQLite store: BuildPending reads
// the story's members, chooses what to compare (compare.Select) and
// rebuilds only when the choice changed. "joins" adds the story's next
// articles (the choice seldom changes); "changes" adds each time an
// article dated before every other of its outlet, which always changes
// it (a full rebuild); "joins+index" is "joins" with the corpus index
// kept, as the commands keep it (every member's entity and quotation rows
// written again). The first build is reported as first-build-cpu-ms.
//
//	go test ./internal/pipeline -run '^$' -bench ReportAddOne -benchtime 10x -count 3 -cpu 1
func BenchmarkReportAddOne(b *testing.B) {
	for _, mode := range []string{"joins", "changes", "joins+index"} {
		b.Run(mode, func(b *testing.B) {
			const n = 800
			arts := gen.OneStory(16, n+b.N, 40)
			for i := range arts {
				e := enrich.Article(arts[i])
				arts[i].Enrichment = &e
			}
			ctx := context.Background()
			st, lease := benchStore(b)
			rep := Reporter{Select: compare.Select, Build: func(s model.Story, as []model.Article, dups map[int64]int64) model.Report {
				return compare.BuildWith(s, as, compare.Options{Duplicates: dups})
			}}
			if mode == "joins+index" {
				rep.Index = &Index{Store: st, Family: enrich.Family, Group: enrich.CorpusEntities}
			}
			addToStory(b, st, lease, arts[:n])
			cpu := cputime.Process()
			if built, err := BuildPending(ctx, st, rep); err != nil || built != 1 {
				b.Fatalf("first build: %d, %v", built, err)
			}
			full := cputime.Process() - cpu
			var spent time.Duration
			rebuilt := 0
			b.ResetTimer()
			for i := range b.N {
				a := arts[n+i]
				if mode == "changes" {
					a.Outlet, a.Published = arts[i%40].Outlet, "2023-12-01"
				}
				b.StopTimer()
				addToStory(b, st, lease, []model.Article{a})
				b.StartTimer()
				cpu := cputime.Process()
				built, err := BuildPending(ctx, st, rep)
				spent += cputime.Process() - cpu
				if err != nil {
					b.Fatal(err)
				}
				rebuilt += built
			}
			b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(rebuilt)/float64(b.N), "rebuilt/op")
			b.ReportMetric(float64(full.Microseconds())/1000, "first-build-cpu-ms")
		})
	}
}

func benchStore(b *testing.B) (*sqlite.DB, store.Lease) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	lease, err := st.AcquireWriter(ctx, store.Me("bench"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lease.Release() })
	return st, lease
}

// addToStory stores articles and places them all in story 1, marking its
// report pending, as one placement commit would.
func addToStory(b *testing.B, st *sqlite.DB, lease store.Lease, arts []model.Article) {
	ctx := context.Background()
	batch := store.PlacementBatch{Epoch: lease.Epoch(), Pending: []int64{1}}
	for _, a := range arts {
		a.ID = 0
		id, _, err := st.PutArticle(ctx, a)
		if err != nil {
			b.Fatal(err)
		}
		if e := a.Enrichment; e != nil {
			if err := st.PutEnrichment(ctx, id, *e); err != nil {
				b.Fatal(err)
			}
		}
		batch.Placements = append(batch.Placements, model.Placement{ArticleID: id, StoryID: 1, NewStory: id == 1, Seq: id})
	}
	s, err := st.Story(ctx, 1)
	if err != nil {
		s = model.Story{ID: 1, Title: arts[0].Title}
	}
	s.ArticleIDs = append(s.ArticleIDs, make([]int64, len(arts))...)
	s.Independent = len(s.ArticleIDs)
	batch.Stories = []model.Story{s}
	if err := st.CommitPlacements(ctx, batch); err != nil {
		b.Fatal(fmt.Errorf("place: %w", err))
	}
}
