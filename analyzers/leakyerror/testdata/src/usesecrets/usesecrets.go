// Package usesecrets uses package secrets; every finding here needs a
// fact from there.
package usesecrets

import (
	"fmt"
	"log"

	"secrets"
)

func leaks(name string) error {
	log.Printf("key %s", secrets.Key())                         // want `API key from environment variable SERVICE_API_KEY reaches a log \(log.Printf\) through secrets.Key -> leaks`
	log.Printf("key %s", secrets.Quote(secrets.Key()))          // want `API key from environment variable SERVICE_API_KEY reaches a log`
	secrets.Debug(secrets.Key())                                // want `API key from environment variable SERVICE_API_KEY reaches a log \(log.Println\) through secrets.Key -> leaks -> secrets.Debug`
	return &secrets.AuthError{Code: 401, Detail: secrets.Key()} // want `API key from environment variable SERVICE_API_KEY reaches an error message \(AuthError.Error\)`
}

func safe(name string) error { // want safe:"param 0 reaches a log \\(log.Println\\)"
	log.Printf("key fingerprint %s", secrets.Fingerprint(secrets.Key()))
	secrets.Debug(name)
	return &secrets.AuthError{Code: 401, Detail: name}
}

func wrapped() error {
	return fmt.Errorf("auth: %w", secrets.TokenError{})
}
