package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"parallax/internal/compare"
	"parallax/internal/cputime"
	"parallax/internal/gen"
	"parallax/internal/model"
)

// compareBench is what `parallax bench --compare N` measures: the
// comparison of one generated story of N articles (gen.OneStory), on one
// goroutine, in CPU time (steadier than wall time on a shared machine).
type compareBench struct {
	Articles    int       `json:"articles"`
	Outlets     int       `json:"outlets"`
	Compared    int       `json:"compared"`
	Runs        int       `json:"runs"`
	BuildCPUMS  []float64 `json:"build_cpu_ms"`  // each run
	SelectCPUMS float64   `json:"select_cpu_ms"` // choosing again, as an article joins
	ReportBytes int       `json:"report_bytes"`
}

// benchCompare enriches the story (not timed), then builds its report
// runs times.
func benchCompare(ctx context.Context, n, outlets, runs int) (compareBench, error) {
	rep := compareBench{Articles: n, Outlets: outlets, Runs: runs}
	arts := gen.OneStory(1, n, outlets)
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		e := enrichArticle(arts[i])
		arts[i].Enrichment = &e
	}
	var r model.Report
	for range runs {
		cpu := cputime.Process()
		r = compare.Build(model.Story{ID: 1}, arts)
		rep.BuildCPUMS = append(rep.BuildCPUMS, ms(cputime.Process()-cpu))
	}
	const selects = 20
	cpu := cputime.Process()
	for range selects {
		compare.Select(arts, nil)
	}
	rep.SelectCPUMS = ms(cputime.Process()-cpu) / selects
	raw, err := json.Marshal(r)
	rep.ReportBytes, rep.Compared = len(raw), len(r.Compared)
	if r.Compared == nil {
		rep.Compared = n
	}
	return rep, err
}

func writeCompareBench(w io.Writer, rep compareBench) {
	sorted := slices.Sorted(slices.Values(rep.BuildCPUMS))
	median := sorted[len(sorted)/2]
	fmt.Fprintf(w, "compared %d of %d generated articles of one story from %d outlets\n", rep.Compared, rep.Articles, rep.Outlets)
	fmt.Fprintf(w, "build             %.1f ms CPU (median of %d: %v), %.3f ms per article\n", median, rep.Runs, rep.BuildCPUMS, median/float64(rep.Articles))
	fmt.Fprintf(w, "choosing again    %.1f ms CPU (an article that joins without changing the choice)\n", rep.SelectCPUMS)
	fmt.Fprintf(w, "report            %d bytes of JSON\n", rep.ReportBytes)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
