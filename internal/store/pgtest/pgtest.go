// Package pgtest gives tests a PostgreSQL server: the one at
// $PARALLAX_PG_URL when set, else a throwaway server this package starts
// (initdb into a temporary directory, listening only on a unix socket
// there; as the postgres user through runuser when running as root). Each
// test gets a fresh schema of its own. Without a server the tests skip,
// unless PARALLAX_REQUIRE_PG=1, when they fail.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

var (
	once     sync.Once
	baseURL  string
	setupErr error
	stopFn   func()
)

// Main runs a package's tests (call it from TestMain) and then stops the
// server started for them, if any.
func Main(m *testing.M) {
	code := m.Run()
	if stopFn != nil {
		stopFn()
	}
	os.Exit(code)
}

// Required reports whether PARALLAX_REQUIRE_PG=1 asks tests to fail rather
// than skip when no server can be had.
func Required() bool { return os.Getenv("PARALLAX_REQUIRE_PG") == "1" }

// URL returns a connection URL whose tables land in a new, empty schema,
// dropped when t ends. It skips t when no server can be had.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { baseURL, stopFn, setupErr = setup() })
	if setupErr != nil {
		if Required() {
			t.Fatalf("PostgreSQL required (PARALLAX_REQUIRE_PG=1) but unavailable: %v", setupErr)
		}
		t.Skipf("no PostgreSQL server (set PARALLAX_PG_URL, or install postgresql): %v", setupErr)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, baseURL)
	if err != nil {
		t.Fatalf("connect to test server: %v", err)
	}
	defer conn.Close(ctx)
	schema := "px_test_" + randomHex()
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() { dropSchema(t, schema) })
	return withSearchPath(baseURL, schema)
}

func dropSchema(t testing.TB, schema string) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, baseURL)
	if err != nil {
		t.Errorf("drop test schema: %v", err)
		return
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
		t.Errorf("drop test schema: %v", err)
	}
}

// withSearchPath adds a search_path run-time parameter to a connection
// string (a URL or key=value pairs; pgx passes unknown keys on).
func withSearchPath(conn, schema string) string {
	u, err := url.Parse(conn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return conn + " search_path=" + schema
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// setup finds or starts the server and makes sure the unaccent extension
// lives in public, so that a test schema dropped with CASCADE never takes
// it along (the store creates it where it can when it is missing).
func setup() (string, func(), error) {
	base := strings.TrimSpace(os.Getenv("PARALLAX_PG_URL"))
	var stop func()
	if base == "" {
		var err error
		if base, stop, err = startServer(); err != nil {
			return "", nil, err
		}
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if stop != nil {
			stop()
		}
		return "", nil, fmt.Errorf("connect to the test server: %w", err)
	}
	defer conn.Close(ctx)
	conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public") // optional
	return base, stop, nil
}
