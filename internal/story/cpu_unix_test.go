//go:build unix

package story_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so that benchmark
// figures on a shared machine do not count the time spent waiting for a
// processor.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
