// Package jwt is a stand-in for github.com/golang-jwt/jwt/v5 with the
// signatures the analyzer looks for.
package jwt

type Token struct{}

type Keyfunc func(*Token) (any, error)

type Claims interface{}

type Parser struct{}

func (t *Token) SignedString(key any) (string, error) { return "", nil }

func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }
