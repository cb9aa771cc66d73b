// Package chacha20 is a stub of golang.org/x/crypto/chacha20.
package chacha20

type Cipher struct{}

func NewUnauthenticatedCipher(key, nonce []byte) (*Cipher, error) { return nil, nil }

func (c *Cipher) XORKeyStream(dst, src []byte) {}
