// Package scrypt is a stub of golang.org/x/crypto/scrypt.
package scrypt

func Key(password, salt []byte, N, r, p, keyLen int) ([]byte, error) { return nil, nil }
