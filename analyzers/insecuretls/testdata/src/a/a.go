package a

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

// Literals.

func literal() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `tls.Config.InsecureSkipVerify set to true disables certificate verification; remove it and trust the server's CA through RootCAs`
}

func literalValue() tls.Config {
	return tls.Config{ServerName: "db", InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
}

func literalFalse() *tls.Config {
	return &tls.Config{InsecureSkipVerify: false}
}

func literalOmitted() *tls.Config {
	return &tls.Config{ServerName: "db"}
}

var packageLevel = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`

var packageLevelSafe = &tls.Config{MinVersion: tls.VersionTLS12}

// Assignments.

func byValue() tls.Config {
	var c tls.Config
	c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return c
}

func byPointer() *tls.Config {
	c := &tls.Config{}
	c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return c
}

func nested() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return tr
}

func nestedLiteral() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify set to true`
	}}
}

func cloned(base *tls.Config) *tls.Config {
	c := base.Clone()
	c.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return c
}

func clonedSafe(base *tls.Config) *tls.Config {
	c := base.Clone()
	c.ServerName = "db"
	return c
}

func assignedFalse(c *tls.Config) {
	c.InsecureSkipVerify = false
}

type wrapped struct {
	tls.Config
	name string
}

func embedded() *wrapped {
	w := &wrapped{name: "x"}
	w.InsecureSkipVerify = true // want `InsecureSkipVerify set to true`
	return w
}

type alias = tls.Config

func aliased() *alias {
	return &alias{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
}

// Constants that reach the field through variables.

func local() *tls.Config {
	insecure := true
	return &tls.Config{InsecureSkipVerify: insecure} // want `InsecureSkipVerify set to true`
}

func captured() func() *tls.Config {
	skip := true
	return func() *tls.Config {
		return &tls.Config{InsecureSkipVerify: skip} // want `InsecureSkipVerify set to true`
	}
}

var skipOnce = true

func globalOnce() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipOnce} // want `InsecureSkipVerify set to true`
}

type options struct {
	Insecure bool
	Name     string
}

func localOptions() *tls.Config {
	opts := options{Insecure: true, Name: "x"}
	return &tls.Config{InsecureSkipVerify: opts.Insecure} // want `InsecureSkipVerify set to true`
}

func negated() *tls.Config {
	verify := false
	return &tls.Config{InsecureSkipVerify: !verify} // want `InsecureSkipVerify set to true`
}

// Parameters: the call that passes a constant is reported.

func newConfig(insecure bool) *tls.Config {
	return &tls.Config{InsecureSkipVerify: insecure}
}

func middle(skip bool) *tls.Config {
	return newConfig(skip)
}

func callers() {
	_ = newConfig(true) // want `true passed as insecure to newConfig reaches tls.Config.InsecureSkipVerify`
	_ = newConfig(false)
	_ = middle(true) // want `true passed as skip to middle reaches`
}

type client struct{ cfg *tls.Config }

func (c *client) setInsecure(v bool) { c.cfg.InsecureSkipVerify = v }

func methodCaller(c *client) {
	c.setInsecure(true) // want `true passed as v to \(\*client\).setInsecure reaches`
	c.setInsecure(false)
}

// Values that are not constant come from opt-in options: not reported.

type Settings struct {
	TLSInsecure bool
}

func fromConfig(s *Settings) *tls.Config {
	return &tls.Config{InsecureSkipVerify: s.TLSInsecure}
}

func fromParamNeverTrue(cfg Settings) *tls.Config {
	return newFromParam(cfg.TLSInsecure)
}

func newFromParam(insecure bool) *tls.Config {
	return &tls.Config{InsecureSkipVerify: insecure}
}

func optIn(enabled bool) *tls.Config {
	skip := false
	if enabled {
		skip = true
	}
	return &tls.Config{InsecureSkipVerify: skip}
}

var SkipExported = true

func exportedGlobal() *tls.Config {
	return &tls.Config{InsecureSkipVerify: SkipExported}
}

var skipSetLater bool

func EnableInsecure() { skipSetLater = true }

func globalSetLater() *tls.Config {
	return &tls.Config{InsecureSkipVerify: skipSetLater}
}

