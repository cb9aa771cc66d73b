// Package oauth2 is a stub of golang.org/x/oauth2 with the API the tests
// use.
package oauth2

import "time"

type Token struct {
	AccessToken  string
	RefreshToken string
	Expiry       time.Time
}

type TokenSource interface {
	Token() (*Token, error)
}

type Config struct{ ClientID string }

func (c *Config) TokenSource(t *Token) TokenSource { return nil }
