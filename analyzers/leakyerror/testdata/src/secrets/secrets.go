// Package secrets provides secrets and helpers to package usesecrets; the
// analyzer reaches across the import through facts.
package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"os"
)

// Key returns a secret: callers that print it leak it.
func Key() string { // want Key:"returns API key from environment variable SERVICE_API_KEY"
	return os.Getenv("SERVICE_API_KEY")
}

// Fingerprint hashes a secret: its result is safe to print.
func Fingerprint(s string) string { // want Fingerprint:"redacts"
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// Quote passes its argument on.
func Quote(s string) string { // want Quote:"passes 0"
	return fmt.Sprintf("%q", s)
}

// Debug logs its argument.
func Debug(msg string) { // want Debug:"param 0 reaches a log \\(log.Println\\)"
	log.Println("debug:", msg)
}

// AuthError prints its Detail field: a secret stored there leaks.
type AuthError struct { // want AuthError:"prints Detail"
	Code   int
	Detail string
}

func (e *AuthError) Error() string { return fmt.Sprintf("auth %d: %s", e.Code, e.Detail) }

// TokenError prints a field named for a secret: its Error method is the
// leak, reported where it is written.
type TokenError struct {
	Token string
}

func (e TokenError) Error() string { return "bad token " + e.Token } // want `token from field TokenError.Token reaches an error message \(TokenError.Error\) through TokenError.Error`