func optionsEscape(decode func(*options)) *tls.Config {
	var opts options
	decode(&opts)
	return &tls.Config{InsecureSkipVerify: opts.Insecure}
}

// Versions.

func versions() []*tls.Config {
	return []*tls.Config{
		{MinVersion: tls.VersionTLS10}, // want `tls.Config.MinVersion tls.VersionTLS10 allows protocol versions below TLS 1.2; raise it to tls.VersionTLS12 or omit it`
		{MinVersion: tls.VersionTLS11}, // want `MinVersion tls.VersionTLS11`
		{MinVersion: 0x0300},           // want `MinVersion tls.VersionSSL30`
		{MaxVersion: tls.VersionTLS11}, // want `tls.Config.MaxVersion tls.VersionTLS11 caps connections below TLS 1.2; raise it to at least tls.VersionTLS12 or omit it`
		{MinVersion: tls.VersionTLS12},
		{MinVersion: tls.VersionTLS13},
		{MaxVersion: tls.VersionTLS13},
		{MinVersion: 0},
	}
}

func versionAssigned(c *tls.Config) {
	v := uint16(tls.VersionTLS10)
	c.MinVersion = v // want `MinVersion tls.VersionTLS10`
}

func versionDynamic(c *tls.Config, v uint16) {
	c.MinVersion = v
}

// Cipher suites.

var legacySuites = []uint16{
	tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_RSA_WITH_RC4_128_SHA, // want `tls.Config.CipherSuites includes TLS_RSA_WITH_RC4_128_SHA, which tls.InsecureCipherSuites lists; remove it from the list`
}

func suites() []*tls.Config {
	local := []uint16{0x000a} // want `includes TLS_RSA_WITH_3DES_EDE_CBC_SHA`
	return []*tls.Config{
		{CipherSuites: []uint16{
			tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA, // want `includes TLS_ECDHE_RSA_WITH_RC4_128_SHA`
		}},
		{CipherSuites: local},
		{CipherSuites: legacySuites},
		{CipherSuites: []uint16{
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
			tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
		}},
		{CipherSuites: nil},
	}
}

// Callbacks.

func acceptAll() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true, // want `InsecureSkipVerify set to true`
		VerifyPeerCertificate: func([][]byte, [][]*x509.Certificate) error { // want `tls.Config.VerifyPeerCertificate accepts every peer while InsecureSkipVerify is true`
			return nil
		},
	}
}

func acceptAllConn() *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify set to true`
	c.VerifyConnection = acceptConn            // want `tls.Config.VerifyConnection accepts every peer`
	return c
}

func acceptConn(tls.ConnectionState) error { return nil }

// pinned is how Go code pins a certificate: the callback verifies.
func pinned(want []byte) *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			return checkPin(raw, want)
		},
	}
}

func checkPin(raw [][]byte, want []byte) error { return nil }

// verifyCA is libpq's verify-ca: the callback reads the config it is set
// on, so the config variable lives in a cell that each use loads.
func verifyCA(roots *x509.CertPool) *tls.Config {
	cfg := &tls.Config{}
	cfg.RootCAs = roots
	cfg.InsecureSkipVerify = true
	cfg.VerifyPeerCertificate = func(raw [][]byte, _ [][]*x509.Certificate) error {
		cert, err := x509.ParseCertificate(raw[0])
		if err != nil {
			return err
		}
		_, err = cert.Verify(x509.VerifyOptions{Roots: cfg.RootCAs})
		return err
	}
	return cfg
}

func acceptAllButVerified() *tls.Config {
	return &tls.Config{
		VerifyConnection: func(tls.ConnectionState) error { return nil },
	}
}

func nilCallback() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: nil} // want `InsecureSkipVerify set to true`
}

func legacyMinVersion() uint16 { return tls.VersionTLS10 }

func chosenMinVersion(old bool) uint16 {
	if old {
		return tls.VersionTLS10
	}
	return tls.VersionTLS13
}

func minVersionFromHelpers(old bool) []*tls.Config {
	return []*tls.Config{
		{MinVersion: legacyMinVersion()}, // want `MinVersion tls.VersionTLS10`
		{MinVersion: chosenMinVersion(old)},
	}
}
