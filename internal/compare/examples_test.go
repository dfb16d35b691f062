package compare

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
)

// exampleStory is one event of the fictional example corpus.
type exampleStory struct {
	event string
	arts  []model.Article
}

// exampleStories extracts and enriches the example corpus and groups it by
// the events examples/labels.jsonl gives, articles numbered in path order.
func exampleStories(t testing.TB) []exampleStory {
	t.Helper()
	corpus := filepath.Join("..", "..", "examples", "corpus")
	events := make(map[string]string)
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var l struct{ ID, Event string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		events[l.ID] = l.Event
	}
	by := make(map[string][]model.Article)
	for d, err := range source.Read(context.Background(), []string{corpus}, source.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Document(d)
		if err != nil {
			t.Fatalf("extract %s: %v", d.Source, err)
		}
		key := strings.TrimPrefix(filepath.ToSlash(d.Source), filepath.ToSlash(corpus)+"/")
		if ev, ok := events[key]; ok {
			by[ev] = append(by[ev], a)
		} else {
			by[events[a.URL]] = append(by[events[a.URL]], a)
		}
	}
	var out []exampleStory
	for ev, arts := range by {
		sort.SliceStable(arts, func(i, j int) bool { return arts[i].Source < arts[j].Source })
		for i := range arts {
			arts[i].ID = int64(i + 1)
			e := enrichArticle(arts[i])
			arts[i].Enrichment = &e
		}
		redateUndated(arts)
		out = append(out, exampleStory{ev, arts})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].event < out[j].event })
	return out
}
