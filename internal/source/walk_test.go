package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadDirectoryWalk builds a tree of good and bad inputs and checks the
// good ones come out in lexical order while each bad one is one error.
func TestReadDirectoryWalk(t *testing.T) {
	root := t.TempDir()
	w := func(rel, data string) string { return writeFile(t, filepath.Join(root, rel), []byte(data)) }
	w("a.html", "<p>Story A from Fernhollow.</p>")
	w("b/inner.txt", "Story B from Fernhollow.")
	w("b/.hidden.txt", "never read")
	w(".git/config", "never read")
	empty := w("c-empty.txt", "")
	bin := w("d.bin", "\x7fELF\x02\x01\x01\x00")
	jsonl := w("e/records.jsonl", "{\"text\": \"E1\"}\nnot json\n{\"text\": \"E3\"}\n")
	locked := filepath.Join(root, "f-locked")
	w("f-locked/x.txt", "unreadable")
	w("z.txt", "Story Z from Fernhollow.")

	broken := filepath.Join(root, "g-broken")
	loop := filepath.Join(root, "b", "loop")
	fifo := filepath.Join(root, "h.fifo")
	must(t, os.Symlink(filepath.Join(root, "missing"), broken))
	must(t, os.Symlink(root, loop))
	must(t, syscall.Mkfifo(fifo, 0o644))

	seq := read(context.Background(), []string{root}, Options{}, failingReadDir(locked))
	res := collect(t, seq)

	var got []string
	for _, d := range res.docs {
		got = append(got, strings.TrimPrefix(d.Source, root))
	}
	wantDocs := []string{"/a.html", "/b/inner.txt", "/e/records.jsonl:1", "/e/records.jsonl:3", "/z.txt"}
	if strings.Join(got, " ") != strings.Join(wantDocs, " ") {
		t.Errorf("docs = %q, want %q", got, wantDocs)
	}
	wantErrs := map[string]string{
		loop:         "symlink loop",
		empty:        "empty file",
		bin:          "binary file (not text or HTML)",
		jsonl + ":2": "not JSON: invalid character 'o' in literal null (expecting 'u')",
		locked:       "permission denied",
		broken:       "broken symlink",
		fifo:         "not a regular file",
	}
	if len(res.errs) != len(wantErrs) {
		t.Errorf("got %d errors, want %d: %v", len(res.errs), len(wantErrs), res.errs)
	}
	for input, msg := range wantErrs {
		e := res.errFor(input)
		if e == nil {
			t.Errorf("no error for %s", input)
			continue
		}
		if e.Err.Error() != msg {
			t.Errorf("error for %s = %q, want %q", input, e.Err, msg)
		}
	}
}

func TestReadHiddenPathByName(t *testing.T) {
	// Hidden entries are skipped in walks, but a path given by name is read.
	path := writeFile(t, filepath.Join(t.TempDir(), ".draft.txt"), []byte("A hidden draft."))
	res := readPaths(t, Options{}, path)
	if len(res.docs) != 1 || len(res.errs) != 0 {
		t.Errorf("docs %d, errors %v", len(res.docs), res.errs)
	}
}

func TestReadUnreadableDirChmod(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads directories whatever their mode; TestReadDirectoryWalk covers this with an injected failure")
	}
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "ok.txt"), []byte("Readable story."))
	locked := filepath.Join(root, "locked")
	writeFile(t, filepath.Join(locked, "x.txt"), []byte("Hidden story."))
	must(t, os.Chmod(locked, 0))
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	res := readPaths(t, Options{}, root)
	if len(res.docs) != 1 || len(res.errs) != 1 || res.errs[0].Error() != locked+": permission denied" {
		t.Errorf("docs %d, errors %v", len(res.docs), res.errs)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
