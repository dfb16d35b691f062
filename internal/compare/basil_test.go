package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"parallax/internal/testshared"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parallax/internal/model"
)

// basilStory is one BASIL event: its articles, numbered from 1 in file
// order, each enriched.
type basilStory struct {
	event string
	arts  []model.Article
}

func loadBasil(t testing.TB) []basilStory {
	t.Helper()
	dir := testshared.Dir(t, "datasets")
	events := make(map[string]string)
	readJSONL(t, filepath.Join(dir, "basil-2010-2014-labels.jsonl"), func(raw []byte) {
		var l struct{ ID, Event string }
		if err := json.Unmarshal(raw, &l); err != nil {
			t.Fatal(err)
		}
		events[l.ID] = l.Event
	})
	by := make(map[string]*basilStory)
	var order []string
	n := int64(0)
	readJSONL(t, filepath.Join(dir, "basil-2010-2014-articles.jsonl"), func(raw []byte) {
		var r struct{ ID, URL, Title, Outlet, Published, Text string }
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		n++
		a := model.Article{ID: n, SourceID: r.ID, URL: r.URL, Title: r.Title, Outlet: r.Outlet,
			Published: r.Published, Body: model.JoinParagraphs(strings.Split(r.Text, "\n\n"))}
		e := enrichArticle(a)
		a.Enrichment = &e
		ev := events[r.ID]
		if by[ev] == nil {
			by[ev] = &basilStory{event: ev}
			order = append(order, ev)
		}
		by[ev].arts = append(by[ev].arts, a)
	})
	out := make([]basilStory, len(order))
	for i, ev := range order {
		out[i] = *by[ev]
	}
	return out
}

func readJSONL(t testing.TB, path string, each func([]byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) > 0 {
			each(sc.Bytes())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// finding is one reported item, written out for judging by hand.
type finding struct {
	kind, story, text string
}

// findingsOf lists a report's findings by kind.
func findingsOf(st basilStory, r model.Report) []finding {
	var out []finding
	add := func(kind, text string) { out = append(out, finding{kind, st.event, text}) }
	for _, c := range r.Claims {
		var b strings.Builder
		for _, s := range c.Sentences {
			fmt.Fprintf(&b, "  [%d %s] %s\n", s.ArticleID, s.Outlet, s.Text)
		}
		if len(c.Outlets) >= 2 {
			add("claim-shared", b.String())
		} else {
			add("claim-single", b.String())
		}
	}
	for _, q := range r.Quotes {
		if len(q.Variants) < 2 && len(q.Speakers) < 2 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "  speaker %q speakers %q earliest %d\n", q.Speaker, q.Speakers, q.EarliestArticleID)
		for _, v := range q.Variants {
			fmt.Fprintf(&b, "  %v trunc=%v: %s\n", v.ArticleIDs, v.Truncated, renderDiff(v.Diff))
		}
		add("quote-variant", b.String())
	}
	for _, d := range r.Discrepancies {
		var b strings.Builder
		fmt.Fprintf(&b, "  %s: %s\n", d.Kind, d.Subject)
		for _, v := range d.Values {
			fmt.Fprintf(&b, "  = %s %v\n", v.Value, v.ArticleIDs)
			for _, s := range v.Sentences {
				fmt.Fprintf(&b, "    [%d] %s\n", s.ArticleID, s.Text)
			}
		}
		add("discrepancy", b.String())
	}
	for _, f := range r.Framing {
		for _, n := range f.Names {
			add("framing", fmt.Sprintf("  %s %v name %s vs %v\n", f.Outlet, f.ArticleIDs, n.Used, n.Others))
		}
		for _, l := range f.Loaded {
			add("framing", fmt.Sprintf("  %s %v loaded %s\n", f.Outlet, f.ArticleIDs, l))
		}
		for _, q := range f.ScareQuotes {
			add("framing", fmt.Sprintf("  %s %v scare %q\n", f.Outlet, f.ArticleIDs, q))
		}
	}
	for _, e := range r.Timeline {
		var b strings.Builder
		fmt.Fprintf(&b, "  %s %s %v\n", e.Date, e.Text, e.ArticleIDs)
		for _, s := range e.Sentences {
			fmt.Fprintf(&b, "    [%d] %s\n", s.ArticleID, s.Text)
		}
		add("timeline", b.String())
	}
	for _, s := range r.Summary {
		add("brief", fmt.Sprintf("  %s %v %v\n", s.Text, s.ArticleIDs, s.Outlets))
	}
	return out
}

// TestBasilSample draws 20 findings of each kind at random (fixed seed) for
// judging by hand, written to COMPARE_SAMPLE:
//
//	COMPARE_SAMPLE=/tmp/sample.txt go test ./internal/compare -run BasilSample
func TestBasilSample(t *testing.T) {
	stories := loadBasil(t)
	byKind := make(map[string][]finding)
	for _, st := range stories {
		r := Build(model.Story{}, st.arts)
		for _, f := range findingsOf(st, r) {
			byKind[f.kind] = append(byKind[f.kind], f)
		}
	}
	kinds := []string{"claim-shared", "claim-single", "quote-variant", "discrepancy", "framing", "timeline", "brief"}
	var b strings.Builder
	rng := rand.New(rand.NewPCG(2025, 5))
	for _, k := range kinds {
		fs := byKind[k]
		t.Logf("%s: %d findings", k, len(fs))
		rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		fs = fs[:min(20, len(fs))]
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].story < fs[j].story })
		fmt.Fprintf(&b, "##### %s (%d of %d)\n", k, len(fs), len(byKind[k]))
		for i, f := range fs {
			fmt.Fprintf(&b, "--- %s #%d story %s\n%s", k, i+1, f.story, f.text)
		}
	}
	if p := os.Getenv("COMPARE_SAMPLE"); p != "" {
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
