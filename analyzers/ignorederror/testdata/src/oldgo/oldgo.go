//go:build go1.21

package oldgo

import (
	"crypto/rand"
	"io"
)

// Before Go 1.24 crypto/rand.Read can fail.
func nonce() []byte {
	b := make([]byte, 12)
	rand.Read(b) // want `error from rand.Read is dropped; before Go 1.24 it can fail`
	return b
}

func salt() []byte {
	b := make([]byte, 16)
	_, _ = io.ReadFull(rand.Reader, b) // want `error from io.ReadFull is assigned to _; before Go 1.24`
	return b
}

func checked() ([]byte, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return b, nil
}
