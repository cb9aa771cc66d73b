package limitations

import (
	"crypto/x509"
	"os"
)

type settings struct{ APIKey string }

func writeSettings(f *os.File, s *settings) { f.WriteString(s.APIKey) }

// The secret is inside a value with a neutral name, written by a
// helper, and the path says nothing: the file is not known to hold a
// secret.
func helper(out string, s *settings) {
	f, _ := os.Create(out)
	defer f.Close() // limitation: secret written by a helper is not seen
	writeSettings(f, s)
}

// An error kept in a variable and never read counts as handled.
func unread(cert *x509.Certificate, host string) {
	err := cert.VerifyHostname(host) // limitation: unread error variable treated as handled
	_ = host
	_ = err
}
