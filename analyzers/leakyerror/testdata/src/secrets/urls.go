package secrets

import (
	"log"
	"net/url"
	"os"
)

// A URL and its user info print their password.
func urls() {
	password := os.Getenv("DB_PASSWORD")
	u := &url.URL{Scheme: "postgres", Host: "db.internal:5432", User: url.UserPassword("app", password)}
	log.Printf("connecting to %s", u)          // want `password from environment variable DB_PASSWORD reaches a log`
	log.Printf("connecting to %s", u.String()) // want `password from environment variable DB_PASSWORD reaches a log`
	log.Printf("as %s", u.User)                // want `password from environment variable DB_PASSWORD reaches a log`
	// Redacted replaces the password.
	log.Printf("connecting to %s", u.Redacted())
	// A user name alone is no secret.
	plain := &url.URL{Scheme: "https", Host: "api.example.com", User: url.User("app")}
	log.Printf("calling %s", plain)
}
