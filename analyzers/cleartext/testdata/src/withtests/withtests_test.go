package withtests

import (
	"net/http"
	"testing"
)

// With -tests, findings in test files are kept.
func TestCall(t *testing.T) {
	http.Get("http://api.acme.io/v1") // want `http\.Get sends`
}
