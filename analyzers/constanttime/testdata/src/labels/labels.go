// Package labels holds comparisons that look like secrets by name but
// compare labels, codes, or a value with a function of itself.
package labels

import (
	"bytes"
	"errors"
	"net/http"
	"path"
	"strings"

	"golang.org/x/term"
)

// A header name and an error code, named after the credential they
// concern, hold no secret.
const (
	HeaderAuthorization      = "Authorization"
	errcodeInvalidPassword   = "28P01"
	headerXAPIKey            = "X-Api-Key"
	passwordField            = "password"
	signingKeyDerivedPurpose = "session cookie"
)

func headerName(name string) bool {
	return name == HeaderAuthorization || name == headerXAPIKey
}

func errorCode(code string) bool {
	return code == errcodeInvalidPassword
}

func fieldName(k string) bool {
	return k == passwordField || k == signingKeyDerivedPurpose
}

type lexer struct{ token string }

// A token of a lexer compared with the path it was cleaned into.
func cleaned(l *lexer, dir string) bool {
	p := l.token
	if !path.IsAbs(p) {
		p = path.Join(dir, p)
	}
	p = strings.TrimLeft(path.Clean(p), "/")
	return p != l.token
}

// The same, without a variable between.
func trimmed(token string) bool {
	return strings.TrimSpace(token) != token
}

// A password typed twice at the terminal to confirm it.
func confirm() error {
	password, err := term.ReadPassword(0)
	if err != nil {
		return err
	}
	again, err := term.ReadPassword(0)
	if err != nil {
		return err
	}
	if !bytes.Equal(password, again) {
		return errors.New("passwords do not match")
	}
	return nil
}

// A constant that holds a key is a secret, and input compared with it
// leaks it.
const apiKey = "k7Hq-29xLmPz"

func secretConst(r *http.Request) bool {
	return r.FormValue("k") == apiKey // want `secret apiKey compared with ==`
}

// Input cleaned and compared with a stored token is still reported: the
// input is not derived from the token.
func cleanedInput(r *http.Request, storedToken string) bool {
	given := strings.TrimSpace(r.FormValue("token"))
	given = strings.TrimPrefix(given, "Bearer ")
	return given != storedToken // want `secret given compared with !=`
}

// A password typed at the terminal compared with a stored one is
// reported: only two terminal reads are exempt.
func login(storedPassword []byte) bool {
	typed, _ := term.ReadPassword(0)
	return bytes.Equal(typed, storedPassword) // want `secret typed compared with bytes.Equal`
}

// A known-answer self-test compares a result with bytes written in the
// source: they are public like a literal string.
func selfTest(key, msg []byte, sign func(k, m []byte) []byte) error {
	want := []byte{0x2a, 0xf6, 0xcd, 0x0e}
	var wantMAC = [4]byte{1, 2, 3, 4}
	sig := sign(key, msg)
	if !bytes.Equal(sig, want) || !bytes.Equal(sig, []byte("fixed")) {
		return errors.New("unexpected result")
	}
	var got [4]byte
	copy(got[:], sig)
	if got != wantMAC {
		return errors.New("unexpected mac")
	}
	return nil
}

// Bytes written in the source, then replaced by a value read at run
// time, are no longer fixed.
func notFixed(r *http.Request, sig []byte) bool {
	expected := []byte{0, 0, 0, 0}
	if v := r.Header.Get("X-Expected"); v != "" {
		expected = []byte(v)
	}
	return bytes.Equal(sig, expected) // want `secret sig compared with bytes.Equal`
}
