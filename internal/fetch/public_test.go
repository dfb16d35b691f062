package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// countingServer answers every path with "page" and counts requests.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "page")
	})
	return srv, &hits
}

func port(t *testing.T, srv *httptest.Server) uint16 {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := netip.ParseAddrPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	return ap.Port()
}

// A PublicOnly request never reaches a private address, directly or
// through a redirect, even on a Fetcher that allows private addresses and
// holds an idle connection to that very server.
func TestPublicOnlyRefusesPrivateAddresses(t *testing.T) {
	internal, internalHits := countingServer(t) // robots.txt read by an open request
	unseen, unseenHits := countingServer(t)     // never read: robots.txt not cached
	public := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
		case "/to-unseen":
			http.Redirect(w, r, unseen.URL+"/secret", http.StatusFound)
		default:
			fmt.Fprint(w, "public page")
		}
	})
	publicPort := port(t, public)
	f := newFetcher(t, func(c *Config) {
		// The test's stand-in for the public internet is on loopback too.
		c.AddressKind = func(ap netip.AddrPort) string {
			if ap.Port() == publicPort {
				return ""
			}
			return PublicAddressKind(ap)
		}
	})
	ctx := context.Background()
	if _, err := f.Get(ctx, internal.URL+"/own"); err != nil {
		t.Fatalf("an open request to a private address: %v", err)
	}
	before := internalHits.Load()
	if resp, err := f.Fetch(ctx, Request{URL: public.URL + "/a", PublicOnly: true}); err != nil || string(resp.Body) != "public page" {
		t.Fatalf("public page: %v, %v", resp, err)
	}
	tests := []struct{ url, want string }{
		{internal.URL + "/secret", "refused to connect to 127.0.0.1 (loopback address)"},
		{unseen.URL + "/secret", "refused to connect to 127.0.0.1 (loopback address)"},
		{public.URL + "/to-internal", "redirected to " + internal.URL + "/secret: refused to connect to 127.0.0.1 (loopback address)"},
		{public.URL + "/to-unseen", "redirected to " + unseen.URL + "/secret: refused to connect to 127.0.0.1 (loopback address)"},
	}
	for _, tt := range tests {
		_, err := f.Fetch(ctx, Request{URL: tt.url, PublicOnly: true})
		wantErr(t, err, ErrPrivate, tt.url, tt.want)
		if err != nil && !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("message = %q; want it to end %q", err, tt.want)
		}
	}
	if n := internalHits.Load() - before; n != 0 {
		t.Errorf("the private server saw %d requests from PublicOnly ones; want none", n)
	}
	if n := unseenHits.Load(); n != 0 {
		t.Errorf("the unseen private server saw %d requests (robots.txt included); want none", n)
	}
}
