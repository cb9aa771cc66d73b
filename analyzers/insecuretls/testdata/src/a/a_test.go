package a

import (
	"crypto/tls"
	"testing"
)

// Test code is out of scope unless -insecuretls.tests is set.
func TestServer(t *testing.T) {
	_ = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}
}
