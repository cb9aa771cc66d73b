// Package keys passes constants where a secret key goes. The call says
// what the value is, so it is reported whatever it looks like; values
// that come from elsewhere are not.
package keys

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/securecookie"
	"golang.org/x/crypto/chacha20poly1305"
)

// The shape of CVE-2023-22463: an exported signing key, the same in every
// installation. Its name is not a credential name the value check knows,
// and the value reads like an identifier.
var JwtSigKey = []byte("signature_hmac_secret_shared_key") // want `hardcoded key "sign…" is passed to hmac.New; load it from the environment or a secret manager at startup`

const cookieHashKey = "very-secret-hash-key" // want `hardcoded key "very…" is passed to securecookie.New`

func sign(payload []byte) []byte {
	m := hmac.New(sha256.New, JwtSigKey)
	m.Write(payload)
	return m.Sum(nil)
}

func inline() {
	hmac.New(sha256.New, []byte("inline-hmac-key"))    // want `hardcoded key "inl…" is passed to hmac.New`
	aes.NewCipher([]byte("0123456789abcdef"))          // want `hardcoded key "0123…" is passed to aes.NewCipher`
	chacha20poly1305.New([]byte("k3y-of-32-bytes...")) // want `hardcoded key "k3y-…" is passed to chacha20poly1305.New`
	securecookie.New([]byte(cookieHashKey), nil)
}

func local() {
	key := []byte("a-local-key-value") // want `hardcoded key "a-lo…" is passed to aes.NewCipher`
	aes.NewCipher(key)
}

func tokens(t *jwt.Token) {
	t.SignedString([]byte("jwt-secret")) // want `hardcoded key "jw…" is passed to \(\*jwt.Token\).SignedString`
	jwt.Parse("tok", func(*jwt.Token) (any, error) {
		return []byte("verify-me"), nil // want `hardcoded key "ve…" is passed to the key function of jwt.Parse`
	})
	jwt.Parse("tok", keyFunc)
}

func keyFunc(*jwt.Token) (any, error) {
	return []byte(secretKey), nil
}

const secretKey = "Zk3vP9qLm2Xw7RtY" // want `\(generic secret key\) "Zk3v…"`

// Reported once, by the value check, where it is written.
var signingKey = []byte("s1gn!ng-K3y-9f8e7d6c") // want `\(generic signing key\) "s1gn…"`

func once() { hmac.New(sha256.New, signingKey) }

// Not constants: read at run time, changed after their declaration, or
// parameters.
var runtimeKey = []byte(os.Getenv("HMAC_KEY"))

var rotated = []byte("initial-placeholder")

func rotate() { rotated = []byte(os.Getenv("HMAC_KEY")) }

func fromElsewhere(param []byte) {
	hmac.New(sha256.New, runtimeKey)
	hmac.New(sha256.New, rotated)
	hmac.New(sha256.New, param)
	hmac.New(sha256.New, securecookie.GenerateRandomKey(32))
	var buf []byte
	aes.NewCipher(buf)
	k := []byte("changed-below")
	k[0] = 'x'
	other := []byte("taken-address")
	fill(&other)
	aes.NewCipher(other)
}

func fill(*[]byte) {}

// Published labels that separate one construction's uses are not secrets
// (BIP-32's master key derivation), nor is an empty key.
func labels(seed []byte) {
	hmac.New(sha256.New, []byte("Bitcoin seed"))
	hmac.New(sha256.New, []byte(""))
	hmac.New(sha256.New, nil)
}
