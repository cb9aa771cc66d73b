package a

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/rand"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// A token built from a letters table in a loop, returned by a function
// whose name says it makes one.
func generateToken(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b) // want `math/rand.Intn output reaches the result of generateToken; use crypto/rand`
}

func NewSessionID() string {
	return strconv.FormatInt(rand.Int63(), 36) // want `math/rand.Int63 output reaches the result of NewSessionID`
}

func randomPassword() string {
	var sb strings.Builder
	for i := 0; i < 12; i++ {
		sb.WriteByte(letters[rand.Intn(len(letters))])
	}
	return sb.String() // want `math/rand.Intn output reaches the result of randomPassword`
}

func genNonce() []byte {
	b := make([]byte, 12)
	rand.Read(b)
	return b // want `math/rand.Read output reaches the result of genNonce; use crypto/rand.Read`
}

// A helper with a neutral name: the finding is where its result gets a
// credential name.
func randString(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

type Session struct {
	ID    string
	Token string
	Count int
}

func newSession() *Session {
	s := &Session{}
	s.Token = randString(32) // want `math/rand.Intn output reaches credential field a.Session.Token through randString`
	s.Count = rand.Intn(10)
	return s
}

func sessionLiteral() Session {
	return Session{Token: fmt.Sprintf("%x", rand.Uint64())} // want `math/rand.Uint64 output reaches credential field a.Session.Token`
}

func localVar() {
	apiKey := hex.EncodeToString([]byte(randString(16))) // want `math/rand.Intn output reaches credential variable apiKey through randString`
	use(apiKey)
}

func localChain() {
	raw := rand.Int63()
	s := strconv.FormatInt(raw, 16)
	resetCode := "rc-" + s // want `math/rand.Int63 output reaches credential variable resetCode`
	use(resetCode)
}

func arrayRead() {
	var sessionKey [32]byte // want `math/rand.Read output reaches credential variable sessionKey`
	rand.Read(sessionKey[:])
	use(sessionKey)
}

func mapKey() map[string]string {
	return map[string]string{"csrf": strconv.Itoa(rand.Int())} // want `math/rand.Int output reaches credential map key "csrf"`
}

func header(h http.Header) {
	h.Set("X-Api-Key", strconv.Itoa(rand.Int())) // want `math/rand.Int output reaches credential key "X-Api-Key"`
}

func otpCode() {
	otp := fmt.Sprintf("%06d", rand.Intn(1000000)) // want `math/rand.Intn output reaches credential variable otp`
	use(otp)
}

func base64Token() {
	b := make([]byte, 24)
	for i := range b {
		b[i] = byte(rand.Intn(256))
	}
	token := base64.URLEncoding.EncodeToString(b) // want `math/rand.Intn output reaches credential variable token`
	use(token)
}

func hashed() {
	sum := sha256.Sum256([]byte(strconv.Itoa(rand.Int())))
	secret := hex.EncodeToString(sum[:]) // want `math/rand.Int output reaches credential variable secret`
	use(secret)
}

// Crypto APIs.

func aesKey() (cipher.Block, error) {
	key := make([]byte, 32)
	rand.Read(key)
	return aes.NewCipher(key) // want `math/rand.Read output reaches the key of aes.NewCipher; use crypto/rand.Read`
}

func gcmNonce(aead cipher.AEAD, msg []byte) []byte {
	nonce := make([]byte, aead.NonceSize())
	for i := range nonce {
		nonce[i] = byte(rand.Int())
	}
	return aead.Seal(nil, nonce, msg, nil) // want `math/rand.Int output reaches the nonce of cipher.AEAD.Seal`
}

func cbc(block cipher.Block) cipher.BlockMode {
	iv := make([]byte, aes.BlockSize)
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	r.Read(iv)
	return cipher.NewCBCEncrypter(block, iv) // want `\(\*math/rand.Rand\).Read output reaches the IV of cipher.NewCBCEncrypter`
}

func mac(msg []byte) []byte {
	k := []byte(strconv.Itoa(rand.Int()))
	h := hmac.New(sha256.New, k) // want `math/rand.Int output reaches the key of hmac.New`
	h.Write(msg)
	return h.Sum(nil)
}

func kdfs(pw []byte) {
	s := make([]byte, 16)
	rand.Read(s)
	_ = argon2.IDKey(pw, s, 1, 64*1024, 4, 32) // want `math/rand.Read output reaches the salt of argon2.IDKey`
	s2 := []byte(strconv.Itoa(rand.Int()))
	_ = pbkdf2.Key(pw, s2, 4096, 32, sha256.New) // want `math/rand.Int output reaches the salt of pbkdf2.Key`
	s3 := []byte(strconv.Itoa(rand.Int()))
	_, _ = scrypt.Key(pw, s3, 1<<15, 8, 1, 32) // want `math/rand.Int output reaches the salt of scrypt.Key`
}

func keygen() {
	r := rand.New(rand.NewSource(1))
	_, _ = rsa.GenerateKey(r, 2048)                                        // want `math/rand.NewSource output reaches the random source of rsa.GenerateKey; use crypto/rand.Reader`
	_, _ = ecdsa.GenerateKey(elliptic.P256(), rand.New(rand.NewSource(2))) // want `reaches the random source of ecdsa.GenerateKey`
}

type Server struct{ rng *rand.Rand }

func (s *Server) tlsConfig() *tls.Config {
	return &tls.Config{Rand: s.rng} // want `math/rand.Rand output reaches the random source tls.Config.Rand`
}

// Across functions: a parameter that reaches a use.

func encrypt(key, msg []byte) []byte {
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(msg))
	block.Encrypt(out, msg)
	return out
}

