package compare

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// story makes n articles, article i from outlet i%outlets, ten a day.
func story(n, outlets int) []model.Article {
	out := make([]model.Article, n)
	day := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range out {
		out[i] = model.Article{ID: int64(i + 1), Outlet: fmt.Sprintf("Outlet %02d", i%outlets),
			Published: day.AddDate(0, 0, i/10).Format(time.DateOnly),
			Title:     fmt.Sprintf("Report %d", i), Body: fmt.Sprintf("The harbour of Velden reopened, report %d says.", i)}
	}
	return out
}

func ids(arts []model.Article) []int64 {
	out := make([]int64, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name        string
		arts        []model.Article
		dups        map[int64]int64
		want        int
		partial     bool
		firstOfEach bool
	}{
		{"small story: all", story(MaxCompared, 5), nil, MaxCompared, false, true},
		{"copies left out first", story(MaxCompared+1, 5), map[int64]int64{2: 1}, MaxCompared, false, false},
		{"large story: bounded", story(800, 10), nil, MaxCompared, true, true},
		{"more outlets than the bound: one each", story(800, MaxCompared+10), nil, MaxCompared, true, false},
		{"few outlets: their first and latest ranks", story(800, 3), nil, 4 + 3*9, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, partial := Select(tt.arts, tt.dups)
			if len(got) != tt.want || partial != tt.partial {
				t.Fatalf("Select chose %d (partial %v), want %d (%v)", len(got), partial, tt.want, tt.partial)
			}
			if !slices.IsSorted(ids(got)) {
				t.Errorf("not in ID order: %v", ids(got))
			}
			again, _ := Select(got, tt.dups)
			if !slices.Equal(ids(again), ids(got)) {
				t.Errorf("selecting again gave %v, want %v", ids(again), ids(got))
			}
			if tt.firstOfEach {
				checkFirstOfEachOutlet(t, tt.arts, got)
			}
			if last := got[len(got)-1].ID; partial && last <= int64(len(tt.arts)/2) {
				t.Errorf("the latest article compared is %d of %d: the story's second half is not compared", last, len(tt.arts))
			}
		})
	}
}

// checkFirstOfEachOutlet: every outlet's first article is compared.
func checkFirstOfEachOutlet(t *testing.T, all, chosen []model.Article) {
	t.Helper()
	first := map[string]int64{}
	for _, a := range all {
		if _, ok := first[a.Outlet]; !ok {
			first[a.Outlet] = a.ID
		}
	}
	for o, id := range first {
		if !slices.Contains(ids(chosen), id) {
			t.Errorf("%s's first article %d not compared", o, id)
		}
	}
}

// TestSelectStable: an article joining a large story changes the choice
// only when its outlet's count reaches a power of two.
func TestSelectStable(t *testing.T) {
	all := story(1000, 10)
	before, _ := Select(all[:600], nil)
	changes := 0
	for n := 601; n <= len(all); n++ {
		after, _ := Select(all[:n], nil)
		if !slices.Equal(ids(after), ids(before)) {
			changes++
		}
		before = after
	}
	t.Logf("the choice changed %d times in 400 additions", changes)
	if changes == 0 || changes > 10 { // each outlet reaches 64 articles once
		t.Errorf("the choice changed %d times in 400 additions, want 1 to 10", changes)
	}
}

// TestSelectFoldsRepeats: a page stored twice (other spacing, case) is
// compared once.
func TestSelectFoldsRepeats(t *testing.T) {
	arts := story(MaxCompared+1, MaxCompared+1)
	arts[1].Body = strings.ToUpper(arts[0].Body) + "  "
	arts[1].Title = arts[0].Title
	got, partial := Select(arts, nil)
	if !partial || len(got) != MaxCompared || slices.Contains(ids(got), 2) {
		t.Fatalf("Select = %v (partial %v): want the repeat 2 folded", ids(got), partial)
	}
}

// TestBuildLargeSaysWhatItCompared: the report of a story larger than
// the bound lists what it compared, and the Markdown says so.
func TestBuildLargeSaysWhatItCompared(t *testing.T) {
	arts := story(MaxCompared+20, 4)
	r := Build(model.Story{ID: 1}, arts)
	want, _ := Select(arts, nil)
	if !slices.Equal(r.Compared, ids(want)) {
		t.Fatalf("Compared = %v, want %v", r.Compared, ids(want))
	}
	for _, c := range r.Claims {
		for _, id := range c.ArticleIDs {
			if !slices.Contains(r.Compared, id) {
				t.Errorf("claim %q cites %d, which was not compared", c.Text, id)
			}
		}
	}
	var b bytes.Buffer
	if err := Markdown(&b, model.Story{ID: 1}, arts, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), fmt.Sprintf("reads %d of the %d articles", len(want), len(arts))) {
		t.Errorf("Markdown does not say what it compared:\n%s", b.String())
	}
	if small := Build(model.Story{ID: 1}, arts[:MaxCompared]); small.Compared != nil {
		t.Errorf("a story within the bound lists Compared = %v", small.Compared)
	}
}
