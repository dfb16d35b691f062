package web

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
	"parallax/internal/testshared"
)

// send serves one request with a body and headers through h.
func send(t *testing.T, h http.Handler, method, target, body string, header ...string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestFollowsAPI: each kind of bad request gets its status and one line
// saying what was wrong; a good one gives the follow, its secret and its
// feed, which is valid Atom.
func TestFollowsAPI(t *testing.T) {
	db, _ := realCorpusStore(t)
	h := newHandler(t, Config{Store: db, Token: followToken, Follows: db})
	auth := []string{"Authorization", "Bearer " + followToken, "Content-Type", "application/json"}
	tests := []struct {
		name, method, target, body string
		header                     []string
		status                     int
		says                       string
	}{
		{"no token", "POST", "/api/follows", `{"kind":"search","target":"dam"}`, nil, 401, "bearer token"},
		{"wrong token", "POST", "/api/follows", `{}`, []string{"Authorization", "Bearer nope"}, 401, "bearer token"},
		{"not JSON", "POST", "/api/follows", `kind=search`, auth, 400, "follow body"},
		{"unknown field", "POST", "/api/follows", `{"kind":"search","target":"dam","secret":"x"}`, auth, 400, `unknown field \"secret\"`},
		{"unknown kind", "POST", "/api/follows", `{"kind":"topic","target":"dam"}`, auth, 400, `follow kind \"topic\"`},
		{"unknown entity", "POST", "/api/follows", `{"kind":"entity","target":"Zork Quux"}`, auth, 400, "no person, place or organisation"},
		{"private webhook", "POST", "/api/follows", `{"kind":"search","target":"dam","webhook":"http://10.0.0.7/h"}`, auth, 400, "private address"},
		{"missing follow", "DELETE", "/api/follows/999", ``, auth, 404, "nothing is stored"},
		{"bad follow ID", "DELETE", "/api/follows/x", ``, auth, 404, "positive integers"},
		{"deliveries need the token", "GET", "/api/follows/1/deliveries", ``, nil, 401, "bearer token"},
		{"missing feed", "GET", "/feeds/999", ``, nil, 404, "Nothing is stored"},
		{"quotes need words", "GET", "/api/quotes", ``, nil, 400, "q is required"},
		{"missing storyline", "GET", "/api/storylines/999", ``, nil, 404, "nothing is stored"},
		{"bad storylines page", "GET", "/api/storylines?page=0", ``, nil, 400, "page"},
		{"missing entity", "GET", "/api/entities/99999", ``, nil, 404, "nothing is stored"},
	}
	for _, tt := range tests {
		status, body := send(t, h, tt.method, tt.target, tt.body, tt.header...)
		if status != tt.status || !strings.Contains(body, tt.says) || strings.Count(strings.TrimSpace(body), "\n") > 0 && strings.HasPrefix(tt.target, "/api") {
			t.Errorf("%s: %d %s; want %d saying %q", tt.name, status, body, tt.status, tt.says)
		}
	}
	status, body := send(t, h, "POST", "/api/follows", `{"kind":"entity","target":"Morrow","webhook":"https://hooks.example/p"}`, auth...)
	if status != http.StatusCreated || !strings.Contains(body, `"secret":"`) || !strings.Contains(body, `"label":"Ilse Morrow"`) {
		t.Fatalf("POST = %d %s", status, body)
	}
	if _, list := send(t, h, "GET", "/api/follows", ``, auth...); strings.Contains(list, `"secret"`) || !strings.Contains(list, "hooks.example") {
		t.Errorf("follow list shows the secret or lacks the webhook: %s", list)
	}
	res, feed := get(t, h, "/feeds/1")
	var parsed struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	if res.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" || xml.Unmarshal([]byte(feed), &parsed) != nil ||
		parsed.XMLName.Space != "http://www.w3.org/2005/Atom" || parsed.Title != "Parallax: Entity Ilse Morrow" {
		t.Errorf("feed: %s %+v\n%s", res.Header.Get("Content-Type"), parsed, feed)
	}
	if status, _ := send(t, h, "DELETE", "/api/follows/1", ``, auth...); status != http.StatusNoContent {
		t.Errorf("DELETE = %d", status)
	}
	if off := newHandler(t, Config{Store: db}); true {
		if status, _ := send(t, off, "POST", "/api/follows", `{}`, auth...); status != http.StatusNotFound {
			t.Errorf("without a token the endpoint exists: %d", status)
		}
	}
}

// TestEntityJoinedRedirects: the page of a record whose key was joined
// into another answers with a permanent redirect there.
func TestEntityJoinedRedirects(t *testing.T) {
	db, _ := corpusStore(t)
	ctx := t.Context()
	p := store.PendingFamily{Family: "person:vos", Mark: 1}
	if err := db.PutFamily(ctx, p, []model.CorpusEntity{{Key: "voss", Name: "Voss", Type: model.Person, Keys: []string{"voss"}, Articles: 1}}); err != nil {
		t.Fatal(err)
	}
	old, _ := db.FindEntities(ctx, []string{"person:vos"}, 1)
	if err := db.PutFamily(ctx, p, []model.CorpusEntity{{Key: "mara voss", Name: "Mara Voss", Type: model.Person, Keys: []string{"mara voss", "voss"}, Articles: 2}}); err != nil {
		t.Fatal(err)
	}
	now, _ := db.FindEntities(ctx, []string{"person:vos"}, 1)
	h := newHandler(t, Config{Store: db})
	for _, prefix := range []string{"/entities/", "/api/entities/"} {
		res, _ := get(t, h, fmt.Sprint(prefix, old[0].ID))
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != fmt.Sprint(prefix, now[0].ID) {
			t.Errorf("%s%d: %d to %q", prefix, old[0].ID, res.StatusCode, res.Header.Get("Location"))
		}
	}
}

// TestSeedsStoryline: on the seeds, one storyline holds the three stories
// in the order they happened: the February call, 11 May, and the
// follow-up after Istanbul.
func TestSeedsStoryline(t *testing.T) {
	seeds := testshared.Dir(t, "seeds")
	path := filepath.Join(t.TempDir(), "seeds.db")
	ingestWith(t, path, true, seeds)
	db := mustOpen(t, path)
	lines, err := db.Storylines(t.Context(), 10, 0)
	if err != nil || len(lines) != 1 || lines[0].Stories != 3 {
		t.Fatalf("storylines = %+v, %v; want one of three stories", lines, err)
	}
	_, page := get(t, newHandler(t, Config{Store: db}), fmt.Sprintf("/storylines/%d", lines[0].ID))
	steps, more, err := Storyline(t.Context(), db, lines[0].ID, 0, 10)
	if err != nil || len(steps) != 3 || more {
		t.Fatalf("steps = %d, %v, more %v", len(steps), err, more)
	}
	// A page of one past the first is compared with the story before it.
	mid, more, err := Storyline(t.Context(), db, lines[0].ID, 1, 1)
	if err != nil || len(mid) != 1 || !more || !reflect.DeepEqual(mid[0], steps[1]) {
		t.Errorf("second step alone = %+v, more %v, %v; want %+v", mid, more, err, steps[1])
	}
	if _, _, err := Storyline(t.Context(), db, lines[0].ID, 3, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("past the end: %v, want ErrNotFound", err)
	}
	want := []struct{ month, words string }{{"2025-02", "spoken to putin"}, {"2025-05-11", "turkey"}, {"2025-05-1", "istanbul"}}
	at := 0
	for i, s := range steps {
		text := strings.ToLower(s.Story.Title + " " + s.Brief + " " + strings.Join(s.New, " "))
		if !strings.HasPrefix(s.Story.FirstPublished, want[i].month) || !strings.Contains(text, want[i].words) {
			t.Errorf("step %d: %s %q; want %s, about %q", i+1, s.Story.FirstPublished, text, want[i].month, want[i].words)
		}
		href := fmt.Sprintf(`href="/stories/%d"`, s.Story.ID)
		if i := strings.Index(page, href); i < at {
			t.Errorf("the page shows story %d out of order", s.Story.ID)
		} else {
			at = i
		}
	}
	if steps[2].Story.FirstPublished <= "2025-05-11" {
		t.Errorf("the follow-up is dated %s, not after 11 May", steps[2].Story.FirstPublished)
	}
}

// mustOpen opens the SQLite store at path for the test.
func mustOpen(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
