package cli

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const corpus = "../../examples/corpus"

type exported struct {
	Articles []struct {
		ID          int64  `json:"id"`
		Source      string `json:"source"`
		StoryID     *int64 `json:"story_id"`
		StorylineID *int64 `json:"storyline_id"`
		DuplicateOf *int64 `json:"duplicate_of"`
	} `json:"articles"`
	Stories []struct {
		ID          int64   `json:"id"`
		Title       string  `json:"title"`
		StorylineID int64   `json:"storyline_id"`
		ArticleIDs  []int64 `json:"article_ids"`
		First       string  `json:"first_published"`
		Last        string  `json:"last_published"`
	} `json:"stories"`
}

func export(t *testing.T, db string) exported {
	t.Helper()
	out, _, err := run(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var e exported
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// storyOf maps each article's source to its story ID.
func storyOf(e exported) map[string]int64 {
	m := map[string]int64{}
	for _, a := range e.Articles {
		if a.StoryID != nil {
			m[filepath.Base(a.Source)] = *a.StoryID
		}
	}
	return m
}

func TestIngestPlacesStories(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if _, stderr, err := run(t, "ingest", "--db", db, corpus); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := run(t, "eval", "clusters", "--db", db, "--labels", "../../examples/labels.jsonl", "--min-f1", "1")
	if err != nil {
		t.Fatalf("eval clusters: %v\n%s", err, out)
	}
	e := export(t, db)
	if len(e.Stories) != 4 {
		t.Fatalf("%d stories; want 4", len(e.Stories))
	}
	dups := 0
	for _, a := range e.Articles {
		if a.StoryID == nil || a.StorylineID == nil {
			t.Errorf("article %d (%s) has no story", a.ID, a.Source)
		}
		if a.DuplicateOf != nil {
			dups++
		}
	}
	if dups != 1 {
		t.Errorf("%d near-duplicates; want the one agency copy", dups)
	}
	for _, s := range e.Stories {
		if s.Title == "" || len(s.ArticleIDs) < 3 || s.First == "" || s.Last < s.First {
			t.Errorf("story %+v", s)
		}
	}

	// Re-ingesting moves nothing.
	before := storyOf(e)
	if out, _, err := run(t, "ingest", "--db", db, corpus); err != nil || !strings.Contains(out, "15 unchanged") {
		t.Fatalf("re-ingest: %v %s", err, out)
	}
	after := storyOf(export(t, db))
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s moved from story %d to %d", k, v, after[k])
		}
	}

	out, _, err = run(t, "stories", "--db", db, "--sort", "coverage")
	if err != nil || strings.Count(out, "\n") != 5 {
		t.Errorf("stories = %q, %v", out, err)
	}
	out, _, err = run(t, "story", "--db", db, "1")
	if err != nil || !strings.Contains(out, "Story 1:") || !strings.Contains(out, "4 articles") {
		t.Errorf("story 1 = %q, %v", out, err)
	}
	if _, _, err := run(t, "story", "--db", db, "99"); err == nil || !strings.Contains(err.Error(), "no story 99") {
		t.Errorf("missing story: %v", err)
	}
}

// Ingesting in two runs gives the stories one run gives: the second run
// rebuilds the clusterer from the store.
func TestIngestInTwoRunsMatchesOne(t *testing.T) {
	one := filepath.Join(t.TempDir(), "one.db")
	if _, _, err := run(t, "ingest", "--db", one, corpus); err != nil {
		t.Fatal(err)
	}
	two := filepath.Join(t.TempDir(), "two.db")
	entries, _ := os.ReadDir(filepath.Join(corpus, "html"))
	var firstHalf []string
	for _, e := range entries {
		firstHalf = append(firstHalf, filepath.Join(corpus, "html", e.Name()))
	}
	if _, _, err := run(t, append([]string{"ingest", "--db", two}, firstHalf...)...); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "ingest", "--db", two, corpus); err != nil {
		t.Fatal(err)
	}
	a, b := storyOf(export(t, one)), storyOf(export(t, two))
	// Story IDs may differ; the partition must not.
	pairs := map[[2]int64]bool{}
	for k, v := range a {
		pairs[[2]int64{v, b[k]}] = true
	}
	if len(pairs) != 4 {
		t.Errorf("partitions differ: %v vs %v", a, b)
	}
}

// TestStoriesShowReportTitles: the stories list (CLI, JSON API and the
// web list) names each story by its report's title, as its page does,
// not by the clusterer's first headline.
func TestStoriesShowReportTitles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--quiet", "--db", db, corpus)
	out, _, err := run(t, "stories", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Stories []struct {
			ID    int64  `json:"id"`
			Title string `json:"title"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list.Stories) == 0 {
		t.Fatalf("stories: %v\n%s", err, out)
	}
	ts, _ := serveStore(t, db)
	api := getBody(t, ts.URL+"/api/stories")
	page := getBody(t, ts.URL+"/")
	for _, s := range list.Stories {
		one, _, err := run(t, "story", "--db", db, "--format", "json", strconv.FormatInt(s.ID, 10))
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Title string `json:"title"` // the report's, which `story` shows
		}
		if err := json.Unmarshal([]byte(one), &r); err != nil || r.Title == "" {
			t.Fatalf("story %d: %v\n%.300s", s.ID, err, one)
		}
		want := r.Title
		if s.Title != want {
			t.Errorf("stories lists story %d as %q; its report says %q", s.ID, s.Title, want)
		}
		if j, _ := json.Marshal(want); !strings.Contains(api, string(j)) {
			t.Errorf("/api/stories lacks story %d's report title %q", s.ID, want)
		}
		if !strings.Contains(page, html.EscapeString(want)) {
			t.Errorf("the stories page lacks story %d's report title %q", s.ID, want)
		}
	}
}
