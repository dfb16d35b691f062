package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"parallax/internal/gen"
	"parallax/internal/source"
)

// writeGenJSONL writes articles from+1…n of the generated stream (seed) as
// JSONL records that `parallax ingest` reads, so a store of any size can be
// made from the generator; "-" is stdout. Writing --n 30000 and then
// --from 30000 --n 40000 gives the first 40,000 articles of one stream:
// that is how the serving benchmark feeds an ingest into a served store.
func writeGenJSONL(ctx context.Context, path string, seed int64, from, n int, stdout io.Writer) (int, error) {
	if path == "-" {
		return encodeGen(ctx, stdout, seed, from, n)
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("write jsonl: %w", err)
	}
	written, err := encodeGen(ctx, f, seed, from, n)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return written, fmt.Errorf("write jsonl %s: %w", path, err)
	}
	return written, nil
}

func encodeGen(ctx context.Context, w io.Writer, seed int64, from, n int) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	i, written := 0, 0
	for a := range gen.Stream(seed, n) {
		if i++; i <= from {
			continue
		}
		if written%1000 == 0 && ctx.Err() != nil {
			return written, ctx.Err()
		}
		rec := source.Record{URL: a.URL, Title: a.Title, Outlet: a.Outlet, Published: a.Published,
			Authors: a.Authors, Text: a.Body}
		if err := enc.Encode(rec); err != nil {
			return written, err
		}
		written++
	}
	return written, bw.Flush()
}
