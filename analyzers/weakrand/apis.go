package weakrand

// A cryptoArg is an argument of a crypto API that must be unpredictable.
type cryptoArg struct {
	index  int    // argument index, counting a method's receiver as 0 in static calls
	what   string // "key", "nonce", "random source"...
	reader bool   // the argument is an io.Reader the API draws from
}

// cryptoAPIs are the crypto functions whose keys, nonces, IVs, salts and
// random sources are checked, by types.Func.FullName. Indexes count the
// receiver of a method as argument 0, as static SSA calls do; interface
// methods are listed with the receiver left out (invoke calls).
var cryptoAPIs = map[string][]cryptoArg{
	"crypto/aes.NewCipher":             {{index: 0, what: "key"}},
	"crypto/des.NewCipher":             {{index: 0, what: "key"}},
	"crypto/des.NewTripleDESCipher":    {{index: 0, what: "key"}},
	"crypto/rc4.NewCipher":             {{index: 0, what: "key"}},
	"crypto/hmac.New":                  {{index: 1, what: "key"}},
	"crypto/cipher.NewCBCEncrypter":    {{index: 1, what: "IV"}},
	"crypto/cipher.NewCBCDecrypter":    {{index: 1, what: "IV"}},
	"crypto/cipher.NewCFBEncrypter":    {{index: 1, what: "IV"}},
	"crypto/cipher.NewCFBDecrypter":    {{index: 1, what: "IV"}},
	"crypto/cipher.NewCTR":             {{index: 1, what: "IV"}},
	"crypto/cipher.NewOFB":             {{index: 1, what: "IV"}},
	"(crypto/cipher.AEAD).Seal":        {{index: 1, what: "nonce"}},
	"crypto/pbkdf2.Key":                {{index: 2, what: "salt"}},
	"crypto/hkdf.Key":                  {{index: 1, what: "secret"}, {index: 2, what: "salt"}},
	"crypto/hkdf.Extract":              {{index: 1, what: "secret"}, {index: 2, what: "salt"}},
	"crypto/ed25519.NewKeyFromSeed":    {{index: 0, what: "seed"}},
	"crypto/rsa.GenerateKey":           {{index: 0, what: "random source", reader: true}},
	"crypto/rsa.GenerateMultiPrimeKey": {{index: 0, what: "random source", reader: true}},
	"crypto/rsa.EncryptPKCS1v15":       {{index: 0, what: "random source", reader: true}},
	"crypto/rsa.EncryptOAEP":           {{index: 1, what: "random source", reader: true}},
	"crypto/rsa.SignPSS":               {{index: 0, what: "random source", reader: true}},
	"crypto/ecdsa.GenerateKey":         {{index: 1, what: "random source", reader: true}},
	"crypto/ecdsa.Sign":                {{index: 0, what: "random source", reader: true}},
	"crypto/ecdsa.SignASN1":            {{index: 0, what: "random source", reader: true}},
	"crypto/ed25519.GenerateKey":       {{index: 0, what: "random source", reader: true}},
	"crypto/elliptic.GenerateKey":      {{index: 1, what: "random source", reader: true}},
	"crypto/dsa.GenerateKey":           {{index: 1, what: "random source", reader: true}},
	"crypto/dsa.Sign":                  {{index: 0, what: "random source", reader: true}},
	"(crypto/ecdh.Curve).GenerateKey":  {{index: 0, what: "random source", reader: true}},
	"crypto/x509.CreateCertificate":    {{index: 0, what: "random source", reader: true}},
	"crypto/x509.CreateCertificateRequest": {
		{index: 0, what: "random source", reader: true},
	},
	"crypto/x509.CreateRevocationList": {{index: 0, what: "random source", reader: true}},

	"golang.org/x/crypto/pbkdf2.Key":            {{index: 1, what: "salt"}},
	"golang.org/x/crypto/argon2.Key":            {{index: 1, what: "salt"}},
	"golang.org/x/crypto/argon2.IDKey":          {{index: 1, what: "salt"}},
	"golang.org/x/crypto/scrypt.Key":            {{index: 1, what: "salt"}},
	"golang.org/x/crypto/hkdf.New":              {{index: 1, what: "secret"}, {index: 2, what: "salt"}},
	"golang.org/x/crypto/hkdf.Extract":          {{index: 1, what: "secret"}, {index: 2, what: "salt"}},
	"golang.org/x/crypto/chacha20poly1305.New":  {{index: 0, what: "key"}},
	"golang.org/x/crypto/chacha20poly1305.NewX": {{index: 0, what: "key"}},
	"golang.org/x/crypto/chacha20.NewUnauthenticatedCipher": {
		{index: 0, what: "key"}, {index: 1, what: "nonce"},
	},
	"golang.org/x/crypto/nacl/secretbox.Seal": {{index: 2, what: "nonce"}, {index: 3, what: "key"}},
	"golang.org/x/crypto/nacl/box.Seal":       {{index: 2, what: "nonce"}},
	"golang.org/x/crypto/nacl/box.GenerateKey": {
		{index: 0, what: "random source", reader: true},
	},
	"golang.org/x/crypto/curve25519.X25519": {{index: 0, what: "scalar"}},
	"golang.org/x/crypto/ed25519.GenerateKey": {
		{index: 0, what: "random source", reader: true},
	},
	"golang.org/x/crypto/ed25519.NewKeyFromSeed": {{index: 0, what: "seed"}},
}

// readerFields are struct fields that hold a random source.
var readerFields = map[string]bool{
	"crypto/tls.Config.Rand": true,
}

// propagators are packages whose functions turn their arguments into
// their result (formatting, encoding, hashing, building strings): a
// token built from weak random numbers is as weak as they are.
var propagators = map[string]bool{
	"strconv": true, "fmt": true, "strings": true, "bytes": true,
	"encoding/hex": true, "encoding/base64": true, "encoding/base32": true,
	"encoding/binary": true, "encoding/ascii85": true, "math/big": true,
	"unicode/utf8": true, "crypto/sha256": true, "crypto/sha512": true,
	"crypto/sha1": true, "crypto/md5": true, "crypto/sha3": true,
	"github.com/google/uuid": true, "github.com/gofrs/uuid": true,
	"github.com/oklog/ulid": true, "github.com/oklog/ulid/v2": true,
}

// encoderWords name functions outside the propagators that still encode
// their input, as third-party base58 or base62 packages do.
var encoderWords = map[string]bool{
	"encode": true, "encoding": true, "hex": true, "base32": true,
	"base36": true, "base58": true, "base62": true, "base64": true,
}
