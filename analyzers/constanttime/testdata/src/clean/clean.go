package clean

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"reflect"
	"strings"
)

type Limits struct {
	TokenCount int
	MaxTokens  int
	TokenType  string
	Key        string
}

// Empty checks and nil checks leak nothing.
func empty(token string, sig []byte) bool {
	return token == "" || sig == nil
}

// A token type is a public label, compared with a literal.
func tokenType(l *Limits) bool {
	return l.TokenType == "Bearer" || strings.EqualFold(l.TokenType, "bearer")
}

// Counts of tokens are not tokens.
func counts(l *Limits, tokenCount, maxTokens int) bool {
	return l.TokenCount == tokenCount || l.MaxTokens != maxTokens
}

// The constant-time comparisons are what the rule asks for.
func constantTime(key, body, got []byte, apiKey, given string) bool {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	ok := hmac.Equal(got, mac.Sum(nil))
	return ok && subtle.ConstantTimeCompare([]byte(apiKey), []byte(given)) == 1
}

// A bare "key" is a map key as often as a secret.
func mapKey(l *Limits, key string) bool {
	return l.Key == key
}

// A checksum is not a MAC: sha256.Sum256 of public content.
func checksum(data []byte, want [32]byte) bool {
	return sha256.Sum256(data) == want
}

// Names and paths are not credentials even beside one.
func names(passwordField, tokenEndpoint, keyID string) bool {
	return passwordField == tokenEndpoint || keyID == tokenEndpoint
}

// A header that is not a credential.
func contentType(r *http.Request, want string) bool {
	return r.Header.Get("Content-Type") == want
}

// Comparing a token's algorithm name with a constant.
func alg(tokenAlg string) bool {
	const none = "none"
	return tokenAlg == none
}

// Integer comparisons of secret lengths.
func length(token string) bool {
	return len(token) == 32
}

// The token kind of a lexer is an enum, not a string.
type Kind int

func lexer(token Kind, want Kind) bool {
	return token == want
}

type cache struct{ refreshToken string }

// Refreshing a cached token when it changed: nobody times this.
func (c *cache) update(newToken string) {
	if c.refreshToken != newToken {
		c.refreshToken = newToken
	}
}

type keySet struct{}

func (keySet) VerifySignature(token string) ([]byte, error) { return []byte(token), nil }

// A verifier returns the payload it checked; comparing it with the
// payload the token carries compares two values the sender chose.
func verifiedPayload(set keySet, token string, payload []byte) bool {
	signedPayload, err := set.VerifySignature(token)
	return err == nil && bytes.Equal(signedPayload, payload)
}

// A file format's magic number is public; "signature" is its name.
var (
	commitFileSignature = []byte{'C', 'G', 'P', 'H'}
	packSignature       = []byte("PACK")
	indexSignature      = [4]byte{'D', 'I', 'R', 'C'}
)

func magic(sig []byte, head [4]byte) bool {
	return bytes.Equal(sig, commitFileSignature) || bytes.Equal(sig[:4], packSignature) ||
		head == indexSignature
}

// A switch on a secret with constant cases compares it with no secret.
func switchConstants(token string, r *http.Request) int {
	switch token {
	case "":
		return 0
	case "none", "anonymous":
		return 1
	}
	switch r.Header.Get("Authorization") {
	case "":
		return 2
	}
	return 3
}

// reflect.DeepEqual on structs or maps of claims is not a byte compare.
type claims struct{ Subject, Token string }

func sameClaims(a, b claims, m1, m2 map[string]string) bool {
	return reflect.DeepEqual(a, b) && reflect.DeepEqual(m1, m2)
}
