package postgres

import (
	"context"
	"strings"
	"testing"
)

// A URL too broken to parse still loses its password in messages.
func TestRedactUnparseableURL(t *testing.T) {
	for _, in := range []string{
		"postgres://ana:s3cret@[::1",
		"postgresql://ana:s3cret@db.example:port/px",
	} {
		if got := redact(in); strings.Contains(got, "s3cret") {
			t.Errorf("redact(%q) = %q", in, got)
		}
	}
}

// Open reports a server that cannot be reached as a connection failure,
// on one line, without the password, and promptly.
func TestOpenUnreachable(t *testing.T) {
	_, err := Open(context.Background(), "postgres://ana:s3cret@127.0.0.1:1/px?sslmode=disable")
	if err == nil {
		t.Fatal("opened a server that is not there")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "open postgres postgres://ana@127.0.0.1:1/px") || strings.Contains(msg, "s3cret") {
		t.Errorf("err = %q", msg)
	}
	if _, err := Open(context.Background(), "postgres://ana:s3cret@[::1"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("bad URL: err = %v", err)
	}
}
