package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/enrich"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// newsdesk is a store with a writer lease and a clusterer, for placing
// hand-made articles and building their reports with the index kept.
type newsdesk struct {
	t       *testing.T
	st      *sqlite.DB
	stories *Stories
	n       int
}

func newNewsdesk(t *testing.T) *newsdesk {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "i.db"))
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
	return &newsdesk{t: t, st: st, stories: stories}
}

var deskTopics = map[string]string{
	"ferry":   "ferry service to Marlow Island resumes after storms closed the harbour",
	"concert": "orchestra in Velden cancels its tour after the conductor falls ill",
}

// add stores and places one article on a topic from outlet, naming
// people (each "Given Family", or a family name alone).
func (d *newsdesk) add(topic, outlet string, people ...string) int64 {
	d.t.Helper()
	d.n++
	text := deskTopics[topic]
	a := model.Article{Source: fmt.Sprintf("a%d.txt", d.n), Outlet: outlet, Published: "2031-03-14",
		Title: text, Body: text + ". " + text + fmt.Sprintf(", reporter %d wrote.", d.n), Enrichment: &model.Enrichment{}}
	for _, p := range people {
		a.Enrichment.Entities = append(a.Enrichment.Entities, model.Entity{Name: p, Key: enrich.Key(p), Type: model.Person, Mentions: 1})
	}
	if len(people) > 0 {
		a.Enrichment.Quotes = []model.Quote{{Text: "We sail at dawn " + outlet, Speaker: people[0], SpeakerKey: enrich.Key(people[0])}}
	}
	id, _, err := d.st.PutArticle(context.Background(), a)
	if err != nil {
		d.t.Fatal(err)
	}
	a.ID = id
	d.stories.Place(a)
	if err := d.stories.Flush(context.Background()); err != nil {
		d.t.Fatal(err)
	}
	return id
}

// deskBuild reports a discrepancy in any story of three articles or more.
func deskBuild(s model.Story, arts []model.Article, _ map[int64]int64) model.Report {
	r := model.Report{Title: s.Title, Summary: []model.SummarySentence{{Text: "Brief of " + s.Title}}}
	if len(arts) >= 3 {
		r.Discrepancies = []model.Discrepancy{{Kind: "number", Subject: "people stranded", Values: []model.DiscrepancyValue{{Value: "40"}, {Value: "60"}}}}
	}
	return r
}

func deskReporter(st IndexStore) Reporter {
	return Reporter{Build: deskBuild, Index: &Index{Store: st, Family: enrich.Family, Group: enrich.CorpusEntities}}
}

func (d *newsdesk) build(st ReportStore, ix IndexStore) error {
	_, err := BuildPending(context.Background(), st, deskReporter(ix))
	return err
}

// events lists a follow's events oldest first as "kind story detail".
func (d *newsdesk) events(f model.Follow) []string {
	d.t.Helper()
	evs, err := d.st.FollowEvents(context.Background(), f.ID, 100)
	if err != nil {
		d.t.Fatal(err)
	}
	var out []string
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		s := fmt.Sprintf("%s %d", e.Kind, e.StoryID)
		switch {
		case e.Outlet != "":
			s += " " + e.Outlet
		case e.Discrepancy != nil:
			s += " " + e.Discrepancy.Subject
		}
		out = append(out, s)
	}
	return out
}

func (d *newsdesk) follow(kind, target string) model.Follow {
	d.t.Helper()
	f, err := d.st.AddFollow(context.Background(), model.Follow{Kind: kind, Target: target, Label: target})
	if err != nil {
		d.t.Fatal(err)
	}
	return f
}

// TestFollowEvents: a follow sees what happens after it was made: a story
// newly naming the entity (or matching the words), another outlet in a
// story it matched, a new discrepancy; building again adds nothing.
func TestFollowEvents(t *testing.T) {
	ctx := context.Background()
	d := newNewsdesk(t)
	d.add("ferry", "Harbour Wire", "Mara Voss")
	if err := d.build(d.st, d.st); err != nil {
		t.Fatal(err)
	}
	found, err := d.st.FindEntities(ctx, enrich.SearchFamilies("Voss"), 5)
	if err != nil || len(found) != 1 {
		t.Fatalf("FindEntities(Voss) = %+v, %v", found, err)
	}
	voss := d.follow(model.FollowEntity, fmt.Sprint(found[0].ID))
	words := d.follow(model.FollowSearch, "orchestra Velden")
	line := d.follow(model.FollowStoryline, "1")

	d.add("ferry", "Fenmoor Post", "Voss")
	d.add("concert", "Harbour Wire", "Mara Voss")
	if err := d.build(d.st, d.st); err != nil {
		t.Fatal(err)
	}
	d.add("ferry", "Lumen News")
	if err := d.build(d.st, d.st); err != nil {
		t.Fatal(err)
	}
	if err := d.build(d.st, d.st); err != nil {
		t.Fatal(err)
	}
	want := []string{"outlet 1 Fenmoor Post", "story 2", "outlet 1 Lumen News", "discrepancy 1 people stranded"}
	if got := d.events(voss); !reflect.DeepEqual(got, want) {
		t.Errorf("entity follow events = %q, want %q", got, want)
	}
	if got := d.events(words); !reflect.DeepEqual(got, []string{"story 2"}) {
		t.Errorf("search follow events = %q", got)
	}
	if got := d.events(line); !reflect.DeepEqual(got, []string{"outlet 1 Fenmoor Post", "outlet 1 Lumen News", "discrepancy 1 people stranded"}) {
		t.Errorf("storyline follow events = %q", got)
	}
}

