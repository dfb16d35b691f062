package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The serving benchmark (`parallax bench --serve URL`): an open-loop load
// generator. Requests start on a fixed schedule (rate per second) whatever
// the server's answers, as independent readers would arrive; a bound on
// outstanding requests keeps the generator itself from collapsing when the
// server does, and a request that would pass that bound is counted as not
// sent rather than queued (a queue here would hide the server's delay).

// loadConfig is one serving benchmark.
type loadConfig struct {
	Base        string        // the server's root URL
	Rate        float64       // requests started per second
	Duration    time.Duration // how long to keep starting them
	Outstanding int           // most requests in flight at once
	Timeout     time.Duration // per request, including the body
	PID         int           // the server's process, for its peak RSS; 0: not read
	Seed        uint64        // picks the requests
}

// Validate names the first bad field.
func (c loadConfig) Validate() error {
	u, err := url.Parse(c.Base)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return fmt.Errorf("%w: --serve %q: want the server's http(s) URL", ErrUsage, c.Base)
	case c.Rate <= 0 || c.Rate > 100_000:
		return fmt.Errorf("%w: --rate %g: want 0 < rate <= 100000", ErrUsage, c.Rate)
	case c.Duration <= 0:
		return fmt.Errorf("%w: --duration %s: want a positive duration", ErrUsage, c.Duration)
	case c.Outstanding < 1:
		return fmt.Errorf("%w: --outstanding %d: want at least 1", ErrUsage, c.Outstanding)
	case c.Timeout <= 0:
		return fmt.Errorf("%w: --timeout %s: want a positive duration", ErrUsage, c.Timeout)
	}
	return nil
}

// loadResult is one request's outcome.
type loadResult struct {
	kind    string
	status  int    // 0 when no response came
	failure string // why no response came: "timeout", "connection"
	took    time.Duration
}

// runLoad issues the mix at cfg.Rate for cfg.Duration and waits for the
// answers.
func runLoad(ctx context.Context, cfg loadConfig) (loadReport, error) {
	client := &http.Client{Timeout: cfg.Timeout, Transport: &http.Transport{
		MaxIdleConns: cfg.Outstanding, MaxIdleConnsPerHost: cfg.Outstanding, IdleConnTimeout: 30 * time.Second,
	}}
	defer client.CloseIdleConnections()
	base := strings.TrimSuffix(cfg.Base, "/")
	t, err := discover(ctx, client, base)
	if err != nil {
		return loadReport{}, err
	}
	m := newMix(t, cfg.Seed)
	var (
		mu      sync.Mutex
		results []loadResult
		wg      sync.WaitGroup
	)
	slots := make(chan struct{}, cfg.Outstanding)
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	total := int(cfg.Duration.Seconds() * cfg.Rate)
	notSent := 0
	cpu0, _ := procCPU(cfg.PID)
	wait0, _ := procRunWait(cfg.PID)
	start := time.Now()
	for i := range total {
		if !sleepUntil(ctx, start.Add(time.Duration(i)*interval)) {
			break
		}
		kind, path := m.next()
		select {
		case slots <- struct{}{}:
		default:
			notSent++
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := fetchOnce(ctx, client, base+path, kind)
			<-slots
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
		}()
	}
	wg.Wait()
	rep := summarise(results, notSent, time.Since(start))
	rep.Config = cfg
	rep.Stories, rep.Articles, rep.Words = len(t.stories), len(t.articles), len(t.words)
	if cfg.PID > 0 {
		rep.PeakRSSMB, rep.RSSError = peakRSS(cfg.PID)
		if cpu1, err := procCPU(cfg.PID); err == nil {
			rep.ServerCPU = cpu1 - cpu0
		}
		if wait1, err := procRunWait(cfg.PID); err == nil {
			rep.ServerRunWait = wait1 - wait0
		}
	}
	return rep, ctx.Err()
}

// sleepUntil waits until t, false when ctx ends first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}

// fetchOnce makes one GET and reads the whole body.
func fetchOnce(ctx context.Context, client *http.Client, u, kind string) loadResult {
	start := time.Now()
	r := loadResult{kind: kind}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		r.failure = "request: " + err.Error()
		return r
	}
	res, err := client.Do(req)
	if err == nil {
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		r.status = res.StatusCode
	}
	r.took = time.Since(start)
	if err != nil {
		r.status, r.failure = 0, failureKind(err)
	}
	return r
}

func failureKind(err error) string {
	var ne interface{ Timeout() bool }
	switch {
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "connection"
}

// peakRSS reads the process's peak resident set (VmHWM) in MB.
func peakRSS(pid int) (float64, string) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err.Error()
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest) // "123456 kB"
			if len(f) >= 1 {
				kb, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return kb / 1024, ""
				}
			}
		}
	}
	return 0, "no VmHWM line in /proc/" + strconv.Itoa(pid) + "/status"
}

// procCPU reads the CPU time (user and system) a process has used, in
// seconds, from /proc/PID/stat (fields 14 and 15, in clock ticks of
// 1/100 s on Linux).
func procCPU(pid int) (float64, error) {
	if pid <= 0 {
		return 0, errors.New("no pid")
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:]) // the name may hold spaces
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	utime, err1 := strconv.ParseFloat(f[11], 64)
	stime, err2 := strconv.ParseFloat(f[12], 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("/proc/%d/stat: %w", pid, err)
	}
	return (utime + stime) / 100, nil
}

