package compare

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds the shared data next to the repository: ../shared seen
// from the repo root, overridable with PARALLAX_SHARED. It skips the test
// when the directory is absent.
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	root := os.Getenv("PARALLAX_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared")
	}
	dir := filepath.Join(append([]string{root}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not available: %v", dir, err)
	}
	return dir
}