// failingIndex fails one chosen call once, as a crash there would stop
// the writer.
type failingIndex struct {
	*sqlite.DB
	failCommit, failClear bool
}

var errCrash = errors.New("crash")

func (f *failingIndex) CommitStoryEvents(ctx context.Context, e store.StoryEvents) error {
	if f.failCommit {
		f.failCommit = false
		return errCrash
	}
	return f.DB.CommitStoryEvents(ctx, e)
}

func (f *failingIndex) ClearPending(ctx context.Context, p store.PendingReport) error {
	if f.failClear {
		f.failClear = false
		return errCrash
	}
	return f.DB.ClearPending(ctx, p)
}

// TestFollowEventsSurviveCrashes: a writer that stops before the events
// are committed, or after but before the pending mark is cleared, leaves
// work the next build finishes: every event once.
func TestFollowEventsSurviveCrashes(t *testing.T) {
	for _, tc := range []struct {
		name          string
		commit, clear bool
	}{{"before the events", true, false}, {"after the events", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			d := newNewsdesk(t)
			d.add("ferry", "Harbour Wire", "Mara Voss")
			if err := d.build(d.st, d.st); err != nil {
				t.Fatal(err)
			}
			f := d.follow(model.FollowStoryline, "1")
			d.add("ferry", "Fenmoor Post")
			crashing := &failingIndex{DB: d.st, failCommit: tc.commit, failClear: tc.clear}
			if err := d.build(crashing, crashing); !errors.Is(err, errCrash) {
				t.Fatalf("build = %v, want the crash", err)
			}
			if err := d.build(d.st, d.st); err != nil {
				t.Fatal(err)
			}
			if got := d.events(f); !reflect.DeepEqual(got, []string{"outlet 1 Fenmoor Post"}) {
				t.Errorf("events = %q, want the one outlet once", got)
			}
			if p, _ := d.st.PendingReports(context.Background()); len(p) != 0 {
				t.Errorf("still pending: %+v", p)
			}
		})
	}
}

// TestIndexEqualsCorpusEntities: the records the index keeps, family by
// family, are what enrich.CorpusEntities gives over every article.
func TestIndexEqualsCorpusEntities(t *testing.T) {
	ctx := context.Background()
	d := newNewsdesk(t)
	d.add("ferry", "Harbour Wire", "Mara Voss", "Ilse Brandt")
	d.add("ferry", "Fenmoor Post", "Voss", "Brandt")
	d.add("concert", "Harbour Wire", "Wolodymyr Voss", "Ilse Brandt")
	d.add("concert", "Lumen News", "Brandt", "Teo Brandt")
	if err := d.build(d.st, d.st); err != nil {
		t.Fatal(err)
	}
	arts, err := d.st.ArticlesEnriched(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := enrich.CorpusEntities(arts)
	got, err := d.st.FindEntities(ctx, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("index has %d records, CorpusEntities %d: %+v", len(got), len(want), got)
	}
	byKey := map[string]model.CorpusEntity{}
	for _, e := range got {
		byKey[store.TypeKey(e.Type, e.Key)] = e.CorpusEntity
	}
	for _, w := range want {
		if g := byKey[store.TypeKey(w.Type, w.Key)]; !reflect.DeepEqual(g, w) {
			t.Errorf("record %s = %+v, want %+v", w.Key, g, w)
		}
	}
}

// TestIndexWithSelect: when the report compares a choice of a story's
// members, a member outside the choice still reaches the index, though
// the report is not rebuilt.
func TestIndexWithSelect(t *testing.T) {
	ctx := context.Background()
	d := newNewsdesk(t)
	d.add("ferry", "Harbour Wire", "Mara Voss")
	rep := deskReporter(d.st)
	rep.Select = firstOnly
	if _, err := BuildPending(ctx, d.st, rep); err != nil {
		t.Fatal(err)
	}
	d.add("ferry", "Fenmoor Post", "Ilse Brandt")
	d.add("ferry", "Lumen News", "Teo Marsh")
	built, err := BuildPending(ctx, d.st, rep)
	if err != nil {
		t.Fatal(err)
	}
	if built != 1 { // the choice went from complete to partial: one rebuild
		t.Errorf("rebuilt %d reports, want 1", built)
	}
	d.add("ferry", "Velden Daily", "Ada Quill")
	if built, err = BuildPending(ctx, d.st, rep); err != nil || built != 0 {
		t.Fatalf("a member outside the choice: rebuilt %d, %v; want 0", built, err)
	}
	got, err := d.st.FindEntities(ctx, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range got {
		names[e.Name] = true
	}
	for _, n := range []string{"Mara Voss", "Ilse Brandt", "Teo Marsh", "Ada Quill"} {
		if !names[n] {
			t.Errorf("the index lacks %s: %v", n, names)
		}
	}
}
