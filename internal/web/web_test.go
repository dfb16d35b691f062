package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestPagesOverCorpus(t *testing.T) {
	db, damID := corpusStore(t)
	h := newHandler(t, Config{Store: db})
	tests := []struct {
		target string
		status int
		want   []string
		not    []string
	}{
		{"/", 200, []string{"Stories", "Horror in the Hesk Valley", "Wren-1"}, nil},
		{"/?sort=coverage", 200, []string{"Most covered"}, nil},
		{"/?outlet=Northgate+Wire", 200, []string{"Horror in the Hesk", "Kastrovo"}, []string{"Wren-1"}},
		{"/?since=2026-03-19&until=2026-03-20", 200, []string{"Kastrovo summit"}, []string{"Wren-1", "Hesk"}},
		{"/?q=satellite", 200, []string{"Wren-1"}, []string{"Hesk"}},
		{fmt.Sprintf("/stories/%d", damID), 200, []string{`class="matrix"`, "only The Coastal Observer", "<del>failed</del>",
			"<ins>went wrong</ins>", "people killed", "Rhea Calloway", "<svg", "Heavy rain begins", "terrifying", "Articles by outlet"}, nil},
		{"/articles/1", 200, []string{"Source:", "Part of <a href=\"/stories/"}, nil},
		{"/outlets", 200, []string{"Northgate Wire", "Lumen News Network"}, nil},
		{"/search?q=Corvane+dam", 200, []string{`class="hit"`, "Articles"}, nil},
		{"/search", 200, []string{"Type words"}, nil},
		{"/static/style.css", 200, []string{".matrix"}, nil},
		{"/stories/999999", 404, []string{"Nothing is stored"}, nil},
		{"/stories/abc", 404, nil, nil},
		{"/articles/0", 404, nil, nil},
		{"/nowhere", 404, []string{"no page at this address"}, nil},
		{"/?since=yesterday", 400, []string{"want a day"}, nil},
		{"/?page=0", 400, nil, nil},
		{"/?sort=random", 400, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, body := get(t, h, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body:\n%.500s", res.StatusCode, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("body holds %q", w)
				}
			}
		})
	}
}

func TestStoryWithoutReport(t *testing.T) {
	db, damID := corpusStore(t)
	h := newHandler(t, Config{Store: db})
	for id := int64(1); id < 10; id++ {
		if id == damID {
			continue
		}
		res, body := get(t, h, fmt.Sprintf("/stories/%d", id))
		if res.StatusCode != 200 {
			t.Fatalf("story %d: status %d", id, res.StatusCode)
		}
		if !strings.Contains(body, "has not been built yet") || strings.Contains(body, `class="matrix"`) {
			t.Errorf("story %d without a report: want the note and no matrix", id)
		}
		return
	}
}

func TestAPI(t *testing.T) {
	db, damID := corpusStore(t)
	h := newHandler(t, Config{Store: db, PageSize: 2})

	res, body := get(t, h, "/api/stories")
	var list apiList
	if err := json.Unmarshal([]byte(body), &list); err != nil || res.StatusCode != 200 {
		t.Fatalf("stories: %d %v", res.StatusCode, err)
	}
	if len(list.Stories) != 2 || list.Next != "/api/stories?page=2" {
		t.Errorf("page 1: %d stories, next %q", len(list.Stories), list.Next)
	}
	_, body = get(t, h, list.Next)
	var page2 apiList
	json.Unmarshal([]byte(body), &page2)
	if page2.Page != 2 || len(page2.Stories) == 0 || page2.Stories[0].ID == list.Stories[0].ID {
		t.Errorf("page 2 = %+v", page2)
	}

	_, body = get(t, h, fmt.Sprintf("/api/stories/%d", damID))
	var st apiStoryOut
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	if st.Story.ID != damID || len(st.Articles) != 4 || st.Report == nil || len(st.Report.Claims) != 5 {
		t.Errorf("story: %+v", st)
	}

	_, body = get(t, h, "/api/articles/1")
	var art apiArticleOut
	if err := json.Unmarshal([]byte(body), &art); err != nil || art.Article.ID != 1 || art.Article.Body == "" || art.StoryID == 0 {
		t.Errorf("article: %v %+v", err, art)
	}

	_, body = get(t, h, "/api/search?q=Corvane")
	var sr apiSearchOut
	if err := json.Unmarshal([]byte(body), &sr); err != nil || len(sr.Articles) == 0 || len(sr.Stories) == 0 {
		t.Errorf("search: %v %+v", err, sr)
	}
	for target, status := range map[string]int{"/api/search": 400, "/api/stories/999": 404, "/api/articles/x": 404, "/api/nothing": 404, "/api/stories?page=x": 400} {
		res, body := get(t, h, target)
		if res.StatusCode != status || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %q, want %d with an error", target, res.StatusCode, body, status)
		}
	}
}

