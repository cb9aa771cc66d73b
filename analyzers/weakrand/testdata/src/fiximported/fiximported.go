package fiximported

import (
	"crypto/aes"
	"crypto/cipher"
	crand "crypto/rand"
	"math/rand"
)

func block() (cipher.Block, error) {
	key := make([]byte, 32)
	rand.Read(key)
	return aes.NewCipher(key) // want `math/rand.Read output reaches the key of aes.NewCipher`
}

func other() []byte {
	b := make([]byte, 8)
	crand.Read(b)
	return b
}
