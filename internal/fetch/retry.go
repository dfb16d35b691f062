package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryWait decides whether a failed attempt is tried again and after how
// long: only 429 and 5xx answers are, at most MaxRetries times, waiting
// the server's Retry-After when it gave one, else an exponential backoff.
func (f *Fetcher) retryWait(err error, attempt int) (time.Duration, bool) {
	var fe *Error
	if !errors.As(err, &fe) || !retryable(fe.Status) || attempt >= f.cfg.MaxRetries {
		return 0, false
	}
	wait := f.cfg.RetryBase << attempt
	if fe.RetryAfter > 0 {
		wait = fe.RetryAfter
	}
	if wait > f.cfg.MaxRetryWait {
		fe.Reason += fmt.Sprintf(" (server asks to wait %s; not retried)", wait.Round(time.Second))
		return 0, false
	}
	return wait, true
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status <= 599 && status != http.StatusNotImplemented
}

// parseRetryAfter reads delta-seconds or an HTTP date; 0 when absent or
// unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	const most = 365 * 24 * time.Hour // a date in year 9999 is "a year", not 292 years
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(most/time.Second) {
			n = int64(most / time.Second) // no overflow
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), most)
	}
	return 0
}
