package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// Kinds of failure; test them with errors.Is on an *Error.
var (
	ErrBadURL    = errors.New("bad URL")
	ErrStatus    = errors.New("HTTP error status")
	ErrTimeout   = errors.New("timed out")
	ErrTooLarge  = errors.New("body too large")
	ErrRedirects = errors.New("too many redirects")
	ErrRobots    = errors.New("disallowed by robots.txt")
	ErrPrivate   = errors.New("private address refused")
	ErrNetwork   = errors.New("network error")
)

// Error is one failed fetch. Its message is one line: the URL, then the
// reason.
type Error struct {
	URL        string
	Status     int           // the HTTP status when the server answered, else 0
	Reason     string        // short and readable: "HTTP 404 Not Found", "timed out after 30s"
	RetryAfter time.Duration // from a 429 or 503's Retry-After header, else 0
	Err        error         // one of the Err* kinds, possibly joined with the cause
}

func (e *Error) Error() string {
	if e.URL == "" {
		return e.Reason
	}
	return e.URL + ": " + e.Reason
}

func (e *Error) Unwrap() error { return e.Err }

// withURL names the requested URL in err, which is always an *Error by the
// time it leaves the package.
func withURL(err error, u string) error {
	var fe *Error
	if errors.As(err, &fe) {
		c := *fe
		c.URL = u
		return &c
	}
	return &Error{URL: u, Reason: err.Error(), Err: err}
}

// statusError maps a non-2xx, non-304 answer to an *Error; the one place
// where status codes become errors.
func statusError(resp *http.Response) *Error {
	e := &Error{
		Status: resp.StatusCode,
		Reason: fmt.Sprintf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)),
		Err:    ErrStatus,
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
	}
	return e
}

// transportError shortens an error from the client or from reading the
// body. parent is the caller's context: when it ended, that is the reason.
func (f *Fetcher) transportError(parent context.Context, err error) *Error {
	var fe *Error
	var pe *privateError
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.As(err, &fe): // from checkRedirect
		return fe
	case parent.Err() != nil:
		return &Error{Reason: parent.Err().Error(), Err: parent.Err()}
	case errors.As(err, &pe):
		return &Error{Reason: pe.Error(), Err: ErrPrivate}
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return &Error{Reason: "timed out after " + f.cfg.Timeout.String(), Err: errors.Join(ErrTimeout, err)}
	case errors.As(err, &dnsErr):
		return &Error{Reason: "cannot resolve host " + dnsErr.Name + ": " + dnsErr.Err, Err: errors.Join(ErrNetwork, err)}
	case errors.Is(err, syscall.ECONNREFUSED):
		return &Error{Reason: "connection refused", Err: errors.Join(ErrNetwork, err)}
	case errors.As(err, &opErr):
		return &Error{Reason: opErr.Op + ": " + opErr.Err.Error(), Err: errors.Join(ErrNetwork, err)}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Error{Reason: err.Error(), Err: errors.Join(ErrNetwork, err)}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// sizeString prints a cap the way users set it.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// redirectedTo names the redirect target in a refusal met after a
// redirect, so the line says where the request was led. err is the
// client's error, whose URL is the request that failed.
func redirectedTo(fe *Error, err error, first *url.URL) *Error {
	var ue *url.Error
	if !errors.Is(fe, ErrPrivate) || !errors.As(err, &ue) || ue.URL == first.String() {
		return fe
	}
	fe.Reason = "redirected to " + ue.URL + ": " + fe.Reason
	return fe
}
