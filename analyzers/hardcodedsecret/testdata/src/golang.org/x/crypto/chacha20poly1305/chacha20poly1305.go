// Package chacha20poly1305 is a stand-in for the x/crypto package.
package chacha20poly1305

import "crypto/cipher"

func New(key []byte) (cipher.AEAD, error) { return nil, nil }
