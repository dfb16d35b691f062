//go:build !unix

package extract_test

import "time"

// cpuTime is not measured here; the pair benchmark then reports wall time only.
func cpuTime() time.Duration { return 0 }
