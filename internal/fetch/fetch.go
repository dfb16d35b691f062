// Package fetch is Parallax's one HTTP client for all network input: pages,
// feeds and robots.txt. It bounds every request (connect and total timeouts,
// body size after decompression, redirects), honours robots.txt, spaces
// requests to the same host, retries 429 and 5xx with backoff, sends
// conditional requests, and can refuse private addresses after DNS
// resolution.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// DefaultUserAgent names Parallax to the servers it reads.
const DefaultUserAgent = "parallax/0.1 (+https://parallax.example/bot)"

// robotsToken is the product token matched against robots.txt user-agent
// lines.
const robotsToken = "parallax"

// Config tunes a Fetcher. Start from DefaultConfig: a zero duration means
// zero (no delay), not "default".
type Config struct {
	UserAgent      string
	ConnectTimeout time.Duration // to establish the TCP (and TLS) connection
	Timeout        time.Duration // one attempt as a whole, body included
	MaxBytes       int64         // body cap, applied after decompression
	MaxRedirects   int           // redirects followed per request
	HostDelay      time.Duration // pause between requests to the same host
	MaxRetries     int           // extra attempts after a 429 or 5xx
	RetryBase      time.Duration // first backoff; doubles per retry
	MaxRetryWait   time.Duration // longest wait accepted (Retry-After included)
	RobotsTTL      time.Duration // how long a host's robots.txt is trusted
	IgnoreRobots   bool
	// AllowPrivate permits loopback, private and link-local addresses. The
	// CLI sets it (the user's own command); servers acting on requests
	// from others must not. A Request with PublicOnly is refused them
	// whatever this says.
	AllowPrivate bool
	// AddressKind decides which dialled addresses a refusing dial refuses:
	// it names the kind of a non-public one, "" for a public one. nil
	// means PublicAddressKind. Tests use it to let one loopback server
	// stand for a public host.
	AddressKind func(netip.AddrPort) string
}

// DefaultConfig is the polite configuration used by the CLI.
func DefaultConfig() Config {
	return Config{
		UserAgent:      DefaultUserAgent,
		ConnectTimeout: 10 * time.Second,
		Timeout:        30 * time.Second,
		MaxBytes:       16 << 20,
		MaxRedirects:   5,
		HostDelay:      time.Second,
		MaxRetries:     2,
		RetryBase:      time.Second,
		MaxRetryWait:   2 * time.Minute,
		RobotsTTL:      time.Hour,
	}
}

// Validate names the first bad field.
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.UserAgent) == "":
		return errors.New("fetch config: UserAgent is empty")
	case c.ConnectTimeout <= 0:
		return errors.New("fetch config: ConnectTimeout must be positive")
	case c.Timeout <= 0:
		return errors.New("fetch config: Timeout must be positive")
	case c.MaxBytes <= 0:
		return errors.New("fetch config: MaxBytes must be positive")
	case c.MaxRedirects < 0:
		return errors.New("fetch config: MaxRedirects is negative")
	case c.HostDelay < 0:
		return errors.New("fetch config: HostDelay is negative")
	case c.MaxRetries < 0:
		return errors.New("fetch config: MaxRetries is negative")
	case c.RetryBase < 0 || c.MaxRetryWait < 0 || c.RobotsTTL < 0:
		return errors.New("fetch config: RetryBase, MaxRetryWait and RobotsTTL must not be negative")
	}
	return nil
}

// Request is one GET. ETag and LastModified, when set, make it conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// PublicOnly refuses every address that is not public, for this
	// request, its redirects and its robots.txt, even when the Fetcher
	// allows private ones: for URLs that come from third parties, such as
	// a feed's links. The check is made on the address dialled, after DNS
	// resolution, and no proxy is used.
	PublicOnly bool
}

// Response is a successful answer: 2xx with its body, or 304.
type Response struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	Body         []byte // decompressed; nil when NotModified
	ETag         string
	LastModified string
	NotModified  bool
}

// Fetcher is safe for concurrent use.
type Fetcher struct {
	cfg    Config
	open   *lane // requests without PublicOnly
	public *lane // requests with PublicOnly; the same as open when AllowPrivate is false
	hosts  *hostGate
	robots *robotsCache
}

// lane is one connection pool and the clients over it. Requests that must
// reach only public addresses get a pool of their own: a connection to a
// private address opened for another request must never be reused for
// them.
type lane struct {
	page   *http.Client // redirects bounded, each target's robots.txt checked
	robots *http.Client // robots.txt: redirects bounded, not checked again
}

