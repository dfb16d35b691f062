// Package testshared finds the labelled corpora that sit beside the
// repository (../shared, or $PARALLAX_SHARED) for tests that read them in
// place; such tests skip when the corpora are absent.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the directory parts names under the shared corpora, or skips
// the test when it does not exist. Paths are relative to a package
// directory two levels below the repository root (internal/x).
func Dir(t testing.TB, parts ...string) string {
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
