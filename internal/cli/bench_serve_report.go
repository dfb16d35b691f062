package cli

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"time"
)

// loadReport is what the serving benchmark measured.
type loadReport struct {
	Config        loadConfig     `json:"-"`
	Elapsed       float64        `json:"elapsed_s"`
	Stories       int            `json:"stories_discovered"`
	Articles      int            `json:"articles_discovered"`
	Words         int            `json:"search_words"`
	Scheduled     int            `json:"scheduled"`
	NotSent       int            `json:"not_sent"` // at the outstanding bound
	Completed     int            `json:"completed"`
	ByStatus      map[string]int `json:"by_status"` // "200", "503", "timeout", …
	Errors        int            `json:"errors"`    // 4xx and 5xx but 503, no answer, not sent
	Shed          int            `json:"shed_503"`
	ShedShare     float64        `json:"shed_share"`
	P50MS         float64        `json:"p50_ms"`
	P95MS         float64        `json:"p95_ms"`
	P99MS         float64        `json:"p99_ms"`
	MaxMS         float64        `json:"max_ms"`
	Kinds         []kindLatency  `json:"kinds"`
	PeakRSSMB     float64        `json:"server_peak_rss_mb,omitempty"`
	RSSError      string         `json:"server_rss_error,omitempty"`
	ServerCPU     float64        `json:"server_cpu_s,omitempty"`      // CPU time the server used during the run
	ServerRunWait float64        `json:"server_run_wait_s,omitempty"` // time its threads waited for a CPU
	MeetsGoal     bool           `json:"meets_issue_11"`
}

// kindLatency is one kind of request's count and latency.
type kindLatency struct {
	Kind  string  `json:"kind"`
	Count int     `json:"count"`
	Shed  int     `json:"shed_503"`
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
}

// summarise counts the results by status and computes the percentiles
// over every request that was sent (one with no answer counts with the
// time it took to give up).
func summarise(results []loadResult, notSent int, elapsed time.Duration) loadReport {
	rep := loadReport{Elapsed: elapsed.Seconds(), NotSent: notSent, Completed: len(results),
		Scheduled: len(results) + notSent, ByStatus: map[string]int{}}
	var all []time.Duration
	byKind := map[string][]loadResult{}
	for _, r := range results {
		all = append(all, r.took)
		byKind[r.kind] = append(byKind[r.kind], r)
		key := strconv.Itoa(r.status)
		if r.status == 0 {
			key = r.failure
		}
		rep.ByStatus[key]++
		switch {
		case r.status == 503:
			rep.Shed++
		case r.status == 0 || r.status >= 400:
			rep.Errors++
		}
	}
	if notSent > 0 {
		rep.ByStatus["not sent"] = notSent
		rep.Errors += notSent
	}
	if rep.Scheduled > 0 {
		rep.ShedShare = float64(rep.Shed) / float64(rep.Scheduled)
	}
	rep.P50MS, rep.P95MS, rep.P99MS, rep.MaxMS = pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100)
	for kind, rs := range byKind {
		k := kindLatency{Kind: kind, Count: len(rs)}
		var ds []time.Duration
		for _, r := range rs {
			ds = append(ds, r.took)
			if r.status == 503 {
				k.Shed++
			}
		}
		k.P50MS, k.P99MS = pct(ds, 50), pct(ds, 99)
		rep.Kinds = append(rep.Kinds, k)
	}
	sort.Slice(rep.Kinds, func(i, j int) bool { return rep.Kinds[i].Count > rep.Kinds[j].Count })
	rep.MeetsGoal = rep.Scheduled > 0 && rep.Errors == 0 && rep.ShedShare < 0.01 && rep.P99MS < 250
	return rep
}

// pct is the p-th percentile in milliseconds (nearest rank).
func pct(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	i = min(max(i-1, 0), len(s)-1)
	return float64(s[i].Microseconds()) / 1000
}

func writeLoadText(w io.Writer, rep loadReport) {
	c := rep.Config
	fmt.Fprintf(w, "%s: %g requests/s for %s (at most %d outstanding, %s timeout), %.1f s\n",
		c.Base, c.Rate, c.Duration, c.Outstanding, c.Timeout, rep.Elapsed)
	fmt.Fprintf(w, "targets           %d stories, %d articles, %d search words\n", rep.Stories, rep.Articles, rep.Words)
	fmt.Fprintf(w, "requests          %d scheduled, %d answered, %d not sent (outstanding bound)\n",
		rep.Scheduled, rep.Completed, rep.NotSent)
	keys := make([]string, 0, len(rep.ByStatus))
	for k := range rep.ByStatus {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprint(w, "by status        ")
	for _, k := range keys {
		fmt.Fprintf(w, " %s: %d", k, rep.ByStatus[k])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "errors (not 503)  %d\n", rep.Errors)
	fmt.Fprintf(w, "shed (503)        %d (%.2f %%)\n", rep.Shed, 100*rep.ShedShare)
	fmt.Fprintf(w, "latency           p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
		rep.P50MS, rep.P95MS, rep.P99MS, rep.MaxMS)
	for _, k := range rep.Kinds {
		fmt.Fprintf(w, "  %-13s %6d  p50 %7.1f ms  p99 %7.1f ms  503: %d\n", k.Kind, k.Count, k.P50MS, k.P99MS, k.Shed)
	}
	switch {
	case rep.RSSError != "":
		fmt.Fprintf(w, "server peak RSS   unknown: %s\n", rep.RSSError)
	case c.PID > 0:
		fmt.Fprintf(w, "server peak RSS   %.0f MB (VmHWM of pid %d)\n", rep.PeakRSSMB, c.PID)
		fmt.Fprintf(w, "server CPU        %.1f s during the run (%.2f ms a request)\n",
			rep.ServerCPU, 1000*rep.ServerCPU/float64(max(rep.Completed, 1)))
		fmt.Fprintf(w, "server run wait   %.1f s waiting for a CPU (other processes' load)\n", rep.ServerRunWait)
	}
	verdict := "no"
	if rep.MeetsGoal {
		verdict = "yes"
	}
	fmt.Fprintf(w, "issue 11 target   %s (0 errors besides 503, 503 under 1 %%, p99 under 250 ms)\n", verdict)
}
