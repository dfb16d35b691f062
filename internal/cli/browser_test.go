package cli

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parallax/internal/store"
	"parallax/internal/web"
)

// browser starts a headless Chromium for the test (skipping without one,
// unless PARALLAX_REQUIRE_BROWSER=1). The deadline only keeps a broken
// browser from hanging the run; nothing is timed.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("PARALLAX_REQUIRE_BROWSER") == "1" {
			t.Fatal("no chromium binary found and PARALLAX_REQUIRE_BROWSER=1")
		}
		t.Skip("no chromium binary found")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900))
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// serveStore serves the store at db as `parallax serve` would.
func serveStore(t *testing.T, db string) (*httptest.Server, Store) {
	t.Helper()
	st, err := openExistingStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h, err := web.New(web.Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, st
}

func mustRun(t *testing.T, args ...string) {
	t.Helper()
	if _, stderr, err := run(t, args...); err != nil {
		t.Fatalf("%q: %v\n%s", args, err, stderr)
	}
}

// TestBrowserOutlets: an outlet registry imported from CSV through the
// CLI shows on /outlets; a story's page shows its balance bar by country;
// the stories list's blind-spot filter keeps the story all of whose
// outlets share one country.
func TestBrowserOutlets(t *testing.T) {
	ctx := browser(t)
	db := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--quiet", "--db", db, "../../examples/corpus")
	mustRun(t, "outlets", "import", "--db", db, "../../examples/outlets.csv")
	// The inquiry story's three outlets then share one country.
	mustRun(t, "outlets", "edit", "--db", db, "--country", "XV", "The Meridian Herald")
	ts, st := serveStore(t, db)

	nav := func(path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+path)); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	nav("/outlets")
	table := text("table.outlets-table")
	for _, want := range []string{"Northgate Wire", "northgatewire.example", "agency", "XV", "XL", "cooperative"} {
		if !strings.Contains(table, want) {
			t.Errorf("/outlets lacks %q:\n%s", want, table)
		}
	}
	if n := eval(`document.querySelectorAll("tr.profile").length`); n != 5 {
		t.Errorf("/outlets shows %d profiles, want 5", n)
	}

	dam := storyOn(t, st, "2026-03-10")
	nav(fmt.Sprintf("/stories/%d", dam))
	rects := eval(`document.querySelectorAll('#balance .balance[data-attribute="country"] svg.bar rect').length`)
	legend := text(`#balance .balance[data-attribute="country"] .bvalues`)
	if rects < 2 || !strings.Contains(legend, "XV 2") || !strings.Contains(legend, "XM 1") || !strings.Contains(legend, "XL 1") {
		t.Errorf("country balance: %d segments, legend %q", rects, legend)
	}

	nav("/")
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`select[name="blindspot"]`), "country")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`form.filters`))); err != nil {
		t.Fatal(err)
	}
	titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("a.story-title")].map(a => a.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) != 1 || !strings.Contains(strings.ToLower(titles[0]), "inquiry") {
		t.Errorf("blind spots by country: %q, want the inquiry story alone", titles)
	}
	if badge := text("li.story-row .only-badge"); !strings.Contains(badge, "covered only by country XV") {
		t.Errorf("badge %q", badge)
	}
}

// storyOn finds the story first published on day.
func storyOn(t *testing.T, st Store, day string) int64 {
	t.Helper()
	stories, err := st.Stories(context.Background(), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if s.FirstPublished == day {
			return s.ID
		}
	}
	t.Fatalf("no story first published on %s", day)
	return 0
}
