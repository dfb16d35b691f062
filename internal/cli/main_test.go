package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"testing"

	"parallax/internal/store/pgtest"
)

// childEnv makes the test binary run as the parallax command: tests that
// need real processes (to run two at once, or to kill one) start
// os.Args[0] with it set and the command line as arguments.
const childEnv = "PARALLAX_TEST_AS_COMMAND"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(childMain(os.Args[1:]))
	}
	pgtest.Main(m)
}

// childMain is cmd/parallax's main: Run, then the exit code.
func childMain(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Run(ctx, args, Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	if err == nil {
		return 0
	}
	fmt.Fprintln(os.Stderr, "parallax:", err)
	if errors.Is(err, ErrUsage) {
		return 2
	}
	return 1
}
