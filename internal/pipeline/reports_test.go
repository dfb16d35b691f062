package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// twoStories stores four articles placed in two stories of two, their
// reports pending.
func twoStories(t *testing.T) (*sqlite.DB, []model.Article) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	lease, err := st.AcquireWriter(ctx, store.Me("test"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lease.Release() })
	stories, err := LoadStories(ctx, st, lease, cluster.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	topics := []string{"ferry service to Marlow Island resumes after storms closed the harbour",
		"orchestra in Velden cancels its tour after the conductor falls ill"}
	var arts []model.Article
	for i := range 4 {
		a := model.Article{Source: fmt.Sprintf("a%d.txt", i), Outlet: fmt.Sprintf("Outlet %d", i%2), Published: "2031-03-14",
			Title: topics[i/2], Body: topics[i/2] + ". " + topics[i/2] + fmt.Sprintf(", reporter %d wrote.", i)}
		id, _, err := st.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = id
		stories.Place(a)
		arts = append(arts, a)
	}
	if err := stories.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return st, arts
}

// firstOnly is a Select that chooses a story's first member.
func firstOnly(as []model.Article, _ map[int64]int64) ([]model.Article, bool) {
	first := as[0]
	for _, a := range as {
		if a.ID < first.ID {
			first = a
		}
	}
	return []model.Article{first}, len(as) > 1
}

// TestSelectSparesBuild: with a Select, only a change to a chosen member
// rebuilds the report; a member the choice leaves out may change freely.
func TestSelectSparesBuild(t *testing.T) {
	ctx := context.Background()
	st, arts := twoStories(t)
	var built []int
	build := func(s model.Story, as []model.Article, _ map[int64]int64) model.Report {
		built = append(built, len(as))
		return model.Report{}
	}
	rep := Reporter{Build: build, Select: firstOnly}
	if n, err := BuildPending(ctx, st, rep); err != nil || n != 2 {
		t.Fatalf("first build: %d of 2, %v", n, err)
	}
	if len(built) != 2 || built[0] != 2 {
		t.Fatalf("Build read %v articles; want every member of each story", built)
	}
	for i, want := range []int{0, 1} { // arts[1] is left out, arts[0] chosen
		a := arts[1-i]
		a.Body += " A later paragraph was added."
		if _, _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := st.MarkAllReports(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := BuildPending(ctx, st, rep); err != nil || n != want {
			t.Fatalf("after changing article %d: rebuilt %d, %v; want %d", a.ID, n, err, want)
		}
	}
}

// TestBuildReports: every changed story gets a report once; building again
// with nothing changed rebuilds nothing; an updated member rebuilds its
// story's report only; a panicking builder leaves an empty report.
func TestBuildReports(t *testing.T) {
	ctx := context.Background()
	st, arts := twoStories(t)
	calls := 0
	build := func(s model.Story, as []model.Article, dups map[int64]int64) model.Report {
		calls++
		return model.Report{Summary: []model.SummarySentence{{Text: s.Title, ArticleIDs: s.ArticleIDs}}}
	}
	if n, err := BuildPending(ctx, st, Reporter{Build: build}); err != nil || n != 2 {
		t.Fatalf("first build: %d of 2, %v", n, err)
	}
	ids := []int64{1, 2}
	r, _, err := st.Report(ctx, ids[0])
	if err != nil || r.StoryID != ids[0] || len(r.Summary) != 1 {
		t.Fatalf("stored report = %+v, %v", r, err)
	}
	if n, err := BuildPending(ctx, st, Reporter{Build: build}); err != nil || n != 0 {
		t.Fatalf("nothing pending: rebuilt %d, %v", n, err)
	}
	// Marked pending with nothing changed: the fingerprint spares the build.
	if err := st.MarkAllReports(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := BuildPending(ctx, st, Reporter{Build: build}); err != nil || n != 0 {
		t.Fatalf("unchanged rebuild: %d, %v", n, err)
	}
	if ps, err := st.PendingReports(ctx); err != nil || len(ps) != 0 {
		t.Fatalf("pending after a build = %v, %v; want none", ps, err)
	}
	arts[0].Body += " A later paragraph was added."
	if _, _, err := st.PutArticle(ctx, arts[0]); err != nil {
		t.Fatal(err)
	}
	if n, err := BuildPending(ctx, st, Reporter{Build: build}); err != nil || n != 1 {
		t.Fatalf("after an update: rebuilt %d, %v; want 1", n, err)
	}
	arts[1].Body += " Another."
	if _, _, err := st.PutArticle(ctx, arts[1]); err != nil {
		t.Fatal(err)
	}
	panicky := func(model.Story, []model.Article, map[int64]int64) model.Report { panic("boom") }
	if n, err := BuildPending(ctx, st, Reporter{Build: panicky}); err != nil || n != 1 {
		t.Fatalf("panicking builder: %d, %v", n, err)
	}
}
