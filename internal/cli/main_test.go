package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"

	"parallax/internal/model"
	"parallax/internal/source"
	"parallax/internal/store/pgtest"
)

// childEnv makes the test binary run as the parallax command: tests that
// need real processes (to run two at once, or to kill one) start
// os.Args[0] with it set and the command line as arguments.
const childEnv = "PARALLAX_TEST_AS_COMMAND"

// poisonEnv, in a child's environment, names a mark: a document whose
// source contains it kills the worker extracting it (SIGKILL), as a page
// that exhausts memory would.
const poisonEnv = "PARALLAX_TEST_POISON"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if mark := os.Getenv(poisonEnv); mark != "" {
			extractDocument = poisoned(extractDocument, mark)
		}
		os.Exit(childMain(os.Args[1:]))
	}
	pgtest.Main(m)
}

func poisoned(extract func(source.Doc) (model.Article, error), mark string) func(source.Doc) (model.Article, error) {
	return func(d source.Doc) (model.Article, error) {
		if strings.Contains(d.Source, mark) {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
		return extract(d)
	}
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
