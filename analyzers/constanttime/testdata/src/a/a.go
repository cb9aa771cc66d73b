package a

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"reflect"
	"strings"
)

type Config struct {
	APIKey       string
	PasswordHash string
	WebhookToken string
}

const adminToken = "t0k3n-in-config"

func checkMAC(key, body, got []byte) bool {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	expected := mac.Sum(nil)
	return bytes.Equal(got, expected) // want `secret expected compared with bytes.Equal`
}

func checkMACHex(key, body []byte, got string) bool {
	h := hmac.New(sha256.New, key)
	h.Write(body)
	sum := hex.EncodeToString(h.Sum(nil))
	return got == sum // want `secret sum compared with ==`
}

func checkHeader(cfg *Config, r *http.Request) bool {
	return r.Header.Get("X-Api-Key") != cfg.APIKey // want `secret r.Header.Get\("X-Api-Key"\) compared with !=`
}

func bearer(r *http.Request, cfg *Config) bool {
	auth := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	return auth == cfg.WebhookToken // want `secret auth compared with ==`
}

func basic(r *http.Request, cfg *Config) bool {
	_, pw, ok := r.BasicAuth()
	return ok && strings.EqualFold(pw, cfg.PasswordHash) // want `secret pw compared with strings.EqualFold`
}

func param(apiToken, given string) bool {
	return strings.Compare(apiToken, given) == 0 // want `secret apiToken compared with strings.Compare`
}

func constant(r *http.Request) bool {
	return r.FormValue("user") == adminToken // want `secret adminToken compared with ==`
}

func digest(key, msg []byte, sig [32]byte) bool {
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	var want [32]byte
	copy(want[:], m.Sum(nil))
	return sig == want // want `secret sig compared with ==`
}

func csrf(csrfToken string, r *http.Request) bool {
	return csrfToken == r.PostFormValue("csrf") // want `secret csrfToken compared with ==`
}

func sessionID(sessionID string, cookie *http.Cookie) bool {
	return cookie.Value != sessionID // want `secret sessionID compared with !=`
}

func computeSignature(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	return m.Sum(nil)
}

func producedSignature(key, body, got []byte) bool {
	return bytes.Equal(computeSignature(key, body), got) // want `secret computeSignature\(key, body\) compared with bytes.Equal`
}

// A hardcoded key held in bytes is still a secret, and a package
// variable the code fills at run time holds no fixed value.
var (
	masterKey    = []byte("k3P9vQ2xL7mZ4tR8")
	sessionToken = []byte{'t', 'o', 'k', 'e', 'n', '-', '0', '0'}
	signingKey   = []byte("placeholder")
)

func loadKey(b []byte) { copy(signingKey, b) }

func hardcoded(given []byte) bool {
	return bytes.Equal(given, masterKey) || // want `secret masterKey compared with bytes.Equal`
		bytes.Equal(given, signingKey) // want `secret signingKey compared with bytes.Equal`
}

func rotate() { sessionToken[0] = 'T' }

func changed(given []byte) bool {
	return bytes.Equal(given, sessionToken) // want `secret sessionToken compared with bytes.Equal`
}

// A switch compares its tag with each case by ==.
func switchSecret(r *http.Request, secret string) bool {
	switch r.Header.Get("X-Gitlab-Token") {
	case secret: // want `secret r.Header.Get\("X-Gitlab-Token"\) compared by a switch case`
		return true
	}
	return false
}

// reflect.DeepEqual on two MACs compares them byte by byte, and stops early.
func deepEqualMAC(msg, messageMAC, key []byte) bool {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	expectedMAC := mac.Sum(nil)
	return reflect.DeepEqual(messageMAC, expectedMAC) // want `secret messageMAC compared with reflect.DeepEqual`
}
