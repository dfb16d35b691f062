package web

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/gen"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// generatedStory stores n generated articles of one story from the given
// number of outlets as story 1, with its report and index built as a
// writer builds them.
func generatedStory(t testing.TB, n, outlets int) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "story.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	placeOneStory(t, db, gen.OneStory(16, n, outlets))
	build := func(s model.Story, arts []model.Article, dups map[int64]int64) model.Report {
		return compare.BuildWith(s, arts, compare.Options{Duplicates: dups})
	}
	index := &pipeline.Index{Store: db, Family: enrich.Family, Group: enrich.CorpusEntities}
	if built, err := pipeline.BuildPending(ctx, db, pipeline.Reporter{Select: compare.Select, Build: build, Index: index}); err != nil || built != 1 {
		t.Fatalf("report: built %d, %v", built, err)
	}
	return db
}

// TestLargeStoryPageMatchesWhole: the page of a story larger than a page
// of its list, read from its counts and one page of members, shows what
// the page read from all its members shows: the same outlets in the same
// order with the same counts, the same article list page by page, the
// same report with the same citations; only the timeline draws spans of
// dates instead of articles.
func TestLargeStoryPageMatchesWhole(t *testing.T) {
	ctx := context.Background()
	db := generatedStory(t, 130, 6)
	const per = 20
	s := &server{cfg: Config{Store: db}}
	st, _, err := s.storyVersion(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := optionalReport(ctx, db, 1)
	if err != nil || rep == nil {
		t.Fatalf("report: %v", err)
	}
	arts, dups, err := s.storyArticles(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 16 { // with the report and without; the seventh page is the last, the eighth past it
		n, rep := i%8+1, rep
		if i >= 8 {
			rep = nil
		}
		whole := buildStory(st, membersOf(arts, dups, articleHref(false)), rep, false)
		whole.pageArticles(n, per, "/stories/1")
		m, err := s.largeMembers(ctx, st, rep, n, per, "/stories/1")
		if err != nil {
			t.Fatal(err)
		}
		large := buildStory(st, m, rep, false)
		if !reflect.DeepEqual(large.Groups, whole.Groups) || large.ArticlesPage != whole.ArticlesPage {
			t.Errorf("page %d: articles %s %+v\nwant %s %+v", n, groupIDs(large.Groups), large.ArticlesPage, groupIDs(whole.Groups), whole.ArticlesPage)
		}
		lt, wt := large.Timeline, whole.Timeline
		if len(lt.Lanes) != len(wt.Lanes) || lt.Undated != wt.Undated || len(lt.EventMarks) != len(wt.EventMarks) {
			t.Errorf("page %d: timeline of %d lanes, %d undated; want %d, %d", n, len(lt.Lanes), lt.Undated, len(wt.Lanes), wt.Undated)
		}
		large.Timeline, whole.Timeline = timelineView{}, timelineView{}
		if !reflect.DeepEqual(large, whole) {
			t.Errorf("page %d: the view read a page at a time differs from the one read whole:\n%+v\nwant\n%+v", n, large, whole)
		}
	}
	m, err := s.largeMembers(ctx, st, rep, 1, per, "/stories/1")
	if err != nil {
		t.Fatal(err)
	}
	counted := 0
	for _, l := range buildStory(st, m, rep, false).Timeline.Lanes {
		for _, d := range l.Dots {
			if !strings.HasPrefix(d.Href, "/stories/1") || !strings.Contains(d.Title, "article") {
				t.Errorf("a large story's dot: %+v", d)
			}
			c := 1
			fmt.Sscanf(d.Title[strings.LastIndex(d.Title, ": ")+2:], "%d", &c)
			counted += c
			if (c == 1 && d.R != 4) || (c >= 8 && d.R != 10) {
				t.Errorf("a dot of %d articles has radius %d", c, d.R)
			}
		}
	}
	if counted != len(arts) {
		t.Errorf("the timeline's dots count %d articles, want %d", counted, len(arts))
	}
}

func groupIDs(gs []articleGroup) string {
	var out []string
	for _, g := range gs {
		var ids []int64
		for _, a := range g.Articles {
			ids = append(ids, a.ID)
		}
		out = append(out, fmt.Sprint(g.Outlet.Name, ids))
	}
	return fmt.Sprint(out)
}

// TestLargeStoryServed: a large story's page, its names page and its API
// each give a page of what they list and say where the rest is.
func TestLargeStoryServed(t *testing.T) {
	db := generatedStory(t, 130, 6)
	h := newHandler(t, Config{Store: db, storyPage: 20})

	_, body := get(t, h, "/stories/1?articles=3")
	for _, want := range []string{"130 articles from 6 outlets", "Articles 41–60 of 130", `href="/stories/1?articles=2#articles">earlier`,
		`href="/stories/1?articles=4#articles">more`, `class="matrix"`, "<svg"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<li id="a`); n != 20 {
		t.Errorf("story page lists %d articles, want 20", n)
	}
	names := regexp.MustCompile(`class="name e-[a-z]+" href="/entities/\d+"`)
	more := regexp.MustCompile(`<a class="more-names" href="/stories/1/names">and (\d+) more</a>`).FindStringSubmatch(body)
	head := body[strings.Index(body, `class="story-head"`):]
	shown := len(names.FindAllString(head[:strings.Index(head, "</header>")], -1))
	if more == nil || shown == 0 || shown > namesShown {
		t.Fatalf("story page: %d names, more %v; want at most %d and a link to the rest", shown, more, namesShown)
	}
	_, page := get(t, h, "/stories/1/names")
	var total int
	fmt.Sscan(more[1], &total)
	total += namesShown
	if !strings.Contains(page, fmt.Sprintf("1–%d of %d", min(total, namesPerPage), total)) {
		t.Errorf("names page does not count %d names:\n%.2000s", total, page)
	}
	if n := len(names.FindAllString(page, -1)); n < shown || n > total {
		t.Errorf("names page lists %d names, want %d to %d", n, shown, total)
	}

	var seen []int64
	next := "/api/stories/1"
	for next != "" {
		_, body := get(t, h, next)
		var out apiStoryOut
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		if out.Total != 130 || len(out.Articles) > 20 || out.Story.ArticleIDs != nil || out.Story.Articles != 130 || out.Report == nil {
			t.Fatalf("%s: total %d, %d articles, ids %v", next, out.Total, len(out.Articles), out.Story.ArticleIDs)
		}
		for _, a := range out.Articles {
			seen = append(seen, a.ID)
		}
		next = out.Next
	}
	refs, _ := db.StoryMembers(context.Background(), store.MemberQuery{StoryID: 1})
	if fmt.Sprint(seen) != fmt.Sprint(refIDsOf(refs)) {
		t.Errorf("the API's pages give %v\nwant %v", seen, refIDsOf(refs))
	}
}

func refIDsOf(rs []store.ArticleRef) []int64 {
	var ids []int64
	for _, r := range rs {
		ids = append(ids, r.Article.ID)
	}
	return ids
}

// BenchmarkLargeStoryPage renders the page of a generated story of 600
// articles from 40 outlets, its report comparing 32 of them (as any
// story's past 32), with the server's caches off:
//
//	go test ./internal/web -run X -bench LargeStoryPage -benchtime 50x
func BenchmarkLargeStoryPage(b *testing.B) {
	db := generatedStory(b, 600, 40)
	h := newHandler(b, Config{Store: db, Limits: Limits{CacheBytes: -1}})
	b.ResetTimer()
	for range b.N {
		if res, _ := get(b, h, "/stories/1"); res.StatusCode != 200 {
			b.Fatalf("status %d", res.StatusCode)
		}
	}
}
