package cli

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

// hostileSite serves every way a URL input can fail.
func hostileSite(t *testing.T) *httptest.Server {
	t.Helper()
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/private/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>hidden</p>") })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/stalled", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(bytes.Repeat([]byte("<p>a</p>"), 3<<20)) // 24 MiB inflated
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(b.Bytes())
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { close(release); srv.Close() })
	return srv
}

func TestIngestEachBadURLKind(t *testing.T) {
	srv := hostileSite(t)
	cases := []struct{ path, reason string }{
		{"/missing", "HTTP 404 Not Found"},
		{"/broken", "HTTP 500 Internal Server Error"},
		{"/private/page", "disallowed by robots.txt"},
		{"/loop", "redirect"},
		{"/stalled", "timed out after 300ms"},
		{"/bomb", "body too large: over 16 MiB"},
		{"/image", "binary file"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			good := filepath.Join(copyInputs(t, "ferry.txt"), "ferry.txt")
			db := filepath.Join(t.TempDir(), "p.db")
			timeout := "2m" // generous: only the stalled page should time out
			if c.path == "/stalled" {
				timeout = "300ms"
			}
			_, stderr, err := run(t, "ingest", "--db", db, "--delay", "0", "--timeout", timeout, "--retries", "0", srv.URL+c.path, good)
			if !errors.Is(err, errSomeFailed) {
				t.Fatalf("err = %v; want errSomeFailed\n%s", err, stderr)
			}
			assertOneErrorLine(t, stderr, srv.URL+c.path, "")
			if !strings.Contains(stderr, c.reason) {
				t.Errorf("stderr lacks %q:\n%s", c.reason, stderr)
			}
			if n := len(exportArticles(t, db)); n != 1 {
				t.Errorf("stored %d articles; want only the good file", n)
			}
		})
	}
}

func TestIngestEachBadWARCKind(t *testing.T) {
	page := pageHTML(model.Article{Title: "Tide gauge replaced", Body: strings.Repeat("Engineers in the fictional harbour of Kelvik replaced the tide gauge on Thursday. ", 5)}, "")
	good := warcRecord("response", "https://kelvik.example/gauge", "application/http; msgtype=response", httpResponse("text/html", page))
	// A stored answer without Content-Length: cut short, its body would
	// read as a shorter page.
	unsized := warcRecord("response", "https://kelvik.example/tide", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+page)
	cases := []struct {
		name, data, input, reason string
		stored                    int
	}{
		{"truncated record", good[:len(good)-50], "", "WARC record 1 (https://kelvik.example/gauge) is cut short: the file ends after", 0},
		{"truncated record without Content-Length", unsized[:len(unsized)-50], "", "WARC record 1 (https://kelvik.example/tide) is cut short: the file ends after", 0},
		{"good record then one truncated", good + unsized[:len(unsized)-50], "", "WARC record 2 (https://kelvik.example/tide) is cut short", 1},
		{"bad Content-Length", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nbody\r\n\r\n", "", "bad or missing Content-Length", 0},
		{"no HTML records", warcRecord("response", "https://kelvik.example/logo", "application/http; msgtype=response", httpResponse("image/png", "\x89PNG")) +
			warcRecord("request", "https://kelvik.example/gauge", "application/http; msgtype=request", "GET /gauge HTTP/1.1\r\n\r\n"), "", "no HTML responses", 0},
		{"bad record after a good one", good + "WARC/1.0\r\nno colon here\r\n\r\n", "", "record 2: header line without a colon", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write("crawl.warc", []byte(c.data))(t, t.TempDir())
			goodFile := filepath.Join(copyInputs(t, "ferry.txt"), "ferry.txt")
			db := filepath.Join(t.TempDir(), "p.db")
			_, stderr, err := run(t, "ingest", "--db", db, p, goodFile)
			if !errors.Is(err, errSomeFailed) {
				t.Fatalf("err = %v; want errSomeFailed\n%s", err, stderr)
			}
			assertOneErrorLine(t, stderr, p+c.input, "")
			if !strings.Contains(stderr, c.reason) {
				t.Errorf("stderr lacks %q:\n%s", c.reason, stderr)
			}
			if n := len(exportArticles(t, db)); n != 1+c.stored {
				t.Errorf("stored %d articles; want %d", n, 1+c.stored)
			}
		})
	}
}

