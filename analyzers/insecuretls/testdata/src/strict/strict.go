// Package strict runs with -insecuretls.strict: every value that may be
// true is reported.
package strict

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"os"
)

var insecure = flag.Bool("insecure", false, "skip verification")

type Settings struct{ Insecure bool }

func configs(s *Settings, on bool) []*tls.Config {
	return []*tls.Config{
		{InsecureSkipVerify: *insecure},                        // want `tls.Config.InsecureSkipVerify is set from a value that may be true \(strict mode\)`
		{InsecureSkipVerify: s.Insecure},                       // want `may be true`
		{InsecureSkipVerify: os.Getenv("TLS_INSECURE") == "1"}, // want `may be true`
		{InsecureSkipVerify: on},                               // want `may be true`
		{InsecureSkipVerify: false},
		{InsecureSkipVerify: true}, // want `set to true disables`
		{ServerName: "db"},
	}
}

func pinned(on bool) *tls.Config {
	return &tls.Config{
		InsecureSkipVerify:    on,
		VerifyPeerCertificate: verify,
	}
}

func verify([][]byte, [][]*x509.Certificate) error { return os.ErrInvalid }
