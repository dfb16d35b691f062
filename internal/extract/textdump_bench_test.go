package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/cputime"
	"parallax/internal/source"
	"parallax/internal/testshared"
)

// BenchmarkTextDumps runs every extraction-dev text dump (w3m's and
// lynx's) end to end through extraction, from the file's bytes in memory
// to the article: kind detection, decoding, Document. One op is the whole
// set; dumps/s is the figure docs/PERFORMANCE.md records.
//
//	go test ./internal/extract -run '^$' -bench TextDumps -benchtime 20x -count 5 -cpu 1
func BenchmarkTextDumps(b *testing.B) {
	dir := testshared.Dir(b, "datasets", "extraction-dev")
	var files [][]byte
	for _, dumper := range []string{"text", "text-lynx"} {
		names, _ := filepath.Glob(filepath.Join(dir, dumper, "*.txt"))
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, data)
		}
	}
	var size int64
	for _, f := range files {
		size += int64(len(f))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	start, cpu := time.Now(), cputime.Process()
	for b.Loop() {
		for _, data := range files {
			extractDump(b, data)
		}
	}
	n := float64(b.N * len(files))
	b.ReportMetric(n/time.Since(start).Seconds(), "dumps/s")
	// On a shared machine the wall clock counts other jobs' time too; the
	// process's own CPU time does not.
	if c := cputime.Process() - cpu; c > 0 {
		b.ReportMetric(n/c.Seconds(), "dumps/cpu-s")
	}
}

func extractDump(b *testing.B, data []byte) {
	kind, err := source.Detect("dump.txt", data)
	if err != nil || kind != source.KindText {
		b.Fatalf("detect: %v %v", kind, err)
	}
	s, err := source.Decode(data, "")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Document(source.Doc{Source: "dump.txt", Kind: kind, Text: s}); err != nil && err != ErrNoContent {
		b.Fatal(err)
	}
}
