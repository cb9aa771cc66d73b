package limitations

import (
	jwt4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
)

var key = []byte("k")

type server struct{ parser *jwt.Parser }

// A parser kept in a struct field is assumed to be configured.
func (s *server) fieldParser(tok string) error {
	_, err := s.parser.Parse(tok, func(t *jwt.Token) (interface{}, error) { // limitation: parser from a field is not followed
		return key, nil
	})
	return err
}

// A key function held in a variable is assumed to check the method.
func variableKeyfunc(tok string) error {
	kf := func(t *jwt.Token) (interface{}, error) { return key, nil }
	_, err := jwt.Parse(tok, kf, jwt.WithExpirationRequired()) // limitation: key function in a variable is not followed
	return err
}

// v4 cannot require expiry, so a v4 parse is never reported for it.
func v4NoExpiry(tok string) error {
	_, err := jwt4.Parse(tok, func(t *jwt4.Token) (interface{}, error) { // limitation: v4 expiry not required
		if t.Method.Alg() != "HS256" {
			return nil, nil
		}
		return key, nil
	})
	return err
}

// Reported although the token cannot pick a family: the key's type
// follows the configured algorithm, and golang-jwt refuses a key of the
// wrong type. The analyzer does not follow key types.
func keyTypeByConfig(tok string, useRSA bool, pemData []byte) error {
	_, err := jwt.Parse(tok, func(t *jwt.Token) (interface{}, error) { // want `key function does not check`
		if useRSA {
			return jwt.ParseRSAPublicKeyFromPEM(pemData)
		}
		return pemData, nil
	}, jwt.WithExpirationRequired())
	return err
}
