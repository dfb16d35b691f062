//go:build !unix

// Package cputime reads the CPU time the process has used, which the
// benchmarks report beside wall time: on a shared machine it counts the
// work itself, not the waits for a core.
package cputime

import "time"

// Process is not measured here: the benchmarks report 0 CPU time.
func Process() time.Duration { return 0 }
