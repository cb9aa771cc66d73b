package strict

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"hash"
)

func totp(secret []byte) hash.Hash {
	return hmac.New(sha1.New, secret) // want `hmac\.New with sha1\.New, which is deprecated; use sha256\.New unless a protocol requires HMAC-SHA1`
}

func fine(key []byte) hash.Hash {
	return hmac.New(sha256.New, key)
}
