package gen

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
)

func collect(seed int64, n int) ([]model.Article, []Label) {
	var as []model.Article
	var ls []Label
	for a, l := range Stream(seed, n) {
		as = append(as, a)
		ls = append(ls, l)
	}
	return as, ls
}

func TestStreamDeterministic(t *testing.T) {
	a1, l1 := collect(7, 500)
	a2, l2 := collect(7, 500)
	if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(l1, l2) {
		t.Fatal("same seed, different streams")
	}
	a3, _ := collect(8, 500)
	if reflect.DeepEqual(a1, a3) {
		t.Fatal("different seeds, same stream")
	}
	// A shorter stream is a prefix of a longer one.
	a4, _ := collect(7, 200)
	if !reflect.DeepEqual(a1[:200], a4) {
		t.Fatal("stream of 200 is not a prefix of the stream of 500")
	}
}

func TestStreamShape(t *testing.T) {
	as, ls := collect(1, 3000)
	if len(as) != 3000 {
		t.Fatalf("got %d articles", len(as))
	}
	storyOf := make(map[int64]int64)
	sizes := make(map[int64]int)
	lines := make(map[int64]map[int64]bool)
	last, undated, dups := "", 0, 0
	for i, a := range as {
		l := ls[i]
		if a.ID != int64(i+1) {
			t.Fatalf("article %d has ID %d", i, a.ID)
		}
		if a.Title == "" || len(strings.Fields(a.Body)) < 50 || a.Outlet == "" {
			t.Fatalf("article %d is thin: %+v", a.ID, a)
		}
		if a.Published == "" {
			undated++
		} else {
			if a.Published < last {
				t.Fatalf("article %d published %s before %s", a.ID, a.Published, last)
			}
			last = a.Published
		}
		if l.DuplicateOf != 0 {
			dups++
			if storyOf[l.DuplicateOf] != l.Story {
				t.Fatalf("article %d copies %d from another story", a.ID, l.DuplicateOf)
			}
		}
		storyOf[a.ID] = l.Story
		sizes[l.Story]++
		if lines[l.Storyline] == nil {
			lines[l.Storyline] = make(map[int64]bool)
		}
		lines[l.Storyline][l.Story] = true
	}
	multi := 0
	for _, st := range lines {
		if len(st) > 1 {
			multi++
		}
	}
	t.Logf("3000 articles: %d stories, %d storylines (%d with several stories), %d undated, %d copies, days %s…%s",
		len(sizes), len(lines), multi, undated, dups, as[0].Published, last)
	if undated == 0 || dups == 0 || multi == 0 {
		t.Error("the stream lacks undated articles, copies or storylines with several stories")
	}
	if len(sizes) < 300 || len(sizes) > 900 {
		t.Errorf("%d stories for 3000 articles", len(sizes))
	}
}

func TestWordsDistinct(t *testing.T) {
	seen := make(map[string]int)
	for i := range vocabSize {
		w := vocabWord(i)
		if j, ok := seen[w]; ok && j != i {
			t.Logf("vocabulary words %d and %d spell %q", j, i, w)
		}
		seen[w] = i
	}
	if len(seen) < vocabSize*99/100 {
		t.Errorf("only %d distinct words of %d", len(seen), vocabSize)
	}
}

func BenchmarkStream(b *testing.B) {
	for b.Loop() {
		for range Stream(1, 1000) {
		}
	}
}

var dayClue = regexp.MustCompile(` on ([A-Z][a-z]+day|[A-Z][a-z]+ [0-9]{1,2})\.`)

// TestUndatedStorylines checks the options behind gen.UndatedStorylines:
// no published dates, some dated URLs and day clues, and chained events
// that share words with the event before them.
func TestUndatedStorylines(t *testing.T) {
	var as []model.Article
	var ls []Label
	for a, l := range UndatedStorylines().Stream(3, 2000) {
		as, ls = append(as, a), append(ls, l)
	}
	urls, clues := 0, 0
	for _, a := range as {
		if a.Published != "" {
			t.Fatalf("article %d is dated", a.ID)
		}
		if strings.Contains(a.URL, "/2024/") {
			urls++
		}
		if dayClue.MatchString(strings.SplitN(a.Body, "\n\n", 2)[0]) {
			clues++
		}
	}
	stories := map[int64]bool{}
	for _, l := range ls {
		stories[l.Story] = true
	}
	t.Logf("%d articles, %d stories, %d dated URLs, %d day clues", len(as), len(stories), urls, clues)
	if urls < len(as)/5 || urls > len(as)/2 || clues < len(as)/4 || clues > 3*len(as)/4 {
		t.Errorf("%d dated URLs and %d day clues in %d articles", urls, clues, len(as))
	}
}

func TestChainedEventsShareWords(t *testing.T) {
	w := newWorld(UndatedStorylines(), 5)
	prev := &story{event: []int{1, 2, 3, 4, 5, 6}, actors: []name{{"A", "B"}}, line: &storyline{places: []string{"P"}}}
	s := &story{line: prev.line}
	w.chainEvent(s, prev)
	kept := 0
	for i, e := range s.event {
		if e == prev.event[i] {
			kept++
		}
	}
	if kept != 3 || !reflect.DeepEqual(s.actors, prev.actors) {
		t.Errorf("chained event kept %d of 6 words, actors %v", kept, s.actors)
	}
}
