package extract

import (
	"strings"
	"time"
)

// dateLayouts are the forms of published dates seen in records and meta
// tags, most specific first.
var dateLayouts = []struct {
	layout   string
	dateOnly bool
}{
	{time.RFC3339Nano, false},
	{time.RFC3339, false},
	{"2006-01-02T15:04:05Z0700", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05Z07:00", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false},
	{time.RFC1123Z, false},
	{time.RFC1123, false},
	{"Mon, 2 Jan 2006 15:04:05 -0700", false},
	{"Mon, 2 Jan 2006 15:04:05 MST", false},
	{"2006-01-02", true},
	{"2006/01/02", true},
	{"January 2, 2006", true},
	{"Jan 2, 2006", true},
	{"2 January 2006", true},
	{"2 Jan 2006", true},
}

// NormaliseDate turns a date string into RFC 3339: a date-time when the
// input has a time, a bare date (2006-01-02) when it has none, "" when it
// cannot be read.
func NormaliseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.dateOnly {
			return t.Format(time.DateOnly)
		}
		return t.Format(time.RFC3339)
	}
	return ""
}
