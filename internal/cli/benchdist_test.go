package cli

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/store/pgtest"
)

// TestBenchDistributed runs the distributed benchmark small, with real
// worker and writer processes (this test binary as the command), both
// with the writer alongside the workers and started after them: every
// article stored and placed once, in the stories one process gives.
func TestBenchDistributed(t *testing.T) {
	db := pgtest.URL(t)
	t.Setenv(childEnv, "1") // the bench starts os.Executable() as workers and writer
	for _, after := range []bool{false, true} {
		t.Run(fmt.Sprintf("writer-after=%v", after), func(t *testing.T) {
			args := []string{"bench", "--distributed", "--db", db, "--n", "300", "--paced", "60", "--workers", "1,2", "--report-every", "1s"}
			if after {
				args = append(args, "--writer-after")
			}
			out, stderr, err := run(t, args...)
			if err != nil {
				t.Fatalf("bench: %v\n%s%s", err, out, stderr)
			}
			for _, w := range []int{1, 2} {
				want := fmt.Sprintf("%d worker(s): 360 articles stored", w)
				if !strings.Contains(out, want) {
					t.Errorf("want %q in\n%s", want, out)
				}
			}
			if n := len(regexp.MustCompile(`(?m)^[12] .* true\s*$`).FindAllString(out, -1)); n != 2 {
				t.Errorf("%d runs with the stories of one process; want 2 in\n%s", n, out)
			}
			if !strings.Contains(out, "worker throughput 2/1:") {
				t.Errorf("no 2/1 ratio in\n%s", out)
			}
		})
	}
}
