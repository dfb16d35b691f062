package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/store"
	"parallax/internal/store/pgtest"
)

// Tests of Parallax as a service: real processes on one store, started
// together or killed at random moments.

// child is a parallax process run from the test binary (see TestMain).
type child struct {
	cmd      *exec.Cmd
	out, err bytes.Buffer
}

func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	return startChildEnv(t, nil, args...)
}

// startChildEnv starts a child with env added to its environment.
func startChildEnv(t *testing.T, env []string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], args...)}
	c.cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
	c.cmd.Stdout, c.cmd.Stderr = &c.out, &c.err
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return c
}

// writeCorpus writes n generated articles as JSON-lines files in a new
// directory, spread over files in generation order, and returns the
// directory.
func writeCorpus(t *testing.T, seed int64, n, files int) string {
	t.Helper()
	dir := t.TempDir()
	ws := make([]*bufio.Writer, files)
	for i := range ws {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%03d.jsonl", i)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ws[i] = bufio.NewWriter(f)
		defer ws[i].Flush()
	}
	i := 0
	for a := range gen.Stream(seed, n) {
		b, err := json.Marshal(source.Record{ID: strconv.FormatInt(a.ID, 10), URL: a.URL, Title: a.Title,
			Outlet: a.Outlet, Published: a.Published, Text: a.Body})
		if err != nil {
			t.Fatal(err)
		}
		w := ws[i*files/n]
		w.Write(b)
		w.WriteByte('\n')
		i++
	}
	return dir
}

// snapshot is what must come out the same however a store was written:
// each story's members by URL, each story's report, the article count.
type snapshot struct {
	Articles int
	Stories  map[int64][]string
	Reports  map[int64]string
}

// storeArticles opens db and returns the store, still open, and its
// articles; the store is closed when t ends.
func storeArticles(t *testing.T, db string) (Store, []model.Article) {
	t.Helper()
	st := openTestStore(t, db)
	arts, err := st.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st, arts
}

func openTestStore(t *testing.T, db string) Store {
	t.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func takeSnapshot(t *testing.T, db string) snapshot {
	t.Helper()
	ctx := context.Background()
	st, arts := storeArticles(t, db)
	url := map[int64]string{}
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.URL] {
			t.Errorf("%s holds article %s twice", db, a.URL)
		}
		seen[a.URL], url[a.ID] = true, a.URL
	}
	stories, err := st.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	s := snapshot{Articles: len(arts), Stories: map[int64][]string{}, Reports: map[int64]string{}}
	for _, x := range stories {
		var members []string
		for _, id := range x.ArticleIDs {
			members = append(members, url[id])
		}
		slices.Sort(members)
		s.Stories[x.ID] = members
		r, _, err := st.Report(ctx, x.ID)
		if err != nil {
			t.Errorf("%s: story %d: %v", db, x.ID, err)
			continue
		}
		s.Reports[x.ID] = jsonOf(t, r)
	}
	return s
}

// sameSnapshot reports the first few differences between two stores.
func sameSnapshot(t *testing.T, got, want snapshot) {
	t.Helper()
	if got.Articles != want.Articles || len(got.Stories) != len(want.Stories) {
		t.Errorf("%d articles in %d stories; want %d in %d", got.Articles, len(got.Stories), want.Articles, len(want.Stories))
	}
	diffs := 0
	for id, w := range want.Stories {
		if g := got.Stories[id]; !slices.Equal(g, w) && diffs < 5 {
			t.Errorf("story %d holds %v; want %v", id, g, w)
			diffs++
		}
		if g := got.Reports[id]; g != want.Reports[id] && diffs < 5 {
			t.Errorf("story %d's report differs:\n got %.300s\nwant %.300s", id, g, want.Reports[id])
			diffs++
		}
	}
}

// TestConcurrentIngests: two ingest processes started together on one
// store, each with its own half of a generated corpus, give exactly the
// stories (and reports) of the same halves ingested one after the other;
// the one that waits says for whom.
func TestConcurrentIngests(t *testing.T) {
	corpus := writeCorpus(t, 11, 600, 2)
	halves := []string{filepath.Join(corpus, "part-000.jsonl"), filepath.Join(corpus, "part-001.jsonl")}
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			db, ref := filepath.Join(t.TempDir(), "c.db"), filepath.Join(t.TempDir(), "ref.db")
			if backend == "postgres" {
				db, ref = pgtest.URL(t), pgtest.URL(t)
			}
			var cs [2]*child
			for i, h := range halves {
				cs[i] = startChild(t, "ingest", "--quiet", "--db", db, h)
			}
			for i, c := range cs {
				if err := c.cmd.Wait(); err != nil {
					t.Fatalf("ingest of half %d: %v\n%s", i, err, c.err.String())
				}
			}
			first := firstHalf(t, db, halves)
			second := 1 - first
			want := fmt.Sprintf("waiting for the store's writer: ingest pid %d on host", cs[first].cmd.Process.Pid)
			if !strings.Contains(cs[second].err.String(), want) {
				t.Errorf("the second ingest said %q; want a line %q", cs[second].err.String(), want)
			}
			for _, h := range []string{halves[first], halves[second]} {
				if _, stderr, err := run(t, "ingest", "--quiet", "--db", ref, h); err != nil {
					t.Fatalf("sequential ingest: %v\n%s", err, stderr)
				}
			}
			sameSnapshot(t, takeSnapshot(t, db), takeSnapshot(t, ref))
		})
	}
}