func callsEncrypt(msg []byte) []byte {
	k := make([]byte, 16)
	rand.Read(k)
	return encrypt(k, msg) // want `math/rand.Read output reaches the key of aes.NewCipher in encrypt`
}

// A helper that fills its argument.

func fill(b []byte) {
	for i := range b {
		b[i] = byte(rand.Intn(256))
	}
}

func callsFill() {
	salt := make([]byte, 16) // want `math/rand.Intn output reaches credential variable salt through fill`
	fill(salt)
	use(salt)
}

// A credential-named parameter of another function.

type User struct{}

func (u *User) SetPassword(password string) {}

func resetUser(u *User) {
	u.SetPassword(randString(10)) // want `math/rand.Intn output reaches credential parameter password of a.User.SetPassword through randString`
}

// A package variable.
var sessionSecret = randString(32) // want `credential variable sessionSecret through randString`

// A closure capturing a weak value.
func closure() func() {
	v := rand.Int63()
	return func() {
		token := strconv.FormatInt(v, 10) // want `math/rand.Int63 output reaches credential variable token`
		use(token)
	}
}

func use(...any) {}

// A generator passed to a helper: the caller's weak generator counts.
func letter(r *rand.Rand) byte { return letters[r.Intn(len(letters))] }

func withGenerator() {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	b := make([]byte, 16)
	for i := range b {
		b[i] = letter(r)
	}
	password := string(b) // want `math/rand.NewSource output reaches credential variable password;`
	use(password)
}

// A value sent as a session or CSRF cookie is a credential whatever the
// variable holding it is called.
func cookies(w http.ResponseWriter) {
	sid := strconv.FormatInt(rand.Int63(), 36)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Secure: true, HttpOnly: true}) // want `math/rand.Int63 output reaches the value of session cookie "sid"`
	id := fmt.Sprintf("%016x", rand.Uint64())
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: id, Secure: true}) // want `math/rand.Uint64 output reaches the value of csrf cookie "csrf_token"`
	// A preference cookie may hold anything.
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: strconv.Itoa(rand.Intn(3))})
}

// A directive where the weak value is drawn silences the finding made
// where it is used.
func demoToken() string {
	//seclint:ignore weakrand shown in the docs, never accepted by a server
	n := rand.Int63()
	return strconv.FormatInt(n, 36)
}