// New builds a Fetcher from cfg.
func New(cfg Config) (*Fetcher, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.AddressKind == nil {
		cfg.AddressKind = PublicAddressKind
	}
	f := &Fetcher{cfg: cfg, hosts: newHostGate(cfg.HostDelay), robots: newRobotsCache(cfg.RobotsTTL)}
	f.public = f.newLane(false)
	f.open = f.public
	if cfg.AllowPrivate {
		f.open = f.newLane(true)
	}
	return f, nil
}

func (f *Fetcher) newLane(allowPrivate bool) *lane {
	l := &lane{}
	t := newTransport(f.cfg, allowPrivate)
	l.page = &http.Client{Transport: t, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		return f.checkRedirect(l, req, via)
	}}
	l.robots = &http.Client{Transport: t, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > f.cfg.MaxRedirects {
			return &Error{Reason: "robots.txt: too many redirects", Err: ErrRedirects}
		}
		return nil
	}}
	return l
}

func (f *Fetcher) lane(req Request) *lane {
	if req.PublicOnly {
		return f.public
	}
	return f.open
}

func newTransport(cfg Config, allowPrivate bool) *http.Transport {
	d := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	if allowPrivate {
		t.Proxy = http.ProxyFromEnvironment
	} else {
		// The check runs on the address actually dialled, after DNS
		// resolution, so a name that re-resolves to 127.0.0.1 (DNS
		// rebinding) is caught; a proxy would dial for us, so none is used.
		d.Control = refuseNonPublic(cfg.AddressKind)
	}
	return t
}

// Get fetches url unconditionally.
func (f *Fetcher) Get(ctx context.Context, url string) (*Response, error) {
	return f.Fetch(ctx, Request{URL: url})
}

// Fetch performs req: robots.txt check, then attempts under the host's
// politeness gate, retrying 429 and 5xx. Every failure is an *Error.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, &Error{URL: req.URL, Reason: err.Error(), Err: ErrBadURL}
	}
	if !f.cfg.IgnoreRobots {
		if err := f.checkRobots(ctx, u, f.lane(req)); err != nil {
			return nil, withURL(err, req.URL)
		}
	}
	for attempt := 0; ; attempt++ {
		resp, err := f.attempt(ctx, u, req)
		if err == nil {
			return resp, nil
		}
		wait, retry := f.retryWait(err, attempt)
		if !retry {
			return nil, withURL(err, req.URL)
		}
		f.hosts.postpone(u.Host, wait)
	}
}

// parseURL accepts absolute http and https URLs only.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("bad URL: %v", errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q (want http or https)", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}
	u.Fragment = ""
	return u, nil
}

// attempt sends one request under the host gate and reads the answer.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	release, err := f.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, &Error{Reason: err.Error(), Err: err}
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Reason: err.Error(), Err: ErrBadURL}
	}
	hreq.Header.Set("User-Agent", f.cfg.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.lane(req).page.Do(hreq)
	if err != nil {
		return nil, redirectedTo(f.transportError(ctx, err), err, u)
	}
	defer resp.Body.Close()
	return f.read(ctx, resp)
}

// read turns an HTTP answer into a Response or an *Error.
func (f *Fetcher) read(ctx context.Context, resp *http.Response) (*Response, error) {
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Drain a little so the connection can be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, statusError(resp)
	}
	// The transport asked for gzip itself and undoes it, so this limit
	// counts decompressed bytes: a gzip bomb stops here.
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, f.transportError(ctx, err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, &Error{Reason: "body too large: over " + sizeString(f.cfg.MaxBytes), Err: ErrTooLarge}
	}
	out.Body = body
	return out, nil
}

// checkRedirect bounds redirects and checks each target's scheme and
// robots.txt (read through l, the lane of the first request).
func (f *Fetcher) checkRedirect(l *lane, req *http.Request, via []*http.Request) error {
	if len(via) > f.cfg.MaxRedirects {
		return &Error{Reason: fmt.Sprintf("stopped after %d redirects", f.cfg.MaxRedirects), Err: ErrRedirects}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &Error{Reason: "redirect to unsupported scheme " + req.URL.Scheme, Err: ErrBadURL}
	}
	if f.cfg.IgnoreRobots {
		return nil
	}
	if req.URL.Host == via[0].URL.Host {
		// Our own request holds this host's gate, so its robots.txt cannot
		// be fetched now; it was read before the first attempt.
		if rules := f.robots.cached(req.URL.Scheme + "://" + req.URL.Host); rules != nil && !rules.allowed(req.URL) {
			return &Error{Reason: "redirect to " + req.URL.String() + " disallowed by robots.txt", Err: ErrRobots}
		}
		return nil
	}
	return f.checkRobots(req.Context(), req.URL, l)
}
