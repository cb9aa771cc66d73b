package clean

import (
	"net/http"
	"testing"
)

// Findings in test files are dropped unless -tests is given.
func TestCall(t *testing.T) {
	http.Get("http://api.acme.io/v1")
}
