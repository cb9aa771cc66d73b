package limitations

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"hash"

	"golang.org/x/crypto/chacha20"
)

type creds struct{ Secret string }

// A password under a neutral name is not recognised.
func neutral(c *creds) [32]byte {
	return sha256.Sum256([]byte(c.Secret)) // limitation: a password named "secret" is taken for a high-entropy key
}

// A fast hash applied in a helper that sees only a neutral name.
func digest(s string) [32]byte { return sha256.Sum256([]byte(s)) }

func store(password string) [32]byte {
	return digest(password) // limitation: hashed by a helper in another function
}

// An IV taken from the key is as bad as a constant one.
func keyIV(key, dst, src []byte) {
	block, _ := aes.NewCipher(key)
	cipher.NewCBCEncrypter(block, key[:aes.BlockSize]).CryptBlocks(dst, src) // limitation: IV derived from the key not checked
}

// Key sizes computed at run time are not checked.
func size(n int) {
	rsa.GenerateKey(rand.Reader, n*512) // limitation: key size computed at run time
}

// An IV passed through a helper's parameter is not followed.
func encrypt(block cipher.Block, iv, dst, src []byte) {
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(dst, src)
}

func caller(block cipher.Block, dst, src []byte) {
	encrypt(block, make([]byte, 16), dst, src) // limitation: constant IV passed through a parameter not followed
}

// A zero nonce is safe when every message has a fresh key; it is
// reported all the same.
func freshKey(pt []byte) []byte {
	key := make([]byte, 32)
	rand.Read(key)
	c, _ := chacha20.NewUnauthenticatedCipher(key, make([]byte, 12)) // want `chacha20\.NewUnauthenticatedCipher with an all-zero nonce`
	c.XORKeyStream(pt, pt)
	return key
}

// ECB written with the offset kept outside the loop is missed.
func ecbOffset(block cipher.Block, dst, src []byte) {
	off := 0
	for off < len(src) {
		block.Encrypt(dst[off:], src[off:]) // limitation: offset not advanced by the loop's post statement
		off += block.BlockSize()
	}
}

var _ hash.Hash
