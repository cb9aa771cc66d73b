// Package securecookie is a stand-in for github.com/gorilla/securecookie.
package securecookie

type SecureCookie struct{}

func New(hashKey, blockKey []byte) *SecureCookie { return nil }

func GenerateRandomKey(length int) []byte { return nil }
