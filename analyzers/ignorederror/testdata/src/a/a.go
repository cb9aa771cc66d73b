package a

import (
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/oauth2"
)

func verify(cert *x509.Certificate, opts x509.VerifyOptions, host string) {
	chains, _ := cert.Verify(opts) // want `error from Certificate.Verify is assigned to _; the check's result is its error`
	_ = chains
	cert.VerifyHostname(host) // want `error from Certificate.VerifyHostname is dropped`
}

func conn(c *tls.Conn, host string) {
	_ = c.VerifyHostname(host) // want `error from Conn.VerifyHostname is assigned to _`
}

func signature(pub *rsa.PublicKey, digest, sig []byte) {
	rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest, sig) // want `error from rsa.VerifyPKCS1v15 is dropped`
}

func parent(cert, ca *x509.Certificate) {
	defer cert.CheckSignatureFrom(ca) // want `error from Certificate.CheckSignatureFrom is dropped by defer`
}

type Config struct{ URL string }

func (c *Config) Validate() error { return nil }

func load(c *Config) *Config {
	c.Validate() // want `error from Config.Validate is dropped`
	return c
}

type Webhook struct{}

func (w *Webhook) VerifySignature(body []byte, sig string) error { return nil }

func hook(w *Webhook, body []byte, sig string) {
	_ = w.VerifySignature(body, sig) // want `error from Webhook.VerifySignature is assigned to _`
}

// The MAC covers whatever was read before the error.
func macOf(key []byte, body io.Reader) []byte {
	mac := hmac.New(sha256.New, key)
	io.Copy(mac, body) // want `error from io.Copy is dropped; a short read leaves the hash over a truncated input`
	return mac.Sum(nil)
}

func refresh(ts oauth2.TokenSource) string {
	tok, _ := ts.Token() // want `error from TokenSource.Token is assigned to _; a failed refresh yields no valid token`
	return tok.AccessToken
}

// The oauth2 quickstart pattern: the token cache is closed unchecked.
func saveToken(path string, token *oauth2.Token) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	defer f.Close() // want `error from File.Close is dropped by defer; a failed close can leave the secret file truncated`
	json.NewEncoder(f).Encode(token)
}

// A private key written to a file named by its path.
func saveKey(dir string, der []byte) error {
	f, err := os.Create(filepath.Join(dir, "server.key"))
	if err != nil {
		return err
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		return err
	}
	f.Close() // want `error from File.Close is dropped; a failed close`
	return nil
}

func writeSecret(out string, apiKey string) {
	f, _ := os.Create(out)
	fmt.Fprintf(f, "key=%s\n", apiKey)
	_ = f.Close() // want `error from File.Close is assigned to _`
}
