package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parallax/internal/model"
)

// TestBalanceFollowsTheRegistry: the story API carries the balance by
// country, a blind-spot filter keeps only stories of one value, a bad one
// is a 400, exports name each outlet's attributes, and a change to the
// registry shows at once although the story itself did not change.
func TestBalanceFollowsTheRegistry(t *testing.T) {
	db, damID := corpusStore(t)
	importOutlets(t, db, "../../examples/outlets.csv")
	h := newHandler(t, Config{Store: db})
	storyBalance := func() []model.Balance {
		t.Helper()
		res, body := get(t, h, fmt.Sprintf("/api/stories/%d", damID))
		var out apiStoryOut
		if res.StatusCode != 200 || json.Unmarshal([]byte(body), &out) != nil {
			t.Fatalf("story API: %d %s", res.StatusCode, body)
		}
		return out.Balance
	}
	bal := storyBalance()
	if len(bal) == 0 || bal[0].Attribute != "country" || len(bal[0].Values) != 3 || bal[0].Only != "" {
		t.Fatalf("balance = %+v", bal)
	}
	if res, body := get(t, h, "/api/stories?blindspot=country"); res.StatusCode != 200 || !strings.Contains(body, `"stories": []`) {
		t.Errorf("country blind spots: %d %s", res.StatusCode, body)
	}
	if res, _ := get(t, h, "/api/stories?blindspot=a%20b"); res.StatusCode != 400 {
		t.Errorf("bad blindspot: %d, want 400", res.StatusCode)
	}
	res, csv := get(t, h, fmt.Sprintf("/stories/%d/export.csv", damID))
	if res.StatusCode != 200 || !strings.HasPrefix(csv, "story_id,story_title,article_id,outlet,country,language,kind,ownership,published,url,title") ||
		!strings.Contains(csv, "Northgate Wire,XV,") || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("export: %d %q\n%s", res.StatusCode, res.Header.Get("Content-Disposition"), csv)
	}
	// Every outlet of the story now in one country: the cached page and
	// answer must not be served.
	reg, err := db.RegisteredOutlets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range reg {
		reg[i].Country = "XZ"
	}
	if _, err := db.PutOutlets(context.Background(), reg); err != nil {
		t.Fatal(err)
	}
	if bal := storyBalance(); bal[0].Only != "XZ" {
		t.Errorf("after the registry changed: %+v", bal[0])
	}
	if _, body := get(t, h, fmt.Sprintf("/stories/%d", damID)); !strings.Contains(body, "covered only by country XZ") {
		t.Error("the story page kept the old balance")
	}
	if _, body := get(t, h, "/api/stories?blindspot=country=xz"); !strings.Contains(body, fmt.Sprintf(`"id": %d`, damID)) {
		t.Errorf("country=xz blind spots lack the story: %.300s", body)
	}
}
