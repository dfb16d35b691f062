package cli

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"parallax/internal/fetch"
	"parallax/internal/model"
)

// treatAsPublic makes the CLI's fetcher count srv, a loopback server, as a
// public host for the rest of the test.
func treatAsPublic(t *testing.T, srv *httptest.Server) {
	t.Helper()
	u, _ := url.Parse(srv.URL)
	public, err := netip.ParseAddrPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	addressKind = func(ap netip.AddrPort) string {
		if ap == public {
			return ""
		}
		return fetch.PublicAddressKind(ap)
	}
	t.Cleanup(func() { addressKind = nil })
}

// A public feed whose entries lead to a loopback server, directly and
// through a redirect: nothing stored from them, one error line each, the
// private server never reached. feeds add --allow-private lets them
// through.
func TestWatchRefusesFeedLinksToPrivateAddresses(t *testing.T) {
	var internalHits atomic.Int32
	page := func(title string) string {
		return pageHTML(model.Article{Title: title, Body: strings.Repeat("The fictional Wendmarsh harbour board met on Monday and approved the new pier lights. ", 5)}, "")
	}
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		fmt.Fprint(w, page("Internal minutes "+r.URL.Path))
	}))
	defer internal.Close()
	summary := html.EscapeString("<p>" + strings.Repeat("A summary the feed carries for this entry, long enough to stand as an article. ", 4) + "</p>")
	var public *httptest.Server
	public = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed.xml":
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Public Wire</title>
<item><link>%[1]s/ok</link><guid>ok</guid></item>
<item><link>%[2]s/direct</link><guid>direct</guid><description>%[3]s</description></item>
<item><link>%[1]s/go</link><guid>redirect</guid><description>%[3]s</description></item>
</channel></rss>`, public.URL, internal.URL, summary)
		case "/go":
			http.Redirect(w, r, internal.URL+"/via-redirect", http.StatusFound)
		default:
			fmt.Fprint(w, page("Pier lights approved"))
		}
	}))
	defer public.Close()
	treatAsPublic(t, public)
	db := filepath.Join(t.TempDir(), "p.db")
	feed := public.URL + "/feed.xml"
	run(t, "feeds", "add", "--db", db, feed)

	out, stderr, err := watchOnce(t, db)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v; want errSomeFailed\n%s\n%s", err, out, stderr)
	}
	const refused = ": refused to connect to 127.0.0.1 (loopback address)"
	want := []string{
		"error: " + internal.URL + "/direct" + refused,
		"error: " + public.URL + "/go: redirected to " + internal.URL + "/via-redirect" + refused,
	}
	lines := errorLines(stderr)
	if len(lines) != len(want) {
		t.Fatalf("error lines:\n%s\nwant one per refused entry", strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error line %q; want it to start %q", lines[i], w)
		}
	}
	if !strings.Contains(out, "3 entries, 3 fetched: 1 new, 0 updated, 0 unchanged, 2 failed\n") {
		t.Errorf("feed line (no fallback for refused links):\n%s", out)
	}
	if as := exportArticles(t, db); len(as) != 1 || as[0].Title != "Pier lights approved" {
		t.Errorf("stored %+v; want only the public page", as)
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("the private server got %d requests; want none", n)
	}

	out, _, _ = run(t, "feeds", "add", "--db", db, "--allow-private", feed)
	if !strings.Contains(out, "known    "+feed+" (its links may reach private addresses)") {
		t.Errorf("feeds add --allow-private on a followed feed:\n%s", out)
	}
	if list, _, _ := run(t, "feeds", "list", "--db", db); !strings.Contains(list, "any") {
		t.Errorf("feeds list does not show the permission:\n%s", list)
	}
	if out, stderr, err := watchOnce(t, db); err != nil || !strings.Contains(out, "2 new articles") {
		t.Errorf("allowed: %v\n%s\n%s", err, out, stderr)
	}
}

func errorLines(stderr string) []string {
	var lines []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") {
			lines = append(lines, l)
		}
	}
	return lines
}
