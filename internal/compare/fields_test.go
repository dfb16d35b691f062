package compare

import (
	"slices"
	"strings"
	"testing"
)

// FuzzWordRunesFields: the table-driven split gives strings.FieldsFunc's
// words, and a non-nil slice when there are none, as it does.
func FuzzWordRunesFields(f *testing.F) {
	for _, s := range []string{"", " ", "Kyiv's well-known “deal”, now!!!", "naïve cafe\u0301 x_y", "\xff\xfeab c", "Zelensky—Putin", "’tis -x- 'y'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []*wordRunes{rawWordRunes, lexWordRunes} {
			got, want := c.fields(s), strings.FieldsFunc(s, func(r rune) bool { return !c.in(r) })
			if !slices.Equal(got, want) || got == nil {
				t.Errorf("fields(%q) = %q, want %q", s, got, want)
			}
		}
	})
}
