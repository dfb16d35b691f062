package cli

import (
	"flag"
	"io"
	"testing"
	"time"

	"parallax/internal/web"
)

// The serve flags' "0 means none" becomes web.Limits' negatives; unset
// flags keep the defaults.
func TestServeLimitFlags(t *testing.T) {
	d := web.DefaultLimits()
	tests := []struct {
		args []string
		want func(l *web.Limits)
	}{
		{nil, func(l *web.Limits) {}},
		{[]string{"--max-inflight", "3", "--queue", "5", "--queue-wait", "250ms"}, func(l *web.Limits) {
			l.MaxInFlight, l.MaxQueue, l.QueueWait = 3, 5, 250*time.Millisecond
		}},
		{[]string{"--queue", "0", "--cache-mb", "0", "--list-ttl", "0", "--outlets-ttl", "0"}, func(l *web.Limits) {
			l.MaxQueue, l.CacheBytes, l.ListTTL, l.OutletsTTL = -1, -1, -1, -1
		}},
		{[]string{"--cache-mb", "8", "--max-searches", "1", "--search-timeout", "1s"}, func(l *web.Limits) {
			l.CacheBytes, l.MaxSearches, l.SearchTimeout = 8<<20, 1, time.Second
		}},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		sl := limitFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		want := d
		tt.want(&want)
		if got := sl.limits(); got != want {
			t.Errorf("%v:\n got %+v\nwant %+v", tt.args, got, want)
		}
	}
}
