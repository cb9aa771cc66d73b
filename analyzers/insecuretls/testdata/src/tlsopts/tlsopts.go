// Package tlsopts builds TLS configs from parameters; the analyzer
// exports a fact for each exported function whose parameter reaches
// InsecureSkipVerify.
package tlsopts

import (
	"crypto/tls"
	"crypto/x509"
)

func New(serverName string, insecure bool) *tls.Config { // want New:`skipsVerify\[insecure\]`
	return &tls.Config{ServerName: serverName, InsecureSkipVerify: insecure}
}

// Wrap passes its parameter on.
func Wrap(skip bool) *tls.Config { // want Wrap:`skipsVerify\[skip\]`
	return New("", skip)
}

type Dialer struct{ cfg tls.Config }

func (d *Dialer) SetInsecure(on bool) { // want SetInsecure:`skipsVerify\[on\]`
	d.cfg.InsecureSkipVerify = on
}

// Pinned verifies in its callback: no fact.
func Pinned(skip bool) *tls.Config {
	return &tls.Config{
		InsecureSkipVerify:    skip,
		VerifyPeerCertificate: verifyPin,
	}
}

func verifyPin([][]byte, [][]*x509.Certificate) error { return errNoPin }

var errNoPin error

// Safe ignores its parameter for the field: no fact.
func Safe(insecure bool) *tls.Config {
	_ = insecure
	return &tls.Config{}
}

// A client whose method is named as the insecure choice: the store is
// how the library carries it out, and each call is reported instead.
type Client struct{ TLS *tls.Config }

func (c *Client) InsecureSkipVerify() *Client { // want InsecureSkipVerify:`skipsVerify\[\]\(always\)`
	if c.TLS == nil {
		c.TLS = &tls.Config{InsecureSkipVerify: true}
	} else {
		c.TLS.InsecureSkipVerify = true
	}
	return c
}

func WithInsecure() func(*tls.Config) {
	return func(c *tls.Config) { c.InsecureSkipVerify = true } // want `InsecureSkipVerify set to true`
}

func useHere(c *Client) {
	c.InsecureSkipVerify() // want `\(\*Client\).InsecureSkipVerify sets tls.Config.InsecureSkipVerify to true`
}

// insecureDefault is not exported and not called directly here, so the
// store itself is reported.
func insecureDefault() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
}

var _ = []func() *tls.Config{insecureDefault}
