// Package limitations pins what insecuretls does not see. Each case
// below is insecure or safe in a way the analyzer gets wrong; the comment
// names the gap. When a gap closes, the test fails and the comment
// becomes a want (or the want goes away).
package limitations

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"reflect"
)

// Missed: the field is set through reflection.
func viaReflection() *tls.Config {
	c := &tls.Config{}
	reflect.ValueOf(c).Elem().FieldByName("InsecureSkipVerify").SetBool(true)
	return c
}

type setter interface {
	Set(c *tls.Config, skip bool)
}

type skipper struct{}

func (skipper) Set(c *tls.Config, skip bool) { c.InsecureSkipVerify = skip } // want Set:`skipsVerify\[skip\]`

// Missed: the constant reaches the field through an interface method call.
func viaInterface(s setter, c *tls.Config) {
	s.Set(c, true)
}

// Missed: the constant reaches the field through a function value.
func viaFuncValue(c *tls.Config) {
	set := func(c *tls.Config, v bool) { c.InsecureSkipVerify = v }
	apply(set, c)
}

func apply(f func(*tls.Config, bool), c *tls.Config) { f(c, true) }

// Missed: the value travels through a map.
func viaMap(c *tls.Config) {
	opts := map[string]bool{"insecure": true}
	c.InsecureSkipVerify = opts["insecure"]
}

// Missed: the suite list is built with append.
func viaAppend(c *tls.Config) {
	var suites []uint16
	suites = append(suites, tls.TLS_RSA_WITH_RC4_128_SHA)
	c.CipherSuites = suites
}

// Reported although safe: the verifying callback is set by another
// function, so the skip is not paired with it.
func verifiedElsewhere(pin []byte) *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
	addPinning(c, pin)
	return c
}

func addPinning(c *tls.Config, pin []byte) {
	c.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error {
		return comparePin(raw, pin)
	}
}

func comparePin(raw [][]byte, pin []byte) error { return nil }

// Reported although safe: the chain is verified by hand after the
// handshake, which the analyzer does not recognize as verification.
func verifiedAfterHandshake(conn net.Conn, roots *x509.CertPool) error {
	c := tls.Client(conn, &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify set to true`
	if err := c.Handshake(); err != nil {
		return err
	}
	certs := c.ConnectionState().PeerCertificates
	_, err := certs[0].Verify(x509.VerifyOptions{Roots: roots})
	return err
}