func TestETag(t *testing.T) {
	db, damID := corpusStore(t)
	h := newHandler(t, Config{Store: db})
	for _, target := range []string{"/", fmt.Sprintf("/stories/%d", damID), "/api/stories", "/api/articles/2", "/static/style.css"} {
		res, _ := get(t, h, target)
		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("%s: no ETag", target)
		}
		res2, body := get(t, h, target, "If-None-Match", etag)
		if res2.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("%s with If-None-Match: %d, %d bytes", target, res2.StatusCode, len(body))
		}
		res3, _ := get(t, h, target, "If-None-Match", `"other", W/`+etag)
		if res3.StatusCode != http.StatusNotModified {
			t.Errorf("%s with a list holding the weak ETag: %d", target, res3.StatusCode)
		}
		res4, _ := get(t, h, target, "If-None-Match", `"stale"`)
		if res4.StatusCode != 200 {
			t.Errorf("%s with a stale ETag: %d", target, res4.StatusCode)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	db, _ := corpusStore(t)
	h := newHandler(t, Config{Store: db})
	for _, target := range []string{"/", "/api/stories", "/nowhere", "/static/style.css"} {
		res, _ := get(t, h, target)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", target, k, got, v)
			}
		}
	}
}

func TestServerTimeouts(t *testing.T) {
	srv := Server("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("server limits not all set: %+v", srv)
	}
}

func TestStoryPageStandalone(t *testing.T) {
	db, damID := corpusStore(t)
	ctx := t.Context()
	s, _ := db.Story(ctx, damID)
	arts, _ := db.StoryArticles(ctx, damID)
	rep, _, err := db.Report(ctx, damID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := StoryPage(&b, s, arts, &rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, w := range []string{"<style>", ".matrix", `class="matrix"`, `href="#a`, "<del>failed</del>", "northgatewire.example"} {
		if !strings.Contains(out, w) {
			t.Errorf("standalone page lacks %q", w)
		}
	}
	if strings.Contains(out, `href="/`) || strings.Contains(out, "<script") {
		t.Error("standalone page links to server paths or holds script")
	}
	b.Reset()
	if err := StoryPage(&b, s, arts, nil); err != nil || !strings.Contains(b.String(), "has not been built yet") {
		t.Errorf("without a report: %v", err)
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		noun string
		want string
	}{{1, "outlet", "1 outlet"}, {2, "outlet", "2 outlets"}, {3, "story", "3 stories"}, {0, "article", "0 articles"}} {
		if got := plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("plural(%d, %q) = %q", tt.n, tt.noun, got)
		}
	}
}

var _ Store = storeStub{}

// storeStub satisfies Store for tests that never read it.
type storeStub struct{ Store }

func TestConfigValidate(t *testing.T) {
	for _, c := range []Config{{}, {Store: storeStub{}, PageSize: -1}, {Store: storeStub{}, IngestTimeout: -1}} {
		if _, err := New(c); err == nil {
			t.Errorf("New(%+v) accepted a bad config", c)
		}
	}
	_ = model.Story{}
}
