package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/source"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// jsonlURLs reads the URLs of a JSONL file of records.
func jsonlURLs(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r source.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		urls = append(urls, r.URL)
	}
	return urls
}

// --write-jsonl writes the generated stream as records `ingest` reads, and
// --from continues the same stream.
func TestBenchWriteJSONL(t *testing.T) {
	dir := t.TempDir()
	all, head, tail := filepath.Join(dir, "all.jsonl"), filepath.Join(dir, "head.jsonl"), filepath.Join(dir, "tail.jsonl")
	for _, args := range [][]string{
		{"bench", "--write-jsonl", all, "--n", "60"},
		{"bench", "--write-jsonl", head, "--n", "40"},
		{"bench", "--write-jsonl", tail, "--from", "40", "--n", "60"},
	} {
		if _, stderr, err := run(t, args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
	}
	a, h, tl := jsonlURLs(t, all), jsonlURLs(t, head), jsonlURLs(t, tail)
	if len(a) != 60 || len(h) != 40 || len(tl) != 20 {
		t.Fatalf("wrote %d, %d, %d records; want 60, 40, 20", len(a), len(h), len(tl))
	}
	if strings.Join(append(h, tl...), " ") != strings.Join(a, " ") {
		t.Error("the first 40 and the next 20 are not the stream of 60")
	}
	db := filepath.Join(dir, "gen.db")
	if _, stderr, err := run(t, "ingest", "--db", db, "--quiet", head, tail); err != nil {
		t.Fatalf("ingest the generated records: %v\n%s", err, stderr)
	}
	if n := len(exportArticles(t, db)); n != 60 {
		t.Errorf("stored %d articles, want 60", n)
	}
	for _, bad := range [][]string{{"--from", "60", "--n", "60"}, {"--from", "-1"}} {
		if _, _, err := run(t, append([]string{"bench", "--write-jsonl", filepath.Join(dir, "x")}, bad...)...); !errors.Is(err, ErrUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}

// The load generator issues the whole mix at its rate against a real
// server over a generated store and counts every answer.
func TestBenchServe(t *testing.T) {
	dir := t.TempDir()
	records, db := filepath.Join(dir, "gen.jsonl"), filepath.Join(dir, "gen.db")
	if _, stderr, err := run(t, "bench", "--write-jsonl", records, "--n", "300"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if _, stderr, err := run(t, "ingest", "--db", db, "--quiet", records); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := web.New(web.Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()

	out, stderr, err := run(t, "bench", "--serve", ts.URL, "--rate", "200", "--duration", "1s",
		"--pid", strconv.Itoa(os.Getpid()), "--format", "json")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var rep loadReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Scheduled != 200 || rep.Completed+rep.NotSent != 200 {
		t.Errorf("scheduled %d, answered %d, not sent %d; want 200 scheduled, all accounted for", rep.Scheduled, rep.Completed, rep.NotSent)
	}
	if rep.Errors != 0 || rep.ByStatus["200"]+rep.Shed != rep.Completed {
		t.Errorf("errors %d, by status %v: want only 200s and 503s", rep.Errors, rep.ByStatus)
	}
	if len(rep.Kinds) != len(mixKinds) {
		t.Errorf("%d kinds of request, want the whole mix of %d", len(rep.Kinds), len(mixKinds))
	}
	if rep.PeakRSSMB <= 0 || rep.RSSError != "" {
		t.Errorf("peak RSS of this process: %.1f MB (%s)", rep.PeakRSSMB, rep.RSSError)
	}
}

func TestBenchServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--serve", "ftp://127.0.0.1/"},
		{"--serve", "http://127.0.0.1:1/", "--rate", "0"},
		{"--serve", "http://127.0.0.1:1/", "--duration", "-1s"},
		{"--serve", "http://127.0.0.1:1/", "--outstanding", "0"},
	} {
		if _, _, err := run(t, append([]string{"bench"}, args...)...); !errors.Is(err, ErrUsage) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// summarise counts 503s apart from errors and judges the target.
func TestSummariseLoad(t *testing.T) {
	ok := func(ms int) loadResult {
		return loadResult{kind: "story", status: 200, took: time.Duration(ms) * time.Millisecond}
	}
	shed := loadResult{kind: "story", status: 503, took: time.Millisecond}
	var fast []loadResult
	for range 1000 {
		fast = append(fast, ok(5))
	}
	tests := []struct {
		name    string
		results []loadResult
		notSent int
		errors  int
		shed    int
		meets   bool
	}{
		{"all fast 200s", fast, 0, 0, 0, true},
		{"a few 503s", append(append([]loadResult{}, fast[:995]...), shed, shed, shed, shed, shed), 0, 0, 5, true},
		{"too many 503s", append(append([]loadResult{}, fast[:980]...), repeat(shed, 20)...), 0, 0, 20, false},
		{"one 500", append(append([]loadResult{}, fast[:999]...), loadResult{status: 500}), 0, 1, 0, false},
		{"one timeout", append(append([]loadResult{}, fast[:999]...), loadResult{failure: "timeout"}), 0, 1, 0, false},
		{"one not sent", fast[:999], 1, 1, 0, false},
		{"slow tail", append(append([]loadResult{}, fast[:980]...), repeat(ok(300), 20)...), 0, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := summarise(tt.results, tt.notSent, time.Second)
			if rep.Errors != tt.errors || rep.Shed != tt.shed || rep.MeetsGoal != tt.meets {
				t.Errorf("errors %d, shed %d, meets %v; want %d, %d, %v", rep.Errors, rep.Shed, rep.MeetsGoal, tt.errors, tt.shed, tt.meets)
			}
		})
	}
}

func repeat(r loadResult, n int) []loadResult {
	out := make([]loadResult, n)
	for i := range out {
		out[i] = r
	}
	return out
}
