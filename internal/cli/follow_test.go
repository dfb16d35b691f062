package cli

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestStorylinesAndFollow: the storylines of the example corpus, and
// follows made, listed, read and removed from the command line, each bad
// input a usage error of one line.
func TestStorylinesAndFollow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, "../../examples/corpus"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "storylines", "--db", db)
	if err != nil || !strings.Contains(out, "Morrow orders Corvane inquiry") {
		t.Fatalf("storylines = %q, %v", out, err)
	}
	out, _, err = run(t, "storylines", "--db", db, "--format", "json", "2")
	var line struct {
		Stories []struct {
			Story struct {
				FirstPublished string `json:"first_published"`
			} `json:"story"`
			New []string `json:"new"`
		} `json:"stories"`
	}
	if err != nil || json.Unmarshal([]byte(out), &line) != nil || len(line.Stories) != 2 ||
		line.Stories[0].Story.FirstPublished > line.Stories[1].Story.FirstPublished || len(line.Stories[1].New) == 0 {
		t.Fatalf("storylines 2 = %s, %v", out, err)
	}
	out, _, err = run(t, "follow", "add", "--db", db, "--entity", "Ilse Morow")
	if err != nil || !strings.Contains(out, "following 1: entity Ilse Morrow") {
		t.Fatalf("follow add = %q, %v", out, err)
	}
	out, _, err = run(t, "follow", "add", "--db", db, "--search", "flood barrier", "--webhook", "http://127.0.0.1:9/h", "--allow-private")
	if err != nil || !strings.Contains(out, "webhook secret") {
		t.Fatalf("follow add with a webhook = %q, %v", out, err)
	}
	bad := []struct {
		args []string
		says string
	}{
		{[]string{"follow"}, "follow needs a subcommand"},
		{[]string{"follow", "watch"}, `follow "watch"`},
		{[]string{"follow", "add", "--db", db}, "takes one of --search"},
		{[]string{"follow", "add", "--db", db, "--search", "x", "--storyline", "2"}, "takes one of --search"},
		{[]string{"follow", "add", "--db", db, "--entity", "Nobody Anywhere"}, `follow entity "Nobody Anywhere": no person`},
		{[]string{"follow", "add", "--db", db, "--storyline", "77"}, `follow storyline "77": no story belongs`},
		{[]string{"follow", "add", "--db", db, "--search", "x", "--webhook", "http://192.168.1.4/"}, "private address"},
		{[]string{"follow", "events", "--db", db, "x"}, `follow ID "x"`},
		{[]string{"storylines", "--db", db, "0"}, `storyline ID "0"`},
	}
	for _, b := range bad {
		_, _, err := run(t, b.args...)
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), b.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v; want a usage error saying %q", b.args, err, b.says)
		}
	}
	if _, _, err := run(t, "follow", "add", "--db", filepath.Join(t.TempDir(), "none.db"), "--search", "x"); err == nil ||
		!strings.Contains(err.Error(), "no such store") {
		t.Errorf("follow add on a missing store: %v", err)
	}
	out, _, err = run(t, "follow", "list", "--db", db, "--format", "json")
	if err != nil || strings.Contains(out, "secret") || !strings.Contains(out, `"label": "flood barrier"`) {
		t.Errorf("follow list = %s, %v", out, err)
	}
	if out, _, err := run(t, "follow", "events", "--db", db, "1"); err != nil || !strings.HasPrefix(out, "EVENT") {
		t.Errorf("follow events = %q, %v", out, err)
	}
	if _, _, err := run(t, "follow", "remove", "--db", db, "1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "follow", "remove", "--db", db, "1"); err == nil || !strings.Contains(err.Error(), "follow 1: not found") {
		t.Errorf("second remove: %v", err)
	}
}
