package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"parallax/internal/fetch"
	"parallax/internal/model"
)

// Fetcher gets one URL; *fetch.Fetcher is the one Parallax uses.
type Fetcher interface {
	Fetch(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// NetOptions tune how http and https inputs are read.
type NetOptions struct {
	// Fetcher reads URLs; without one a URL input fails.
	Fetcher Fetcher
	// PublicOnly refuses URLs (and their redirects) that lead to private,
	// loopback or link-local addresses: set for URLs that come from
	// third parties, such as a feed's links (fetch.Request.PublicOnly).
	PublicOnly bool
	// KnownPage, when set, gives what an earlier ingest kept of a page (ok
	// false when nothing): a page with validators is then asked for
	// conditionally, and a 304 yields a Doc with NotModified set.
	KnownPage func(ctx context.Context, url string) (page model.FetchedPage, ok bool, err error)
	// Fallback, when set, may stand in for a page that could not be read:
	// it gets the URL and the reason, and returns a record to extract
	// instead (a feed entry's own content), or nil to report the failure.
	Fallback func(url string, err error) *Record
}

var (
	errNoFetcher = errors.New("URLs cannot be read here (no fetcher configured)")
	errIsFeed    = errors.New("this is a feed, not a page: add it with 'parallax feeds add URL'")
)

// IsURL reports whether an input names a web page rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// url fetches one page and yields it like a file read from disk, with the
// Content-Type header's charset as a hint for decoding. The document's
// Source is the URL as given.
func (r *reader) url(u string) bool {
	if r.opt.Fetcher == nil {
		return r.fail(u, errNoFetcher)
	}
	req := fetch.Request{URL: u, PublicOnly: r.opt.PublicOnly}
	known, conditional, err := r.known(u)
	if err != nil {
		return r.fail(u, err)
	}
	if conditional {
		req.ETag, req.LastModified = known.ETag, known.LastModified
	}
	resp, err := r.opt.Fetcher.Fetch(r.ctx, req)
	if err == nil && resp.NotModified {
		if conditional {
			return r.emit(Doc{Source: u, NotModified: true, Page: &known})
		}
		err = errors.New("server answered 304 Not Modified to an unconditional request")
	}
	if err != nil {
		if r.ctx.Err() != nil {
			return r.live()
		}
		return r.fetchFailed(u, fetchReason(err))
	}
	return r.fetched(u, resp)
}

// known looks up what an earlier ingest kept of u; conditional reports
// whether it has validators to send.
func (r *reader) known(u string) (page model.FetchedPage, conditional bool, err error) {
	if r.opt.KnownPage == nil {
		return page, false, nil
	}
	page, ok, err := r.opt.KnownPage(r.ctx, u)
	if err != nil {
		return page, false, fmt.Errorf("stored validators: %w", err)
	}
	return page, ok && (page.ETag != "" || page.LastModified != ""), nil
}

// fetchFailed reports a page that could not be used, unless the fallback
// offers a record in its place.
func (r *reader) fetchFailed(u string, err error) bool {
	if r.opt.Fallback != nil {
		if rec := r.opt.Fallback(u, err); rec != nil {
			return r.emit(Doc{Source: u, Kind: KindRecord, Record: rec})
		}
	}
	return r.fail(u, err)
}

// fetched classifies a fetched body: archives (gzip, WARC) go through the
// same path as files; pages are decoded with the server's charset.
func (r *reader) fetched(u string, resp *fetch.Response) bool {
	body := resp.Body
	if bytes.HasPrefix(body, gzipMagic) || isWARC(body) {
		return r.stream(u, bytes.NewReader(body), -1)
	}
	if looksFeed(body) {
		return r.fetchFailed(u, errIsFeed)
	}
	kind, err := Detect(urlName(u), body)
	if err != nil {
		return r.fetchFailed(u, err)
	}
	if kind == KindRecord {
		return r.jsonDocument(u, body)
	}
	text, warning, err := decodeReport(body, resp.ContentType)
	if err != nil {
		return r.fetchFailed(u, err)
	}
	page := &model.FetchedPage{URL: u, ETag: resp.ETag, LastModified: resp.LastModified}
	return r.emit(Doc{Source: u, Kind: kind, Text: text, Page: page, Warning: warning})
}

// fetchReason keeps only the reason of a fetch error: the InputError
// around it already names the URL.
func fetchReason(err error) error {
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return &reason{msg: fe.Reason, err: err}
	}
	return err
}

// urlName is the last path element of u, a file-name hint for Detect.
func urlName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return path.Base(p.Path)
}

// looksFeed reports whether a body is an RSS, Atom or RDF feed.
func looksFeed(b []byte) bool {
	s := skipProlog(bytes.TrimPrefix(b[:min(len(b), sniffLen)], bomUTF8))
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if hasPrefixFold(s, root) && tagEnds(s[len(root):]) {
			return true
		}
	}
	return false
}
