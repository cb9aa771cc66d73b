// Package secrets hands out a secret and logs what it is given: package
// leak learns both only from facts.
package secrets

import (
	"log"
	"os"
)

// Key returns the service's API key.
func Key() string {
	return os.Getenv("SERVICE_API_KEY")
}

// Debug logs msg.
func Debug(msg string) {
	log.Println("debug:", msg)
}
