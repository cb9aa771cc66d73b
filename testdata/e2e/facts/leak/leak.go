// Package leak gives the key of package secrets to its logger: a leak
// seen only through the facts of both functions.
package leak

import "example.com/facts/secrets"

// Start logs the key.
func Start() {
	secrets.Debug(secrets.Key())
}

// Ready logs a plain message.
func Ready() {
	secrets.Debug("ready")
}
