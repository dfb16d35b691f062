package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"parallax/internal/model"
)

// FuzzSearch: whatever a user types, the full-text query is never a
// syntax error.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"harbour", `"unclosed`, "a AND OR NOT", "NEAR(a b)", "title:x", "*", "-", "a^b", "()", `""""`, "x' OR 1=1 --", "é ß 中文", "\x00"} {
		f.Add(s)
	}
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(f.TempDir(), "s.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	if _, _, err := db.PutArticle(ctx, model.Article{Source: "a.txt", Title: "Harbour reopens", Body: "The harbour of fictional Osterby reopened."}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(ctx, q, 5); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}
