package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCtx runs the command line under ctx.
func runCtx(ctx context.Context, args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := Run(ctx, args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), err
}

// Ctrl-C (the context ending) while watch fetches the sixth page: what was
// stored is what the summary says, nothing failed, and the next run takes
// exactly the entries left. Both with --once and as a daemon.
func TestWatchInterruptedPrintsTrueSummaryAndLeavesTheRest(t *testing.T) {
	for _, mode := range [][]string{{"--once"}, {"--interval", "1m"}} {
		t.Run(mode[0], func(t *testing.T) {
			site := newNewsSite(t, 10)
			db := filepath.Join(t.TempDir(), "p.db")
			run(t, "feeds", "add", "--db", db, "--allow-private", site.URL+"/feed.xml")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			site.onPage = func(i int) {
				if i == 5 {
					// Reading runs ahead of storing: on a busy machine the
					// first pages may not be stored yet. Hold this page
					// until one is, so the interrupt falls mid-run.
					for range 600 {
						if n, _ := countArticles(db); n > 0 {
							break
						}
						time.Sleep(50 * time.Millisecond)
					}
					cancel()
				}
			}
			args := append(append([]string{"watch", "--db", db, "--quiet"}, fast...), mode...)
			out, stderr, err := runCtx(ctx, args...)
			site.onPage = nil
			if mode[0] == "--once" && (!errors.Is(err, context.Canceled) || errors.Is(err, errSomeFailed)) || mode[0] != "--once" && err != nil {
				t.Fatalf("err = %v\n%s\n%s", err, out, stderr)
			}
			if lines := errorLines(stderr); len(lines) != 0 {
				t.Errorf("an interrupt is not a failure:\n%s", stderr)
			}
			stored := len(exportArticles(t, db))
			want := fmt.Sprintf("interrupted: checked 1 of 1 feeds (0 not modified, 0 failed): %d new articles, 0 updated, 0 failed; %d left for later checks", stored, 10-stored)
			if stored == 0 || stored > 6 || !strings.Contains(out, want) {
				t.Fatalf("%d stored; output:\n%s\nwant %q", stored, out, want)
			}
			site.requests()
			out, stderr, err = watchOnce(t, db)
			if err != nil || !strings.Contains(out, fmt.Sprintf("10 entries, %d fetched: %d new, 0 updated, 0 unchanged, 0 failed\n", 10-stored, 10-stored)) {
				t.Errorf("next run: %v\n%s\n%s", err, out, stderr)
			}
			if h := site.requests(); h["/a/0"] != 0 {
				t.Errorf("next run refetched a stored entry: %v", h)
			}
		})
	}
}

// countArticles counts a store's articles without failing a test (it is
// called from a server's handler).
func countArticles(db string) (int, error) {
	st, err := openStore(context.Background(), db)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	s, err := st.Status(context.Background())
	return s.Articles, err
}
