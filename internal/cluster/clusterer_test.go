package cluster

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// genArticles returns n generated articles and their labels.
func genArticles(seed int64, n int) ([]model.Article, []gen.Label) {
	var as []model.Article
	var ls []gen.Label
	for a, l := range gen.Stream(seed, n) {
		as = append(as, a)
		ls = append(ls, l)
	}
	return as, ls
}

func TestAssignKnownIDMovesNothing(t *testing.T) {
	arts, _ := genArticles(3, 300)
	c := New(DefaultConfig())
	first := make([]Assignment, len(arts))
	for i, a := range arts {
		first[i] = c.Assign(a)
	}
	before := c.Stories()
	for i, a := range arts {
		a.Body, a.Title = "Something else entirely, about other things and people.", "Other"
		if got := c.Assign(a); got != first[i] {
			t.Fatalf("re-assigning %d: %+v, first %+v", a.ID, got, first[i])
		}
	}
	if after := c.Stories(); !reflect.DeepEqual(before, after) || c.Len() != len(arts) {
		t.Fatal("re-assigning known articles changed the stories")
	}
}

func TestDeterministic(t *testing.T) {
	arts, _ := genArticles(4, 2000)
	run := func() ([]Assignment, []Story) {
		c := New(DefaultConfig())
		var as []Assignment
		for _, a := range arts {
			as = append(as, c.Assign(a))
		}
		return as, c.Stories()
	}
	a1, s1 := run()
	a2, s2 := run()
	if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(s1, s2) {
		t.Fatal("the same input order gave different results")
	}
	for i, s := range s1 {
		if s.ID != int64(i+1) {
			t.Fatalf("story %d has ID %d: IDs are not 1… in creation order", i, s.ID)
		}
	}
}

