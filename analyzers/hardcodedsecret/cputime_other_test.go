//go:build !unix

package hardcodedsecret

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
