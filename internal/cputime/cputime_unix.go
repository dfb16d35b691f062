//go:build unix

// Package cputime reads the CPU time the process has used, which the
// benchmarks report beside wall time: on a shared machine it counts the
// work itself, not the waits for a core.
package cputime

import (
	"syscall"
	"time"
)

// Process is the user and system CPU time the process has used so far.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
