package cli

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store"
	"parallax/internal/testshared"
)

// TestSeedsOutlets: the seeds with their outlets named by a registry CSV
// (fictional attributes) and `ingest --outlet` for the two dumps that
// carry no name or address: no "unknown outlet" or "article N" label in
// the export, the CLI or any page, and the main story (the three 11 May
// pieces) shows its balance by country.
func TestSeedsOutlets(t *testing.T) {
	seeds := testshared.Dir(t, "seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	seed := func(prefix string) string {
		m, err := filepath.Glob(filepath.Join(seeds, prefix+"_*.txt"))
		if err != nil || len(m) != 1 {
			t.Fatalf("seed %s: %v %v", prefix, m, err)
		}
		return m[0]
	}
	mustRun(t, "outlets", "import", "--db", db, "testdata/seeds-outlets.csv")
	mustRun(t, "ingest", "--quiet", "--db", db, seed("000"), seed("002"), seed("003"))
	mustRun(t, "ingest", "--quiet", "--db", db, "--outlet", "Dump Outlet A", seed("001"))
	mustRun(t, "ingest", "--quiet", "--db", db, "--outlet", "Dump Outlet B", seed("004"))

	texts := map[string]string{}
	for _, args := range [][]string{{"export"}, {"articles"}, {"stories"}, {"outlets", "list"}, {"export", "--format", "csv", "--text", "Putin"}} {
		out, _, err := run(t, append(args, "--db", db)...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		texts[strings.Join(args, " ")] = out
	}
	ts, st := serveStore(t, db)
	main := mainSeedStory(t, st)
	out, _, err := run(t, "story", "--db", db, fmt.Sprint(main))
	if err != nil {
		t.Fatal(err)
	}
	texts["story"] = out
	for _, path := range []string{"/", "/outlets", fmt.Sprintf("/stories/%d", main), "/search?q=Putin", "/api/stories"} {
		texts[path] = getBody(t, ts.URL+path)
	}
	for name, text := range texts {
		if strings.Contains(text, "unknown outlet") || strings.Contains(text, "(article ") {
			t.Errorf("%s names an outlet by its file or ID", name)
		}
	}
	page := texts[fmt.Sprintf("/stories/%d", main)]
	for _, want := range []string{`data-attribute="country"`, "XA 1", "XC 1", "XD 1"} {
		if !strings.Contains(page, want) {
			t.Errorf("the main story's page lacks %q (balance by country)", want)
		}
	}
	if !strings.Contains(texts["story"], "country    XA 1 (Al Mayadeen English)") {
		t.Errorf("parallax story %d shows no balance by country:\n%.600s", main, texts["story"])
	}
}

// mainSeedStory is the story of the three 11 May pieces.
func mainSeedStory(t *testing.T, st Store) int64 {
	t.Helper()
	stories, err := st.Stories(t.Context(), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if len(s.ArticleIDs) == 3 {
			return s.ID
		}
	}
	t.Fatalf("no three-article story among %d", len(stories))
	return 0
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %d, %v", url, res.StatusCode, err)
	}
	return string(b)
}
