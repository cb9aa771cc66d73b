// Package oauth2 is a stub of golang.org/x/oauth2 for tests.
package oauth2

import "time"

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
	Expiry       time.Time
}

func (t *Token) Type() string { return t.TokenType }