func warcRecord(typ, uri, ctype, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, ctype, len(block), block)
}

func httpResponse(ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ctype, len(body), body)
}

// A feed that is broken XML, or not a feed, is one error line; the good
// feed beside it is still read.
func TestWatchBrokenXMLFeed(t *testing.T) {
	good := brokenSite(t) // its /good.xml is a working feed
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/cut.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half`)
		case "/empty.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
		}
	}))
	defer bad.Close()
	db := filepath.Join(t.TempDir(), "p.db")
	run(t, "feeds", "add", "--db", db, "--allow-private", bad.URL+"/cut.xml", bad.URL+"/empty.xml", good.URL+"/good.xml")
	_, stderr, err := run(t, "watch", "--once", "--db", db, "--delay", "0", "--timeout", "2s", "--retries", "0")
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v; want errSomeFailed\n%s", err, stderr)
	}
	for _, u := range []string{bad.URL + "/cut.xml: ", bad.URL + "/empty.xml: "} {
		if strings.Count(stderr, "error: "+u) != 1 {
			t.Errorf("want one error line for %s:\n%s", u, stderr)
		}
	}
	if n := len(exportArticles(t, db)); n != 2 {
		t.Errorf("stored %d articles; want the good feed's 2", n)
	}
}

// A broken or empty OPML file is one error line; the URLs given beside it
// are still added, and the exit status says something failed.
func TestFeedsAddBadOPML(t *testing.T) {
	for _, c := range []struct{ name, data, reason string }{
		{"broken.opml", `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"`, "bad OPML"},
		{"empty.opml", `<opml version="2.0"><body></body></opml>`, "no feeds"},
		{"html.opml", `<html><body><p>not a list</p></body></html>`, "bad OPML"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := write(c.name, []byte(c.data))(t, t.TempDir())
			db := filepath.Join(t.TempDir(), "p.db")
			out, stderr, err := run(t, "feeds", "add", "--db", db, "--opml", p, "https://ledger.example/feed.xml")
			if !errors.Is(err, errSomeFailed) {
				t.Fatalf("err = %v; want errSomeFailed\n%s", err, stderr)
			}
			assertOneErrorLine(t, stderr, p, c.reason)
			if !strings.Contains(out, "1 feed added") {
				t.Errorf("the URL beside the OPML was not added:\n%s", out)
			}
		})
	}
	_, _, err := run(t, "feeds", "add", "--db", filepath.Join(t.TempDir(), "p.db"), "--opml", filepath.Join(t.TempDir(), "none.opml"))
	if err == nil || !strings.Contains(err.Error(), "none.opml") {
		t.Errorf("missing OPML: err = %v", err)
	}
}

