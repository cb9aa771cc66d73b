package clean

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

// Checksums, ETags, cache keys and content addresses are not security
// uses of MD5 or SHA-1.
func checksum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func etag(body []byte) string {
	return fmt.Sprintf(`"%x"`, md5.Sum(body))
}

func cacheKey(url string, version int) string {
	sum := sha1.Sum([]byte(fmt.Sprintf("%s@%d", url, version)))
	return hex.EncodeToString(sum[:])
}

func gitBlobID(content []byte) [20]byte {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write(content)
	var id [20]byte
	copy(id[:], h.Sum(nil))
	return id
}

func shard(key string, n uint32) uint32 {
	sum := md5.Sum([]byte(key))
	return binary.BigEndian.Uint32(sum[:4]) % n
}

// Hashing a high-entropy token before storing it is right; so is
// SHA-256 of any data that is not a password.
func tokenDigest(apiToken string) [32]byte {
	return sha256.Sum256([]byte(apiToken))
}

func keyFromSecret(clientSecret string) [32]byte {
	return sha256.Sum256([]byte(clientSecret))
}

// Names that contain a password word but do not hold a password.
func notPasswords(passwordHash, passwordPolicy string, certPin []byte, pinned bool) {
	sha256.Sum256([]byte(passwordHash))
	sha256.Sum256([]byte(passwordPolicy))
	sha256.Sum256(certPin)
	md5.Sum([]byte("password")) // a constant, not a password
}

// Pre-hashing before bcrypt gets past its 72-byte limit.
func preHash(password string) ([]byte, error) {
	sum := sha256.Sum256([]byte(password))
	return bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(sum[:])), bcrypt.DefaultCost)
}

func bcryptHash(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}

// A protocol that fixes the hash: MySQL's native password auth.
func scramblePassword(scramble []byte, password string) []byte {
	crypt := sha1.New()
	crypt.Write([]byte(password))
	stage1 := crypt.Sum(nil)
	crypt.Reset()
	crypt.Write(scramble)
	crypt.Write(stage1)
	return crypt.Sum(nil)
}

// HMAC-SHA1 is sound and TOTP requires it; reported only with -strict.
func totp(secret []byte, counter uint64) []byte {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	m := hmac.New(sha1.New, secret)
	m.Write(msg[:])
	return m.Sum(nil)
}

func hmacSHA256(key, msg []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}

func signSHA256(priv *rsa.PrivateKey, msg []byte) ([]byte, error) {
	d := sha256.Sum256(msg)
	return rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA256, d[:])
}

// The hash comes from the caller or the peer.
func signWith(priv *rsa.PrivateKey, h crypto.Hash, d []byte) ([]byte, error) {
	return rsa.SignPKCS1v15(rand.Reader, priv, h, d)
}

func ed25519Style(s crypto.Signer, msg []byte) ([]byte, error) {
	return s.Sign(rand.Reader, msg, crypto.Hash(0))
}

func templateOK(alg x509.SignatureAlgorithm) []*x509.Certificate {
	return []*x509.Certificate{
		{SignatureAlgorithm: x509.SHA256WithRSA},
		{SignatureAlgorithm: alg},
		{},
	}
}

// Reading a certificate's algorithm is not choosing it.
func isLegacy(cert *x509.Certificate) bool {
	return cert.SignatureAlgorithm == x509.SHA1WithRSA
}

func deriveOK(password, salt []byte, iter int) [][]byte {
	return [][]byte{
		pbkdf2.Key(password, salt, 600000, 32, sha256.New),
		pbkdf2.Key(password, salt, 1300000, 32, sha1.New),
		pbkdf2.Key(password, salt, iter, 32, sha256.New),
	}
}

// A slow password hash written by hand: the fast hash is one step of
// it, as in argon2's initial hash or bcrypt_pbkdf.
func stretch(password, salt []byte, rounds int) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	sum := h.Sum(nil)
	for range rounds {
		s := sha256.Sum256(sum)
		sum = s[:]
	}
	return sum
}

// PBKDF2 with one iteration expands a key, as scrypt does.
func expand(password, salt []byte) []byte {
	return pbkdf2.Key(password, salt, 1, 64, sha256.New)
}

// Basic auth: both sides hashed to equal lengths, then compared in
// constant time. Nothing is stored.
func basicAuth(password, expectedPassword string) bool {
	got := sha256.Sum256([]byte(password))
	want := sha256.Sum256([]byte(expectedPassword))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}
