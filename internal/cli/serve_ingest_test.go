package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store/sqlite"
)

// TestServerIngestRefusesPrivateAndPaths: the server's write endpoint
// never fetches a loopback address and never reads a local path.
func TestServerIngestRefusesPrivateAndPaths(t *testing.T) {
	ctx := context.Background()
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><article><p>Secret intranet page.</p></article></body></html>"))
	}))
	defer srv.Close()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	si, err := newServerIngest(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := si.ingest(ctx, []string{"/etc/passwd"}); err == nil {
		t.Fatal("a local path was accepted")
	}
	out, err := si.ingest(ctx, []string{srv.URL + "/page"})
	if err != nil {
		t.Fatal(err)
	}
	res := out.(ingestResult)
	if res.Failed != 1 || res.New != 0 || len(res.Errors) != 1 || hits != 0 {
		t.Fatalf("loopback ingest = %+v, %d hits; want refused", res, hits)
	}
	if !strings.Contains(res.Errors[0], srv.URL) {
		t.Errorf("error %q does not name the URL", res.Errors[0])
	}
	if as, _ := st.Articles(ctx); len(as) != 0 {
		t.Errorf("stored %d articles", len(as))
	}
}
