package fetch

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is read (RFC 9309 asks for at
// least 500 KiB).
const robotsMaxBytes = 512 << 10

// maxCrawlDelay bounds the Crawl-delay a site can impose on us.
const maxCrawlDelay = time.Minute

// robots holds the rules of one robots.txt that apply to us.
type robots struct {
	rules      []robotsRule
	crawlDelay time.Duration
	denyAll    bool // the file could not be read for a server error
}

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads a robots.txt (RFC 9309) and keeps the groups for
// agent, or those for "*" when no group names agent. Groups naming the
// same agent are merged; unknown lines are ignored.
func parseRobots(data []byte, agent string) *robots {
	agent = strings.ToLower(agent)
	var mine, star robots
	var inAgents bool       // the previous line was a user-agent line
	var forMe, forStar bool // the current group applies to us / to everyone
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		if key == "user-agent" {
			if !inAgents {
				forMe, forStar = false, false
			}
			inAgents = true
			name := strings.ToLower(val)
			forMe = forMe || name == agent || strings.HasPrefix(name, agent+"/")
			forStar = forStar || name == "*"
			continue
		}
		inAgents = false
		for _, g := range groupsFor(&mine, &star, forMe, forStar) {
			g.add(key, val)
		}
	}
	if len(mine.rules) > 0 || mine.crawlDelay > 0 {
		return &mine
	}
	return &star
}

func groupsFor(mine, star *robots, forMe, forStar bool) []*robots {
	var gs []*robots
	if forMe {
		gs = append(gs, mine)
	}
	if forStar {
		gs = append(gs, star)
	}
	return gs
}

func (r *robots) add(key, val string) {
	switch key {
	case "allow", "disallow":
		if val == "" {
			return // "Disallow:" with no path allows everything
		}
		r.rules = append(r.rules, robotsRule{allow: key == "allow", pattern: val})
	case "crawl-delay":
		if s, err := strconv.ParseFloat(val, 64); err == nil && s > 0 {
			r.crawlDelay = min(time.Duration(s*float64(time.Second)), maxCrawlDelay)
		}
	}
}

// robotsLine splits "Key: value # comment" into a lower-case key and value.
func robotsLine(line string) (key, val string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	k, v, ok := strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimSpace(k))
	if key == "useragent" || key == "user agent" {
		key = "user-agent"
	}
	return key, strings.TrimSpace(v), true
}

// allowed applies the longest matching rule to u's path and query; allow
// wins a tie. /robots.txt itself is always allowed.
func (r *robots) allowed(u *url.URL) bool {
	if r.denyAll {
		return false
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch reports whether pattern matches a prefix of path ('*' any
// run, '$' at the end anchors). Greedy with one backtrack point, so it is
// linear in practice and quadratic at worst, never exponential.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	if !anchored {
		pattern += "*"
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
