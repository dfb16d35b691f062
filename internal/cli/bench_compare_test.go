package cli

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
)

// TestBenchCompare: `bench --compare N` builds one generated story's
// report and says how much of it was compared.
func TestBenchCompare(t *testing.T) {
	tests := []struct {
		n, outlets   int
		wantCompared func(int) bool
	}{
		{12, 5, func(c int) bool { return c == 12 }},
		{60, 40, func(c int) bool { return c > 0 && c < 60 }},
	}
	for _, tt := range tests {
		out, _, err := run(t, "bench", "--compare", strconv.Itoa(tt.n), "--outlets", strconv.Itoa(tt.outlets), "--runs", "1", "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var rep compareBench
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v in %s", err, out)
		}
		if rep.Articles != tt.n || !tt.wantCompared(rep.Compared) || len(rep.BuildCPUMS) != 1 || rep.ReportBytes == 0 {
			t.Errorf("bench --compare %d: %+v", tt.n, rep)
		}
	}
	if _, _, err := run(t, "bench", "--compare", "10", "--runs", "0"); !errors.Is(err, ErrUsage) {
		t.Errorf("--runs 0: %v, want a usage error", err)
	}
}
