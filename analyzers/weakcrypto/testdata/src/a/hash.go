package a

import (
	"crypto"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"crypto/x509"
	"fmt"
	"hash"
	"io"
	"net/http"

	"golang.org/x/crypto/pbkdf2"
)

type user struct {
	Name     string
	Password string
	Salt     []byte
}

func storeSHA256(password string) []byte {
	sum := sha256.Sum256([]byte(password)) // want `password hashed with sha256\.Sum256, a fast hash; use bcrypt, scrypt or argon2id`
	return sum[:]
}

func storeSalted(u *user) []byte {
	sum := sha512.Sum512(append(u.Salt, u.Password...)) // want `password hashed with sha512\.Sum512`
	return sum[:]
}

func storeShort(pw string) [16]byte {
	return md5.Sum([]byte(pw)) // want `password hashed with md5\.Sum`
}

func storeConcat(salt, pwd string) [16]byte {
	return md5.Sum([]byte(salt + pwd)) // want `password hashed with md5\.Sum`
}

func storeSprintf(salt string, u *user) [20]byte {
	return sha1.Sum([]byte(fmt.Sprintf("%s:%s", salt, u.Password))) // want `password hashed with sha1\.Sum`
}

func storeViaLocal(r *http.Request) []byte {
	pw := r.FormValue("password")
	data := []byte(pw)
	sum := sha256.Sum256(data) // want `password hashed with sha256\.Sum256`
	return sum[:]
}

func storeWriter(passphrase []byte) []byte {
	h := sha256.New()
	h.Write(passphrase) // want `password hashed with sha256\.New, a fast hash`
	return h.Sum(nil)
}

func storeWriteString(userPwd string) []byte {
	h := md5.New()
	io.WriteString(h, userPwd) // want `password hashed with md5\.New`
	return h.Sum(nil)
}

func hmacMD5(key, msg []byte) []byte {
	m := hmac.New(md5.New, key) // want `hmac\.New with md5\.New, a broken hash; use sha256\.New`
	m.Write(msg)
	return m.Sum(nil)
}

func hmacMD5Lit(key []byte) hash.Hash {
	return hmac.New(func() hash.Hash { return md5.New() }, key) // want `hmac\.New with md5\.New`
}

func hmacMD5Const(key []byte) hash.Hash {
	return hmac.New(crypto.MD5.New, key) // want `hmac\.New with md5\.New`
}

func signSHA1(priv *rsa.PrivateKey, msg []byte) ([]byte, error) {
	d := sha1.Sum(msg)
	return rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA1, d[:]) // want `rsa\.SignPKCS1v15 with crypto\.SHA1, a hash open to collisions; sign a SHA-256 digest with crypto\.SHA256`
}

func signPSSMD5(priv *rsa.PrivateKey, d []byte) ([]byte, error) {
	return rsa.SignPSS(rand.Reader, priv, crypto.MD5, d, nil) // want `rsa\.SignPSS with crypto\.MD5`
}

func verifySHA1(pub *rsa.PublicKey, d, sig []byte) error {
	return rsa.VerifyPKCS1v15(pub, crypto.SHA1, d, sig) // want `rsa\.VerifyPKCS1v15 with crypto\.SHA1`
}

func signerSHA1(s crypto.Signer, d []byte) ([]byte, error) {
	return s.Sign(rand.Reader, d, crypto.SHA1) // want `Signer\.Sign with crypto\.SHA1`
}

func privSignMD5(priv *rsa.PrivateKey, d []byte) ([]byte, error) {
	return priv.Sign(rand.Reader, d, crypto.MD5) // want `PrivateKey\.Sign with crypto\.MD5`
}

const sigAlg = x509.ECDSAWithSHA1

func templates() []any {
	csr := &x509.CertificateRequest{SignatureAlgorithm: sigAlg} // want `x509 template signs with ECDSAWithSHA1, a hash open to collisions; use ECDSAWithSHA256`
	var cert x509.Certificate
	cert.SignatureAlgorithm = x509.DSAWithSHA1 // want `x509 template signs with DSAWithSHA1.*use an ECDSA, Ed25519 or RSA key with SHA-256`
	return []any{csr, &cert}
}

func derive(password, salt []byte) [][]byte {
	return [][]byte{
		pbkdf2.Key(password, salt, 4096, 32, sha1.New),    // want `pbkdf2\.Key with 4096 iterations of sha1, too few to slow password guessing; use argon2id, or at least 100000 iterations`
		pbkdf2.Key(password, salt, 10000, 32, sha256.New), // want `pbkdf2\.Key with 10000 iterations of sha256`
		pbkdf2.Key(password, salt, 600000, 16, md5.New),   // want `pbkdf2\.Key with md5\.New, a broken hash`
	}
}

// A fresh hash compared with a stored one is password storage.
func checkStored(u *user, password string) bool {
	got := sha256.Sum256([]byte(password)) // want `password hashed with sha256\.Sum256`
	return subtle.ConstantTimeCompare(got[:], u.Salt) == 1
}

// The hash held in a variable set once, or named in PSSOptions.
func signHeld(priv *rsa.PrivateKey, d []byte) {
	h := crypto.SHA1
	rsa.SignPKCS1v15(rand.Reader, priv, h, d)                     // want `rsa\.SignPKCS1v15 with crypto\.SHA1`
	priv.Sign(rand.Reader, d, &rsa.PSSOptions{Hash: crypto.SHA1}) // want `PrivateKey\.Sign with crypto\.SHA1`
	priv.Sign(rand.Reader, d, &rsa.PSSOptions{Hash: crypto.SHA256})
	strong := crypto.SHA256
	rsa.SignPKCS1v15(rand.Reader, priv, strong, d)
}