// firstHalf tells which half's articles were stored first.
func firstHalf(t *testing.T, db string, halves []string) int {
	t.Helper()
	_, arts := storeArticles(t, db)
	firstURL := map[string]int64{}
	for _, a := range arts {
		firstURL[a.URL] = a.ID
	}
	var minID [2]int64
	for i, h := range halves {
		b, err := os.ReadFile(h)
		if err != nil {
			t.Fatal(err)
		}
		var r source.Record
		if err := json.Unmarshal(b[:bytes.IndexByte(b, '\n')], &r); err != nil {
			t.Fatal(err)
		}
		minID[i] = firstURL[r.URL]
	}
	if minID[0] < minID[1] {
		return 0
	}
	return 1
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestKilledIngestsRepair: an ingest killed (SIGKILL) at random moments,
// while storing, placing or building reports, and run again each time,
// ends with a store that passes its integrity check, holds every article
// once, and has exactly the stories, reports and named entity records of
// an uninterrupted run.
// PARALLAX_KILL_ARTICLES, PARALLAX_KILLS and PARALLAX_KILL_SEED scale it
// (docs/OPERATIONS.md has the full-size run).
func TestKilledIngestsRepair(t *testing.T) {
	n, kills := envInt("PARALLAX_KILL_ARTICLES", 1200), envInt("PARALLAX_KILLS", 6)
	seed := int64(envInt("PARALLAX_KILL_SEED", 7))
	corpus := writeCorpus(t, seed, n, max(4, n/100))
	ref, db := filepath.Join(t.TempDir(), "ref.db"), filepath.Join(t.TempDir(), "k.db")
	if _, stderr, err := run(t, "ingest", "--quiet", "--db", ref, corpus); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, stderr)
	}
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	for i, at := range killPlan(seed, n, kills) {
		stored := storedArticles(t, db)
		how := killIngest(t, db, corpus, at, stored, n, r)
		t.Logf("run %d: %d stored before; %s", i+1, stored, how)
	}
	if _, stderr, err := run(t, "ingest", "--quiet", "--db", db, corpus); err != nil {
		t.Fatalf("ingest after the kills: %v\n%s", err, stderr)
	}
	out, _, err := run(t, "status", "--db", db, "--check", "--format", "json")
	if err != nil {
		t.Fatalf("status --check after the kills: %v\n%s", err, out)
	}
	var st statusReport
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Unplaced != 0 || st.PendingReports != 0 || st.Reports != st.Stories || len(st.Problems) > 0 {
		t.Errorf("status after the kills = %+v", st)
	}
	sameSnapshot(t, takeSnapshot(t, db), takeSnapshot(t, ref))
	sameEntities(t, db, ref)
}

// killPoint is when to kill one run: after a delay from its start, or
// once the store holds a number of articles, or, in the reports phase,
// once the run has stored every article and built a share of the reports
// pending.
type killPoint struct {
	delay    time.Duration
	articles int
	reports  bool
}

// killPlan spreads kills over the whole ingest: one during start-up, then
// at growing article counts, the last few (a third, at most three: each
// leaves fewer reports to build) while reports are built.
func killPlan(seed int64, n, kills int) []killPoint {
	r := rand.New(rand.NewPCG(uint64(seed), 0))
	plan := []killPoint{{delay: time.Duration(r.IntN(300)) * time.Millisecond}}
	storing := max(1, kills-1-min(3, kills/3))
	for i := range storing {
		lo, hi := n*i/storing, n*(i+1)/storing
		plan = append(plan, killPoint{articles: lo + 1 + r.IntN(max(1, hi-lo-1))})
	}
	for len(plan) < kills {
		plan = append(plan, killPoint{reports: true})
	}
	return plan[:kills]
}

// killIngest runs an ingest and kills it at the point given; it reports
// what happened.
func killIngest(t *testing.T, db, corpus string, at killPoint, stored, total int, r *rand.Rand) string {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "ingest", "--db", db, corpus)}
	c.cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := c.cmd.StderrPipe() // where the per-article lines go
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() { // closes lines when the process has ended (its stderr did)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		io.Copy(io.Discard, out)
		close(lines)
	}()
	defer func() {
		for range lines {
		}
		c.cmd.Wait()
	}()
	if at.delay > 0 {
		time.Sleep(at.delay)
		c.cmd.Process.Kill()
		return fmt.Sprintf("killed %s after its start", at.delay)
	}
	if at.reports && stored >= total {
		return killDuringReports(t, c, lines, db, r)
	}
	for line := range lines {
		if !strings.HasPrefix(line, "new ") {
			continue
		}
		stored++
		if !at.reports && stored >= at.articles {
			c.cmd.Process.Kill()
			return fmt.Sprintf("killed after storing article %d", stored)
		}
		if at.reports && stored == total {
			return killDuringReports(t, c, lines, db, r)
		}
	}
	return "ran to the end"
}

// killDuringReports kills a run once it has built a random share of the
// reports its placements marked pending.
func killDuringReports(t *testing.T, c *child, lines <-chan string, db string, r *rand.Rand) string {
	share := r.Float64()
	first := 0
	for {
		select {
		case _, ok := <-lines:
			if !ok {
				return "ran to the end"
			}
			continue
		case <-time.After(5 * time.Millisecond):
		}
		pending := pendingReports(t, db)
		if first == 0 {
			first = pending
		}
		if first > 0 && float64(pending) <= float64(first)*(1-share) {
			c.cmd.Process.Kill()
			return fmt.Sprintf("killed while building reports, %d of %d pending", pending, first)
		}
	}
}

func pendingReports(t *testing.T, db string) int {
	t.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close() // polled often: closed at once, not when t ends
	ps, err := st.PendingReports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ps)
}

// storedArticles counts a store's articles, 0 when it does not exist yet.
func storedArticles(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	s, err := openTestStore(t, db).Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Articles
}