// TestRestoreContinues: a clusterer rebuilt from stored assignments decides
// the rest of the stream exactly as the original one does. The stream is
// long enough for stories to release their members (members.go) before the
// restart.
func TestRestoreContinues(t *testing.T) {
	n := 2 * (recentArrivals + 2*evictEvery)
	if testing.Short() {
		n = 3000
	}
	arts, _ := genArticles(5, n)
	half := len(arts) / 2
	orig := New(DefaultConfig())
	var stored []Assignment
	for _, a := range arts[:half] {
		stored = append(stored, orig.Assign(a))
	}
	restored := New(DefaultConfig())
	for i, a := range arts[:half] {
		if err := restored.Restore(a, stored[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range arts[half:] {
		if x, y := orig.Assign(a), restored.Assign(a); x != y {
			t.Fatalf("article %d: original %+v, restored %+v", a.ID, x, y)
		}
	}
	if !reflect.DeepEqual(orig.Stories(), restored.Stories()) {
		t.Fatal("stories differ after restoring")
	}
	if err := restored.Restore(arts[0], Assignment{ArticleID: 99}); err == nil {
		t.Error("a mismatched assignment was accepted")
	}
}

// lorem writes an invented report of n sentences about subject, from a
// seeded generator, so near-duplicate tests need no real text.
func lorem(seed uint64, subject string, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	words := strings.Fields("council vote budget harbour bridge strike tariff ferry vaccine drought flood court appeal election rally pension reform union miners grain export")
	var ps []string
	for p := 0; p < n/3; p++ {
		var b strings.Builder
		for range 3 {
			b.WriteString(subject)
			for range 14 {
				b.WriteString(" " + words[r.IntN(len(words))])
			}
			b.WriteString(". ")
		}
		ps = append(ps, b.String())
	}
	return strings.Join(ps, "\n\n")
}

func TestNearDuplicates(t *testing.T) {
	body := lorem(1, "Mayor Alvarez", 12)
	arts := []model.Article{
		{ID: 10, Title: "Alvarez council vote on harbour", Outlet: "Wire", Published: "2024-03-01", Body: body},
		// The same agency copy elsewhere: a credit line and a footer added.
		{ID: 11, Title: "Alvarez council vote on harbour", Outlet: "Daily", Published: "2024-03-01",
			Body: "(Daily) — " + body + "\n\nSubscribe to the Daily for more news every morning, all rights reserved."},
		// The first page saved twice: its last paragraph lost.
		{ID: 12, Title: "Alvarez council vote on harbour", Outlet: "Wire", Published: "2024-03-02",
			Body: body[:strings.LastIndex(body, "\n\n")]},
		// An independent report of the same event.
		{ID: 13, Title: "Harbour vote: Alvarez wins council", Outlet: "Post", Published: "2024-03-01",
			Body: lorem(2, "Mayor Alvarez", 12)},
	}
	c := New(DefaultConfig())
	var got []Assignment
	for _, a := range arts {
		got = append(got, c.Assign(a))
	}
	for i, want := range []int64{0, 10, 10, 0} {
		if got[i].DuplicateOf != want {
			t.Errorf("article %d: DuplicateOf %d, want %d", arts[i].ID, got[i].DuplicateOf, want)
		}
	}
	st := c.Stories()
	if len(st) != 1 {
		t.Fatalf("%d stories, want 1: %+v", len(st), st)
	}
	s := st[0]
	if s.Independent != 2 || s.IndependentOutlets != 2 || !slices.Equal(s.Outlets, []string{"Daily", "Post", "Wire"}) ||
		len(s.ArticleIDs) != 4 {
		t.Errorf("story %+v: want 4 articles, 2 independent from 2 outlets", s)
	}
	if s.FirstPublished.Format("2006-01-02") != "2024-03-01" || s.LastPublished.Format("2006-01-02") != "2024-03-02" || !s.Dated {
		t.Errorf("story spans %v–%v", s.FirstPublished, s.LastPublished)
	}
}

// TestWindowAndStoryline: the same subject a month later is a new story in
// the same storyline; two months after its window it is a new storyline.
func TestWindowAndStoryline(t *testing.T) {
	mk := func(id int64, seed uint64, day string) model.Article {
		return model.Article{ID: id, Title: "Mayor Alvarez and the harbour council vote", Outlet: "Wire", Published: day, Body: lorem(seed, "Mayor Alvarez", 9)}
	}
	c := New(DefaultConfig())
	a := c.Assign(mk(1, 1, "2024-03-01"))
	b := c.Assign(mk(2, 2, "2024-04-01"))
	d := c.Assign(mk(3, 3, "2025-03-01"))
	if a.StoryID == b.StoryID || b.StoryID == d.StoryID {
		t.Errorf("stories %d, %d, %d: a month apart is another story", a.StoryID, b.StoryID, d.StoryID)
	}
	if b.StorylineID != a.StorylineID {
		t.Errorf("storylines %d and %d: a month apart, same subject, should be one", a.StorylineID, b.StorylineID)
	}
	if d.StorylineID == a.StorylineID {
		t.Errorf("a year later should start another storyline")
	}
}

// TestSynthetic clusters a generated stream and checks the stories and
// storylines against the generator's truth, and the near-duplicates against
// its copies.
func TestSynthetic(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 1000
	}
	arts, labels := genArticles(42, n)
	c := New(DefaultConfig())
	gold := make(map[string]string)
	goldLines := make(map[string]string)
	var tp, fp, fn int
	for i, a := range arts {
		as, l := c.Assign(a), labels[i]
		gold[itoa(a.ID)] = itoa(l.Story)
		goldLines[itoa(a.ID)] = itoa(l.Storyline)
		switch {
		case as.DuplicateOf != 0 && l.DuplicateOf != 0:
			tp++
		case as.DuplicateOf != 0:
			fp++
		case l.DuplicateOf != 0:
			fn++
		}
	}
	p, r, f := eval.B3(c.Labels(), gold)
	lines := make(map[string]string)
	for _, s := range c.Stories() {
		for _, id := range s.ArticleIDs {
			lines[itoa(id)] = itoa(s.StorylineID)
		}
	}
	lp, lr, lf := eval.B3(lines, goldLines)
	t.Logf("%d articles, %d stories: B3 P=%.4f R=%.4f F1=%.4f; storylines B3 P=%.4f R=%.4f F1=%.4f; copies found %d, false %d, missed %d",
		n, len(c.Stories()), p, r, f, lp, lr, lf, tp, fp, fn)
	if f < 0.93 {
		t.Errorf("B3 F1 %.4f < 0.93 on the synthetic stream", f)
	}
	if fp > 0 || fn > tp/10 {
		t.Errorf("near-duplicates: %d found, %d false, %d missed", tp, fp, fn)
	}
}

// TestSelectTop: selection keeps the same top k (by weight, then term) as
// a full sort.
func TestSelectTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	key := func(x ranked) [2]float32 { return [2]float32{x.w, float32(x.t)} }
	for range 500 {
		n := 1 + r.IntN(60)
		ws := make([]ranked, n)
		for i := range ws {
			ws[i] = ranked{float32(r.IntN(8)), uint32(r.IntN(40)), int32(i)}
		}
		k := 1 + r.IntN(n)
		sorted := slices.Clone(ws)
		order := func(a, b ranked) int {
			switch {
			case a.before(b):
				return -1
			case b.before(a):
				return 1
			}
			return 0
		}
		slices.SortFunc(sorted, order)
		selectTop(ws, k)
		top := slices.Clone(ws[:k])
		slices.SortFunc(top, order)
		for i := range top {
			if key(top[i]) != key(sorted[i]) {
				t.Fatalf("n=%d k=%d: selected %v, want %v", n, k, top, sorted[:k])
			}
		}
	}
}
