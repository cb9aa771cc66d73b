// Package tlsconf holds the TLS mistakes that the end-to-end tests expect
// seclint to report, one per function.
package tlsconf

import (
	"crypto/tls"
	"net/http"
)

func Literal() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}

func Pointer() *tls.Config {
	c := &tls.Config{}
	c.InsecureSkipVerify = true
	return c
}

func Nested() *http.Transport {
	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	tr.TLSClientConfig.InsecureSkipVerify = true
	return tr
}

func OldVersion() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS10}
}

func Suppressed() *tls.Config {
	//seclint:ignore insecuretls talks only to the build farm's self-signed cache
	return &tls.Config{InsecureSkipVerify: true}
}

func Unexplained() *tls.Config {
	//seclint:ignore insecuretls
	return &tls.Config{InsecureSkipVerify: true}
}
