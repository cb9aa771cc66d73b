package scope

import "testing"

// A file that imports testing holds test helpers, whatever its name:
// findings there are dropped unless -toy.tests is set.
func helperCalls(t *testing.T) {
	t.Helper()
	bad()
}
