package fetch

import (
	"net/url"
	"testing"
	"time"
)

func TestRobotsAllowed(t *testing.T) {
	const file = `# a fictional site's rules
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private
Allow: /private/press
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: Parallax
User-agent: somebot
Disallow: /drafts/
Allow: /drafts/public
`
	tests := []struct {
		file, path string
		want       bool
	}{
		{file, "/news/harbour", true},
		{file, "/drafts/x", false},
		{file, "/drafts/public/y", true},
		{file, "/private/x", true}, // our own group replaces "*"
		{file, "/robots.txt", true},
		{"User-agent: *\nDisallow: /private\nAllow: /private/press", "/private/x", false},
		{"User-agent: *\nDisallow: /private\nAllow: /private/press", "/private/press/1", true},
		{"User-agent: *\nDisallow: /*.pdf$", "/a/b.pdf", false},
		{"User-agent: *\nDisallow: /*.pdf$", "/a/b.pdf?x=1", true},
		{"User-agent: *\nDisallow: /search?", "/search?q=port", false},
		{"User-agent: *\nDisallow: /search?", "/search", true},
		{"User-agent: *\nDisallow:", "/anything", true},
		{"User-agent: *\nDisallow: /", "/", false},
		{"", "/x", true},
		{"garbage without colons\n\n", "/x", true},
		{"User-agent: parallax/0.1\nDisallow: /", "/x", false},
		{"user-agent: *\ndisallow: /a # comment\nallow: /a$", "/a", true},
		{"User-agent: *\nDisallow: /a*b*c", "/a--b--c/d", false},
		{"User-agent: *\nDisallow: /a*b*c", "/a--b--", true},
	}
	for _, tt := range tests {
		r := parseRobots([]byte(tt.file), robotsToken)
		u, _ := url.Parse("http://site.example" + tt.path)
		if got := r.allowed(u); got != tt.want {
			t.Errorf("%q: allowed(%s) = %v; want %v", tt.file, tt.path, got, tt.want)
		}
	}
}

func TestRobotsCrawlDelay(t *testing.T) {
	r := parseRobots([]byte("User-agent: *\nCrawl-delay: 2.5\n"), robotsToken)
	if r.crawlDelay != 2500*time.Millisecond {
		t.Errorf("crawl delay = %v", r.crawlDelay)
	}
	r = parseRobots([]byte("User-agent: *\nCrawl-delay: 99999\n"), robotsToken)
	if r.crawlDelay != maxCrawlDelay {
		t.Errorf("crawl delay = %v; want capped", r.crawlDelay)
	}
}

func TestRobotsMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/x", true},
		{"/x", "/", false},
		{"/x$", "/x", true},
		{"/x$", "/xy", false},
		{"*", "/anything", true},
		{"/*/b$", "/a/b", true},
		{"/*/b$", "/a/b/c", false},
		{"/a**b", "/aXXb", true},
	}
	for _, tt := range tests {
		if got := robotsMatch(tt.pattern, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v; want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /p*$\nCrawl-delay: 1"), "/private/x?y")
	f.Add([]byte("User-agent: parallax\nDisallow: /****a*b*c$"), "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabc")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := parseRobots(data, robotsToken)
		u, err := url.Parse("http://h.example/" + path)
		if err != nil {
			return
		}
		r.allowed(u)
		for _, rule := range r.rules {
			robotsMatch(rule.pattern, path)
		}
	})
}
