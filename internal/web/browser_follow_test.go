package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/follow"
	"parallax/internal/store/sqlite"
)

const followToken = "test-token"

// followServer serves the real example corpus with the follows API on and
// nothing cached for long (the test reloads pages right after a write).
func followServer(t *testing.T) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	db, _ := realCorpusStore(t)
	ts := httptest.NewServer(newHandler(t, Config{Store: db, Token: followToken, Follows: db, Limits: Limits{ListTTL: -1}}))
	t.Cleanup(ts.Close)
	return ts, db
}

// TestBrowserStoryline: from a story, its storyline: the dam collapse,
// then the inquiry it led to, each with its brief's first line, what the
// inquiry adds, and its outlets.
func TestBrowserStoryline(t *testing.T) {
	ctx := browse(t)
	db, damID := realCorpusStore(t)
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/stories/%d", ts.URL, damID))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("a.storyline-link"))); err != nil {
		t.Fatal(err)
	}
	steps := must(chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.step h2 a")].map(a => a.getAttribute("href"))`)))(t)
	if len(steps) != 2 || steps[0] != fmt.Sprintf("/stories/%d", damID) {
		t.Fatalf("storyline steps = %q; want the dam story first of two", steps)
	}
	briefs := must(chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.step .step-brief")].map(p => p.textContent)`)))(t)
	if len(briefs) != 2 || !strings.Contains(strings.ToLower(briefs[1]), "inquiry") {
		t.Errorf("briefs = %q; want the inquiry's second", briefs)
	}
	news := must(chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.step:nth-child(2) .step-new li")].map(li => li.textContent)`)))(t)
	if len(news) == 0 {
		t.Error("the inquiry lists nothing new")
	}
	outlets := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS("li.step:nth-child(2) p.outlets"))))(t)
	if !strings.Contains(outlets, "The Meridian Herald") {
		t.Errorf("the inquiry's outlets: %q", outlets)
	}
}

// TestBrowserEntityFromStory: a name on a story page leads to the
// entity's page: its spellings, its stories, what it said and who carried
// it first.
func TestBrowserEntityFromStory(t *testing.T) {
	ctx := browse(t)
	db, damID := realCorpusStore(t)
	ts := httptest.NewServer(newHandler(t, Config{Store: db}))
	defer ts.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/stories/%d", ts.URL, damID))); err != nil {
		t.Fatal(err)
	}
	name := chromedp.CSS(`p.names a.name.e-person`)
	person := must(chromedp.Run(ctx, chromedp.Text(name)))(t)
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(name)); err != nil {
		t.Fatal(err)
	}
	h1 := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS("article.entity h1"))))(t)
	if h1 != person {
		t.Errorf("entity page h1 %q, want %q", h1, person)
	}
	stories := must(chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".entity-stories a.story-title")].map(a => a.getAttribute("href"))`)))(t)
	found := false
	for _, s := range stories {
		found = found || s == fmt.Sprintf("/stories/%d", damID)
	}
	if !found {
		t.Errorf("the entity's stories %q lack the story it was reached from", stories)
	}
	quotes := must(chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#quotes .quote .first a.chip").length`)))(t)
	if quotes == 0 {
		t.Errorf("%s: no quotation with the outlet that carried it first", person)
	}
}

// postFollow makes a follow through the API and returns its answer.
func postFollow(t *testing.T, base string, req follow.Request) (id int64, secret string) {
	t.Helper()
	body, _ := json.Marshal(req)
	hreq, _ := http.NewRequest(http.MethodPost, base+"/api/follows", bytes.NewReader(body))
	hreq.Header.Set("Authorization", "Bearer "+followToken)
	hreq.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(hreq)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Follow struct{ ID int64 } `json:"follow"`
		Secret string             `json:"secret"`
	}
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusCreated || json.Unmarshal(b, &out) != nil || out.Follow.ID == 0 {
		t.Fatalf("POST /api/follows %+v: %d %s", req, res.StatusCode, b)
	}
	return out.Follow.ID, out.Secret
}

// hookReceiver is a webhook target on loopback: it keeps each body and
// whether its signature was valid under the secret it is given.
type hookReceiver struct {
	mu     sync.Mutex
	secret string
	bodies []string
	valid  []bool
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.bodies = append(h.bodies, string(b))
	h.valid = append(h.valid, follow.Verify(h.secret, b, r.Header.Get(follow.SignatureHeader)))
	w.WriteHeader(http.StatusNoContent)
}

// TestBrowserFollowedEntity: an entity followed through the API, with a
// webhook to a test server on loopback (allowed for this follow). A new
// article naming the entity is ingested by another connection, as a
// separate `parallax ingest` would: the follow's Atom feed gains its
// entry, the webhook receives it with a valid signature, and the follows
// page shows both.
func TestBrowserFollowedEntity(t *testing.T) {
	ctx := browse(t)
	ts, db := followServer(t)
	hook := &hookReceiver{}
	target := httptest.NewServer(hook)
	defer target.Close()
	id, secret := postFollow(t, ts.URL, follow.Request{Kind: "entity", Target: "Ilse Morrow", Webhook: target.URL + "/parallax", AllowPrivate: true})
	hook.secret = secret
	// The browser shows the feed as text; it is read as a feed reader
	// reads it, as Atom XML.
	feed := `new DOMParser().parseFromString(document.body.innerText, "application/xml")`
	entries := func() int {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/feeds/%d", ts.URL, id))); err != nil {
			t.Fatal(err)
		}
		return must(chromedp.Run(ctx, chromedp.Evaluate[int](feed+`.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").length`)))(t)
	}
	if n := entries(); n != 0 {
		t.Fatalf("a new follow's feed has %d entries", n)
	}
	ingestWith(t, db.Path(), true, "testdata/follow/morrow-barrier.jsonl")
	if n := entries(); n != 1 {
		t.Fatalf("after the new article the feed has %d entries, want 1", n)
	}
	title := must(chromedp.Run(ctx, chromedp.Evaluate[string](feed+`.querySelector("entry > title").textContent`)))(t)
	if !strings.Contains(title, "Serenport flood barrier") {
		t.Errorf("feed entry %q", title)
	}
	if sent, failed, err := follow.NewDeliverer(db).DeliverDue(t.Context()); err != nil || sent != 1 || failed != 0 {
		t.Fatalf("deliver: %d sent, %d failed, %v", sent, failed, err)
	}
	if len(hook.bodies) != 1 || !hook.valid[0] || !strings.Contains(hook.bodies[0], "Serenport flood barrier") {
		t.Fatalf("webhook got %q (signature valid %v)", hook.bodies, hook.valid)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/follows")); err != nil {
		t.Fatal(err)
	}
	delivered := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS(fmt.Sprintf("#f%d .webhook .delivered", id)))))(t)
	event := must(chromedp.Run(ctx, chromedp.Text(chromedp.CSS(fmt.Sprintf("#f%d ol.events a", id)))))(t)
	if delivered != "1 delivered" || !strings.Contains(event, "Serenport") {
		t.Errorf("follows page: %q, event %q", delivered, event)
	}
}
