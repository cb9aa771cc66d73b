package clean

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/oauth2"
)

// Hash writes never fail.
func mac(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	io.WriteString(m, "suffix")
	return m.Sum(nil)
}

// Buffer and builder writes never fail.
func buffers() string {
	var b bytes.Buffer
	b.WriteString("x")
	var s strings.Builder
	s.WriteString("y")
	fmt.Fprintf(&b, "%d", 1)
	return b.String() + s.String()
}

// Printing is not a security check.
func printing() {
	fmt.Println("hello")
	fmt.Printf("%d\n", 2)
}

// Since Go 1.24 crypto/rand.Read never returns an error.
func nonce() []byte {
	b := make([]byte, 12)
	rand.Read(b)
	return b
}

// Errors that are handled.
func handled(cert *x509.Certificate, host string, ts oauth2.TokenSource) error {
	if err := cert.VerifyHostname(host); err != nil {
		return err
	}
	tok, err := ts.Token()
	if err != nil {
		return err
	}
	_ = tok
	return nil
}

// io.Copy into something that is not a hash.
func copyFile(dst io.Writer, src io.Reader) {
	io.Copy(dst, src)
}

// Closing an ordinary file, and closing a file of secrets opened for
// reading.
func ordinary(path string, data []byte) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	f.Write(data)
}

func readKey(keyFile string) ([]byte, error) {
	f, err := os.Open(keyFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// A secret file whose close error is checked.
func saveChecked(tokenPath string, token []byte) error {
	f, err := os.OpenFile(tokenPath, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(token); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Hashing a stream with the error checked.
func hashStream(r io.Reader) ([]byte, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// A method named Validator is not a validation call, and a Validate that
// returns a bool has no error to drop.
type rules struct{}

func (rules) Validator() error   { return nil }
func (rules) ValidateName() bool { return true }

func notChecks(r rules) {
	r.Validator()
	r.ValidateName()
}
