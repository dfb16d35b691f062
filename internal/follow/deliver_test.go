package follow

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// receiver is a webhook target on loopback that checks each delivery's
// signature with the secret it is told.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	secret   string
	status   int
	got      []Payload
	verified []bool
	ids      []string
}

func newReceiver(t *testing.T, status int) *receiver {
	r := &receiver{status: status}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		var p Payload
		json.Unmarshal(body, &p)
		r.mu.Lock()
		r.got = append(r.got, p)
		r.verified = append(r.verified, Verify(r.secret, body, req.Header.Get(SignatureHeader)))
		r.ids = append(r.ids, req.Header.Get(DeliveryHeader))
		r.mu.Unlock()
		w.WriteHeader(r.status)
	}))
	t.Cleanup(r.Close)
	return r
}

func TestDeliverDue(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ok, failing := newReceiver(t, http.StatusNoContent), newReceiver(t, http.StatusInternalServerError)
	add := func(url string, allow bool) model.Follow {
		f, err := st.AddFollow(ctx, model.Follow{Kind: model.FollowSearch, Target: "ferry", Label: "ferry", Webhook: url,
			Secret: NewSecret(), AllowPrivate: allow})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	allowed, refused, broken := add(ok.URL+"/hook", true), add(ok.URL+"/hook", false), add(failing.URL, true)
	ok.secret = allowed.Secret
	var evs []model.FollowEvent
	for _, f := range []model.Follow{allowed, refused, broken} {
		evs = append(evs, model.FollowEvent{FollowID: f.ID, Kind: model.EventStory, StoryID: 7, Title: "Ferry strike"})
	}
	if err := st.CommitStoryEvents(ctx, store.StoryEvents{StoryID: 7, Fingerprint: "fp", Events: evs}); err != nil {
		t.Fatal(err)
	}
	// Deliveries are due from when their events were stored: the clock
	// starts now and moves only when told.
	now := time.Now()
	d := NewDeliverer(st)
	d.Now = func() time.Time { return now }
	d.Backoff = []time.Duration{30 * time.Second, 2 * time.Minute}

	sent, failed, err := d.DeliverDue(ctx)
	if err != nil || sent != 1 || failed != 2 {
		t.Fatalf("DeliverDue = %d sent, %d failed, %v", sent, failed, err)
	}
	if len(ok.got) != 1 || !ok.verified[0] || ok.got[0].Event.Title != "Ferry strike" || ok.got[0].StoryPath != "/stories/7" {
		t.Fatalf("receiver got %+v (signature valid %v)", ok.got, ok.verified)
	}
	ds, _ := st.Deliveries(ctx, refused.ID, 5)
	if len(ds) != 1 || !strings.Contains(ds[0].LastError, "loopback address") || ds[0].NextTry.Unix() != now.Add(30*time.Second).Unix() {
		t.Errorf("refused delivery = %+v; want a loopback refusal, retried in 30s", ds)
	}
	for range 2 {
		now = now.Add(3 * time.Minute)
		if _, _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ds, _ = st.Deliveries(ctx, broken.ID, 5)
	if len(ds) != 1 || !ds[0].GaveUp || ds[0].Attempts != 3 || ds[0].LastStatus != 500 || len(failing.got) != 3 {
		t.Errorf("failing target: %+v after %d posts; want given up after 3 attempts", ds, len(failing.got))
	}
	if len(failing.ids) == 3 && (failing.ids[0] != failing.ids[2] || failing.ids[0] == "") {
		t.Errorf("delivery IDs across retries: %q", failing.ids)
	}
	if len(ok.got) != 1 {
		t.Errorf("a delivered event was sent again: %d posts", len(ok.got))
	}
}
