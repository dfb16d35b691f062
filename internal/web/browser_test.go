package web

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parallax/internal/enrich"
	"parallax/internal/follow"
)

var screenshots = flag.Bool("screenshots", false, "save screenshots of the main pages to docs/screenshots")

// chromium finds a Chromium or Chrome binary; without one the test skips,
// unless PARALLAX_REQUIRE_BROWSER=1.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PARALLAX_REQUIRE_BROWSER") == "1" {
		t.Fatal("no chromium binary found and PARALLAX_REQUIRE_BROWSER=1")
	}
	t.Skip("no chromium binary found (install Debian's chromium, or set PARALLAX_REQUIRE_BROWSER=1 to fail)")
	return ""
}

// browse starts a headless browser for the test. The deadline only keeps
// a broken browser from hanging the run; nothing is timed.
func browse(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// must(f())(t) returns f's value, failing t on its error.
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func TestBrowserStoryFlow(t *testing.T) {
	ctx := browse(t)
	db, damID := corpusStore(t)
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()

	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	rows := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("li.story-row"))))(t)
	if len(rows) < 4 {
		t.Fatalf("story list shows %d stories, want 4", len(rows))
	}
	link := chromedp.CSS(fmt.Sprintf(`a.story-title[href="/stories/%d"]`, damID))
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(link)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.matrix"))); err != nil {
		t.Fatal(err)
	}
	dots := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("table.matrix a.dot"))))(t)
	if len(dots) != 4+3+2+1+2 {
		t.Errorf("matrix shows %d dots, want 12", len(dots))
	}
	// Claims only one outlet reports are folded when there are many; open
	// them as a reader would.
	open := must(chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("details.singles").open`)))(t)
	if !open {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.singles > summary"))); err != nil {
			t.Fatal(err)
		}
	}
	only := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS("details.singles tr.partial .only"))))(t)
	if !strings.HasPrefix(only, "only ") {
		t.Errorf("partial row note = %q", only)
	}
	del := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".quote .diff del"))))(t)
	ins := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".quote .diff ins"))))(t)
	if del != "failed" || ins != "went wrong" {
		t.Errorf("quote variant diff: del %q, ins %q", del, ins)
	}
	circles := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("svg.tl circle.art"))))(t)
	if len(circles) != 4 {
		t.Errorf("timeline draws %d articles, want 4", len(circles))
	}
	// The stylesheet loads under the CSP: dots are round.
	radius := must(chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("a.dot")).borderRadius`)))(t)
	if radius != "50%" {
		t.Errorf("dot border-radius %q: the stylesheet did not apply", radius)
	}

	box := chromedp.CSS(`header form.search input[name="q"]`)
	if err := chromedp.Do(ctx, chromedp.SetValue(box, "Corvane inquiry")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Submit(box)); err != nil {
		t.Fatal(err)
	}
	hits := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ol.hits"))))(t)
	if !strings.Contains(strings.ToLower(hits), "inquiry") {
		t.Errorf("search results lack the inquiry: %.300s", hits)
	}
	loc := must(chromedp.Run(ctx, chromedp.Location()))(t)
	if !strings.Contains(loc, "/search?q=Corvane+inquiry") {
		t.Errorf("search went to %s", loc)
	}
}

func TestBrowserHostileArticleIsInert(t *testing.T) {
	ctx := browse(t)
	db, _ := corpusStore(t)
	id := putHostile(t, db)
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()
	for _, p := range []string{fmt.Sprintf("/articles/%d", id), fmt.Sprintf("/stories/%d", hostileStory), "/search?q=ferry"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+p)); err != nil {
			t.Fatal(err)
		}
		// Hover and click everything, so handlers would have fired.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("main *").forEach(e => {
			e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
			if (!e.closest("a, button, input") && typeof e.click === "function") e.click();
		})`)); err != nil {
			t.Fatal(err)
		}
		pwned := must(chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.pwned`)))(t)
		if pwned != "undefined" {
			t.Errorf("%s: hostile markup ran (window.pwned is %s)", p, pwned)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+fmt.Sprintf("/articles/%d", id))); err != nil {
		t.Fatal(err)
	}
	h1 := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS("article h1"))))(t)
	if !strings.HasPrefix(h1, "<script>window.pwned=1</script>") {
		t.Errorf("headline shown as %q, want the markup as text", h1)
	}
}

// TestScreenshots saves the main pages as PNGs: go test ./internal/web
// -run Screenshots -screenshots.
func TestScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to write docs/screenshots/*.png")
	}
	ctx := browse(t)
	db, damID := realCorpusStore(t)
	importOutlets(t, db, "../../examples/outlets.csv")
	ts := httptest.NewServer(newHandler(t, Config{Store: db, Token: followToken, Follows: db, Limits: Limits{ListTTL: -1}}))
	defer ts.Close()
	arts := must(db.StoryArticles(t.Context(), damID))(t)
	story := must(db.Story(t.Context(), damID))(t)
	person := must(db.FindEntities(t.Context(), enrich.SearchFamilies("Morrow"), 1))(t)
	postFollow(t, ts.URL, follow.Request{Kind: "entity", Target: "Morrow"})
	postFollow(t, ts.URL, follow.Request{Kind: "search", Target: "flood barrier"})
	ingestWith(t, db.Path(), true, "testdata/follow/morrow-barrier.jsonl")
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct{ name, path string }{
		{"stories", "/"},
		{"story", fmt.Sprintf("/stories/%d", damID)},
		{"article", fmt.Sprintf("/articles/%d", arts[0].ID)},
		{"search", "/search?q=Corvane+dam"},
		{"outlets", "/outlets"},
		{"storyline", fmt.Sprintf("/storylines/%d", story.StorylineID)},
		{"entity", fmt.Sprintf("/entities/%d", person[0].ID)},
		{"follows", "/follows"},
	}
	for _, s := range shots {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+s.path))
		if err != nil {
			t.Fatal(err)
		}
		png := must(chromedp.Run(ctx, chromedp.FullScreenshot(100)))(t)
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserRealReport opens the dam story as `parallax ingest` leaves it,
// with the comparison compare really built: the matrix, a quote variant
// with its diff, and names and quotes marked on an article.
func TestBrowserRealReport(t *testing.T) {
	ctx := browse(t)
	db, damID := realCorpusStore(t)
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/stories/%d", ts.URL, damID))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.matrix"))); err != nil {
		t.Fatal(err)
	}
	dots := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("table.matrix a.dot"))))(t)
	if len(dots) < 8 {
		t.Errorf("matrix shows %d dots; a four-outlet story should show shared claims", len(dots))
	}
	diffs := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(".quote .diff del, .quote .diff ins"))))(t)
	if len(diffs) == 0 {
		t.Error("no quote variant shows a word diff")
	}
	arts := must(db.StoryArticles(t.Context(), damID))(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/articles/%d", ts.URL, arts[0].ID))); err != nil {
		t.Fatal(err)
	}
	marks := must(chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(".q, .e-person, .e-place, .e-org"))))(t)
	if len(marks) == 0 {
		t.Error("the article page marks no names or quotes")
	}
}
