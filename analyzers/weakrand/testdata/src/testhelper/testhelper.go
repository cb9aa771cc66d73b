// Package testhelper is test support outside _test.go files: a fixed
// seed makes its vectors reproducible.
package testhelper

import (
	"crypto/cipher"
	"math/rand"
	"testing"
)

func TestAEAD(t *testing.T, aead cipher.AEAD) {
	r := rand.New(rand.NewSource(0))
	nonce := make([]byte, aead.NonceSize())
	r.Read(nonce)
	aead.Seal(nil, nonce, []byte("msg"), nil)
}
