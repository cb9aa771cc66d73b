// Package faketls is a stub of a third-party package whose Config has
// fields named like those of crypto/tls.Config.
package faketls

type Config struct {
	InsecureSkipVerify bool
	MinVersion         uint16
}
