package web

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// response is a complete answer, rendered once and sent as often as asked.
type response struct {
	status   int
	ctype    string
	body     []byte
	etag     string
	filename string // set: sent as a download of that name
}

func newResponse(status int, ctype string, body []byte) *response {
	sum := sha256.Sum256(body)
	return &response{status: status, ctype: ctype, body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// entryOverhead is what one entry costs besides its key and body (the
// list element, the map slot, the response header fields), so that a
// cache of many small answers stays within its bound too.
const entryOverhead = 256

func (r *response) size(key string) int64 { return int64(len(r.body) + len(key) + entryOverhead) }

// cache keeps rendered answers, least recently used dropped first, within
// a bound on bytes. Concurrent requests for a key that is missing wait
// for the first one's rendering instead of each rendering it: a burst of
// readers of one story costs one render.
type cache struct {
	max     int64 // bytes; 0 keeps nothing (but requests still share a render)
	now     func() time.Time
	mu      sync.Mutex
	size    int64
	order   *list.List // of *cacheEntry, most recently used first
	entries map[string]*list.Element
	flights map[string]*flight
	joined  int64 // requests that waited for another's rendering
}

type cacheEntry struct {
	key     string
	resp    *response
	expires time.Time // zero: until dropped for space
}

// flight is one rendering in progress that others wait for.
type flight struct {
	done chan struct{}
	resp *response
	err  error
}

func newCache(maxBytes int64, now func() time.Time) *cache {
	return &cache{max: max(maxBytes, 0), now: now, order: list.New(),
		entries: map[string]*list.Element{}, flights: map[string]*flight{}}
}

// lookup returns the answer stored under key, and whether it is still
// fresh. Called with mu held.
func (c *cache) lookup(key string) (*response, bool) {
	el, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*cacheEntry)
	return e.resp, e.expires.IsZero() || c.now().Before(e.expires)
}

// do returns the answer under key, rendering it with fill when missing or
// expired; ttl 0 keeps it until space is needed. While one request
// renders a key, the others wait for its answer, or, when an expired one
// is at hand, take that instead of waiting (its age is then at most ttl
// plus one rendering). Only 200 answers are kept. When the rendering a
// request waited for failed (its own client went away, say), the request
// renders for itself.
func (c *cache) do(ctx context.Context, key string, ttl time.Duration, fill func() (*response, error)) (*response, error) {
	c.mu.Lock()
	old, fresh := c.lookup(key)
	if fresh {
		c.mu.Unlock()
		return old, nil
	}
	if f, ok := c.flights[key]; ok {
		if old != nil {
			c.mu.Unlock()
			return old, nil
		}
		c.joined++
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.err == nil {
				return f.resp, nil
			}
			return fill()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	c.flights[key] = f
	c.mu.Unlock()

	f.resp, f.err = fill()
	c.mu.Lock()
	delete(c.flights, key)
	if f.err == nil && f.resp.status == 200 {
		c.put(key, f.resp, ttl)
	}
	c.mu.Unlock()
	close(f.done)
	return f.resp, f.err
}

// put stores r under key and drops the least recently used entries past
// the bound; an answer over an eighth of the bound is not kept (it would
// push out many others). Called with mu held.
func (c *cache) put(key string, r *response, ttl time.Duration) {
	n := r.size(key)
	if n > c.max/8 {
		return
	}
	if el, ok := c.entries[key]; ok {
		c.remove(el)
	}
	e := &cacheEntry{key: key, resp: r}
	if ttl > 0 {
		e.expires = c.now().Add(ttl)
	}
	c.entries[key] = c.order.PushFront(e)
	c.size += n
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

// remove drops one entry. Called with mu held.
func (c *cache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cacheEntry)
	delete(c.entries, e.key)
	c.size -= e.resp.size(e.key)
}

// cacheStats is what /healthz reports of the cache.
type cacheStats struct {
	Entries int   `json:"entries"`
	Bytes   int64 `json:"bytes"`
	Joined  int64 `json:"joined"` // requests that waited for another's rendering
}

func (c *cache) stats() cacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return cacheStats{Entries: len(c.entries), Bytes: c.size, Joined: c.joined}
}

// cached sends the answer under key, rendering it with fill on a miss;
// ttl 0 keeps it until space is needed, a negative ttl renders every time.
// A failed fill is answered as a store error (api: as JSON).
func (s *server) cached(w http.ResponseWriter, r *http.Request, api bool, key string, ttl time.Duration,
	fill func(ctx context.Context) (*response, error)) {
	ctx := r.Context()
	render := func() (*response, error) { return fill(ctx) }
	var resp *response
	var err error
	if ttl < 0 {
		resp, err = render()
	} else {
		resp, err = s.cache.do(ctx, key, ttl, render)
	}
	if err != nil {
		s.storeError(w, r, api, err)
		return
	}
	writeResponse(w, r, resp)
}

// storyVersion reads a story's row and names the state of everything its
// page shows: the row with its count of members (which changes as
// articles are placed, before the comparison is rebuilt; members are
// only ever added), the fingerprint its report was built from (which
// changes with any member's content, enrichment or duplicate mark), the
// outlet registry's version (its balance) and its index's fingerprint
// (its names). Two requests with one version get the same page, so it is
// rendered once. The row is read without its member IDs, so that naming
// the version costs the same for a story of any size.
func (s *server) storyVersion(ctx context.Context, id int64) (model.Story, string, error) {
	stories, err := s.cfg.Store.Stories(ctx, store.StoryQuery{ID: id, Summaries: true})
	if err != nil {
		return model.Story{}, "", err
	}
	if len(stories) == 0 {
		return model.Story{}, "", fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	st := stories[0]
	fp, err := s.cfg.Store.ReportFingerprint(ctx, id)
	if err != nil {
		return st, "", err
	}
	rk, err := s.registryKey(ctx) // the balance shows the outlets' attributes
	if err != nil {
		return st, "", err
	}
	// The names the page links come from the index, built after the
	// report (with the same fingerprint once current).
	idx, err := s.cfg.Store.IndexFingerprint(ctx, id)
	if err != nil {
		return st, "", err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return st, "", fmt.Errorf("story %d version: %w", id, err)
	}
	sum := sha256.Sum256(b)
	return st, fmt.Sprintf("%d:%s:%s:%s:%s", id, hex.EncodeToString(sum[:12]), fp, rk, idx), nil
}
