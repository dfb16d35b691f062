package compare

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"parallax/internal/model"
)

// TestDumpReports writes the reports of the BASIL stories, the seeds and
// the generated and repeated large stories as JSON files into
// COMPARE_REPORTS (a directory), so that two versions of the code can be
// diffed report by report: a development aid, skipped unless asked for.
//
//	COMPARE_REPORTS=/tmp/after go test ./internal/compare -run DumpReports
func TestDumpReports(t *testing.T) {
	dir := os.Getenv("COMPARE_REPORTS")
	if dir == "" {
		t.Skip("COMPARE_REPORTS not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, arts []model.Article) {
		r := Build(model.Story{ID: 1}, arts)
		raw, err := json.MarshalIndent(r, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".json"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, st := range loadBasil(t) {
		write(fmt.Sprintf("basil-%02d", i), st.arts)
	}
	write("seeds-istanbul", seedArticles(t, "000_", "001_", "004_"))
	for _, n := range []int{12, 24, 50} {
		write(fmt.Sprintf("gen-%d", n), largeGenStory(n))
		write(fmt.Sprintf("basil-large-%d", n), largeBasilStory(t, n))
	}
}