// procRunWait sums the time the process's threads spent runnable but
// waiting for a CPU (the second field of /proc/PID/task/*/schedstat, in
// ns), in seconds: on a shared machine, how much of the latency is other
// processes' doing. Threads that ended are not counted.
func procRunWait(pid int) (float64, error) {
	if pid <= 0 {
		return 0, errors.New("no pid")
	}
	paths, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(paths) == 0 {
		return 0, fmt.Errorf("no schedstat for pid %d", pid)
	}
	var ns float64
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // the thread ended
		}
		if f := strings.Fields(string(b)); len(f) >= 2 {
			v, _ := strconv.ParseFloat(f[1], 64)
			ns += v
		}
	}
	return ns / 1e9, nil
}

// targets are what the mix picks from, read from the server's own API.
type targets struct {
	stories  []int64 // newest first
	articles []int64
	words    []string // from story titles, for searches
}

// discover reads the first pages of /api/stories for story IDs and
// search words, and the first stories for article IDs (lists give a
// count, not the members).
func discover(ctx context.Context, client *http.Client, base string) (targets, error) {
	var t targets
	seen := map[string]bool{}
	for page := 1; page <= 20; page++ {
		var list struct {
			Stories []struct {
				ID    int64  `json:"id"`
				Title string `json:"title"`
			} `json:"stories"`
			Next string `json:"next"`
		}
		if err := getJSON(ctx, client, fmt.Sprintf("%s/api/stories?page=%d", base, page), &list); err != nil {
			return t, fmt.Errorf("discover the server's stories: %w", err)
		}
		for _, s := range list.Stories {
			t.stories = append(t.stories, s.ID)
			for _, w := range strings.Fields(strings.ToLower(s.Title)) {
				if len([]rune(w)) >= 4 && !seen[w] {
					seen[w] = true
					t.words = append(t.words, w)
				}
			}
		}
		if list.Next == "" {
			break
		}
	}
	for _, id := range t.stories[:min(len(t.stories), discoverStories)] {
		var story struct {
			Articles []struct {
				ID int64 `json:"id"`
			} `json:"articles"`
		}
		if err := getJSON(ctx, client, fmt.Sprintf("%s/api/stories/%d", base, id), &story); err != nil {
			return t, fmt.Errorf("discover the server's articles: %w", err)
		}
		for _, a := range story.Articles {
			t.articles = append(t.articles, a.ID)
		}
	}
	if len(t.stories) == 0 || len(t.articles) == 0 || len(t.words) == 0 {
		return t, errors.New("discover the server's stories: the store has no stories to ask for")
	}
	return t, nil
}

// discoverStories is how many stories discover reads for article IDs.
const discoverStories = 60

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return json.NewDecoder(io.LimitReader(res.Body, 64<<20)).Decode(v)
}

// mix is the fixed share of each kind of request. Stories are picked
// with a Zipf skew (a few popular stories get most readers, as on a news
// site), articles and search words uniformly.
type mix struct {
	t     targets
	r     *rand.Rand
	zipf  *rand.Zipf
	kinds []mixKind
	total int
}

type mixKind struct {
	name   string
	weight int
	path   func(m *mix) string
}

var mixKinds = []mixKind{
	{"list", 15, func(m *mix) string { return fmt.Sprintf("/?page=%d", 1+m.r.IntN(5)) }},
	{"list covered", 5, func(m *mix) string { return "/?sort=coverage" }},
	{"api list", 10, func(m *mix) string { return fmt.Sprintf("/api/stories?page=%d", 1+m.r.IntN(5)) }},
	{"story", 25, func(m *mix) string { return fmt.Sprintf("/stories/%d", m.story()) }},
	{"api story", 15, func(m *mix) string { return fmt.Sprintf("/api/stories/%d", m.story()) }},
	{"article", 12, func(m *mix) string { return fmt.Sprintf("/articles/%d", m.t.articles[m.r.IntN(len(m.t.articles))]) }},
	{"api article", 5, func(m *mix) string {
		return fmt.Sprintf("/api/articles/%d", m.t.articles[m.r.IntN(len(m.t.articles))])
	}},
	{"search", 8, func(m *mix) string { return "/search?q=" + url.QueryEscape(m.word()) }},
	{"api search", 3, func(m *mix) string { return "/api/search?q=" + url.QueryEscape(m.word()) }},
	{"outlets", 2, func(m *mix) string { return "/outlets" }},
}

func newMix(t targets, seed uint64) *mix {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	m := &mix{t: t, r: r, kinds: mixKinds, zipf: rand.NewZipf(r, 1.1, 1, uint64(len(t.stories)-1))}
	for _, k := range m.kinds {
		m.total += k.weight
	}
	return m
}

func (m *mix) story() int64 { return m.t.stories[m.zipf.Uint64()] }

func (m *mix) word() string { return m.t.words[m.r.IntN(len(m.t.words))] }

// next picks the next request's kind and path.
func (m *mix) next() (string, string) {
	n := m.r.IntN(m.total)
	for _, k := range m.kinds {
		if n < k.weight {
			return k.name, k.path(m)
		}
		n -= k.weight
	}
	panic("unreachable: weights add up to total")
}
