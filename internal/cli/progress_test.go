package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/pipeline"
)

func TestCountFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.html", "b.txt", ".hidden", "sub/c.jsonl", ".git/x"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n := countFiles([]string{dir}); n != 3 {
		t.Errorf("countFiles = %d, want 3", n)
	}
	if n := countFiles([]string{dir, "-"}); n != 0 {
		t.Errorf("with stdin: %d, want 0 (unknown)", n)
	}
}

// The bar knows its end from the files counted first, and says the rate
// and the time left.
func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, tty: true, total: 10, start: time.Now().Add(-2 * time.Second)}
	p.event(pipeline.Event{Source: "a.html", Done: 4, Seen: 5})
	out := b.String()
	if !strings.Contains(out, "4/10 2.0/s, 3s left a.html") || !strings.Contains(out, "████████████······") {
		t.Errorf("bar = %q", out)
	}
}