// Malformed gold and label files for the eval commands fail with one
// message naming the file, before any store is touched.
func TestEvalMalformedGold(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	cases := []struct {
		args   []string
		file   string
		data   string
		reason string
	}{
		{[]string{"eval", "extract", "--gold"}, "gold.json", "{bad", "invalid character"},
		{[]string{"eval", "extract", "--gold"}, "gold.json", "", "unexpected end of JSON input"},
		{[]string{"eval", "extract", "--gold"}, "gold.json", "{}", "no documents"},
		{[]string{"eval", "clusters", "--db", db, "--labels"}, "labels.jsonl", "{\"id\": \"a\", \"event\": \"e\"}\nnot json\n", ":2: not JSON"},
		{[]string{"eval", "clusters", "--db", db, "--labels"}, "labels.jsonl", "{\"id\": \"a\"}\n", "needs id and event"},
		{[]string{"eval", "clusters", "--db", db, "--labels"}, "labels.jsonl", "\n", "no labels"},
		{[]string{"eval", "quotes", "--db", db, "--gold"}, "quotes.jsonl", "{\"id\": \"a\"}\n", "id and text are required"},
		{[]string{"eval", "quotes", "--db", db, "--gold"}, "quotes.jsonl", "[1]\n", "line 1"},
		{[]string{"eval", "quotes", "--db", db, "--gold"}, "quotes.jsonl", "", "no quotations"},
	}
	for _, c := range cases {
		p := write(c.file, []byte(c.data))(t, dir)
		_, _, err := run(t, append(c.args, p)...)
		if err == nil || errors.Is(err, ErrUsage) {
			t.Errorf("%v %q: err = %v; want a failure", c.args, c.data, err)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") || !strings.Contains(msg, p) || !strings.Contains(msg, c.reason) {
			t.Errorf("%v %q: err = %q; want one line naming the file and %q", c.args, c.data, msg, c.reason)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a bad gold file created the store %s", db)
	}
}

// A bad entry in an extraction gold is that page's note; the other pages
// are still scored and the gate fails.
func TestEvalExtractBadGoldEntry(t *testing.T) {
	dir := copyInputs(t, "ferry.txt", "harbour.html")
	gold := `{"ferry": {"body_lines": "21-17"}, "harbour": {"title": "Harbour bridge reopens after storm repairs"}}`
	p := write("gold.json", []byte(gold))(t, dir)
	out, _, err := run(t, "eval", "extract", "--gold", p)
	if !errors.Is(err, errGate) {
		t.Fatalf("err = %v; want the gate to fail", err)
	}
	if !strings.Contains(out, `bad line range "21-17"`) || !strings.Contains(out, "harbour ") || strings.Count(out, "bad line range") != 1 {
		t.Errorf("output:\n%s", out)
	}
}

// --db naming something that is not a SQLite database, or a PostgreSQL
// server that cannot be reached, fails with one line naming it, and does
// not damage what is there.
func TestBadStore(t *testing.T) {
	dir := t.TempDir()
	notDB := write("notes.db", []byte("these are my notes, not a database\n"))(t, dir)
	good := filepath.Join(copyInputs(t, "ferry.txt"), "ferry.txt")
	for _, c := range []struct{ db, reason string }{
		{notDB, "file is not a database"},
		{dir, "is a directory"},
		{filepath.Join(dir, "no", "such", "dir", "p.db"), "unable to open database file"},
		{"postgres://ana:s3cret@127.0.0.1:1/px?sslmode=disable", "connect"},
	} {
		for _, args := range [][]string{{"ingest", good}, {"stories"}, {"feeds", "list"}} {
			cmd := append([]string{args[0]}, args[1:]...)
			if cmd[0] == "feeds" {
				cmd = []string{"feeds", "list", "--db", c.db}
			} else {
				cmd = append([]string{cmd[0], "--db", c.db}, cmd[1:]...)
			}
			_, _, err := run(t, cmd...)
			if err == nil {
				t.Errorf("%q: no error", cmd)
				continue
			}
			msg := err.Error()
			name := strings.Replace(c.db, ":s3cret", "", 1)
			reason := c.reason
			if cmd[0] != "ingest" && strings.Contains(c.db, "no/such") {
				reason = "no such store" // a read command creates nothing
			}
			if strings.Contains(msg, "\n") || !strings.Contains(msg, name) || !strings.Contains(msg, reason) || strings.Contains(msg, "s3cret") {
				t.Errorf("%q: err = %q; want one line naming %s and %q", cmd, msg, name, reason)
			}
		}
	}
	if b, _ := os.ReadFile(notDB); string(b) != "these are my notes, not a database\n" {
		t.Errorf("the non-database file was changed: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left beside it: %v", entries)
	}
}

// --db naming another program's SQLite database is refused, and its
// tables are left as they were.
func TestForeignSQLiteDatabaseUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO messages (text) VALUES ('hello')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	good := filepath.Join(copyInputs(t, "ferry.txt"), "ferry.txt")
	_, _, err = run(t, "ingest", "--db", path, good)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a parallax database") {
		t.Fatalf("err = %v", err)
	}
	db, _ = sql.Open("sqlite", path)
	defer db.Close()
	var names []string
	rows, err := db.Query(`SELECT name FROM sqlite_master ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	if strings.Join(names, ",") != "messages" {
		t.Errorf("tables now %v; want only messages", names)
	}
}
