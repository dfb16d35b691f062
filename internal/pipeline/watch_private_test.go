package pipeline

import (
	"context"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"parallax/internal/fetch"
)

// publicFetcher allows private addresses like the CLI's, but counts the
// given loopback servers as public hosts: they stand for the internet.
func publicFetcher(t *testing.T, public ...*newsServer) *fetch.Fetcher {
	t.Helper()
	ports := map[uint16]bool{}
	for _, s := range public {
		u, _ := url.Parse(s.URL)
		ap, err := netip.ParseAddrPort(u.Host)
		if err != nil {
			t.Fatal(err)
		}
		ports[ap.Port()] = true
	}
	c := fetch.DefaultConfig()
	c.HostDelay, c.MaxRetries, c.AllowPrivate = 0, 0, true
	c.AddressKind = func(ap netip.AddrPort) string {
		if ports[ap.Port()] {
			return ""
		}
		return fetch.PublicAddressKind(ap)
	}
	f, err := fetch.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A public feed whose links lead to a private address, directly or
// through a redirect, stores nothing from them, not even the entries' own
// content; each refused entry is one error line. Allowed for that feed,
// the same links are followed.
func TestCheckFeedsRefusesLinksToPrivateAddresses(t *testing.T) {
	ctx := context.Background()
	internal := newNewsServer(t)
	summary := strings.Repeat("The harbour office of the fictional town of Wendmarsh published its winter timetable. ", 4)
	public := newNewsServer(t,
		item{link: "/a/1", published: march(3)},
		item{link: internal.URL + "/a/2", published: march(2), summary: summary},
		item{link: "/go/0", published: march(1), summary: summary},
	)
	public.redirects = []string{internal.URL + "/a/3"}
	st := openSQLite(t)
	feedURL := public.URL + "/feed.xml"
	if _, err := st.AddFeed(ctx, feedURL, ""); err != nil {
		t.Fatal(err)
	}
	var errs []string
	opt := WatchOptions{Fetcher: publicFetcher(t, public), Ingest: Options{OnEvent: func(ev Event) {
		if ev.Err != nil {
			errs = append(errs, ev.Err.Error())
		}
	}}}
	sum, err := CheckFeeds(ctx, st, opt)
	if err != nil || sum.Articles.New != 1 || sum.Articles.Failed != 2 {
		t.Fatalf("check = %+v, %v; want 1 new, 2 failed", sum, err)
	}
	if h := internal.take(); len(h) != 0 {
		t.Errorf("the private server got requests %v; want none, robots.txt included", h)
	}
	const refused = "refused to connect to 127.0.0.1 (loopback address)"
	want := []string{
		internal.URL + "/a/2: " + refused,
		public.URL + "/go/0: redirected to " + internal.URL + "/a/3: " + refused,
	}
	if len(errs) != len(want) {
		t.Fatalf("error lines %q; want one per refused entry", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i], w) || !strings.Contains(errs[i], "--allow-private") || strings.Contains(errs[i], "\n") {
			t.Errorf("error line %q; want one line starting %q with the hint", errs[i], w)
		}
	}
	as, _ := st.Articles(ctx)
	if len(as) != 1 || as[0].Source != public.URL+"/a/1" {
		t.Errorf("stored %d articles (%+v); want only the public page", len(as), as)
	}

	if err := st.SetFeedAllowPrivate(ctx, feedURL, true); err != nil {
		t.Fatal(err)
	}
	errs = nil
	sum, err = CheckFeeds(ctx, st, opt)
	if err != nil || sum.Articles.New != 2 || len(errs) != 0 {
		t.Errorf("allowed: %+v, %v, errors %q; want the 2 private pages stored", sum, err, errs)
	}
	if h := internal.take(); h["/a/2"] != 1 || h["/a/3"] != 1 {
		t.Errorf("allowed: private server requests %v", h)
	}
}
