// Package results pins which result of a call carries a secret, and
// errors that are dropped before anyone reads them.
package results

import (
	"encoding/base64"
	"fmt"
	"log"
	"strings"
)

type Options struct {
	User     string
	Password string
	APIKey   string
}

// Must not flag: the error of a decoder names an offset, not its input.
func decode(o Options) ([]byte, error) { // want decode:"returns password from field Options.Password"
	b, err := base64.StdEncoding.DecodeString(o.Password)
	if err != nil {
		return nil, fmt.Errorf("decoding password: %v", err)
	}
	return b, nil
}

// Must not flag: the error that comes back beside a password.
func resolve(o *Options) (user, password string, err error) { // want resolve:"returns password from field Options.Password"
	if o.User == "" {
		return "", "", fmt.Errorf("no user")
	}
	return o.User, o.Password, nil
}

func connect(o *Options) error {
	user, password, err := resolve(o)
	if err != nil {
		return fmt.Errorf("resolving credentials: %w", err)
	}
	log.Printf("connecting as %s", user)
	log.Printf("with %s", password) // want `password from field Options.Password reaches a log \(log.Printf\) through resolve -> connect`
	return nil
}

// expand builds an error that holds part of its input and returns it.
func expand(s string) (string, error) { // want expand:"passes 0; param 0 reaches an error message \\(fmt.Errorf\\)"
	if i := strings.IndexByte(s, '{'); i >= 0 {
		return "", fmt.Errorf("unknown placeholder %s", s[i:])
	}
	return s, nil
}

// expandKnown drops the error, and with it the message.
func expandKnown(s string) string { // want expandKnown:"passes 0"
	out, _ := expand(s)
	return out
}

// expandOrErr hands the error to its caller.
func expandOrErr(s string) (string, error) { // want expandOrErr:"passes 0; param 0 reaches an error message \\(fmt.Errorf\\)"
	return expand(s)
}

func provision(o *Options) error {
	o.Password = expandKnown(o.Password) // must not flag: the error is dropped
	if _, err := expand(o.APIKey); err == nil {
		return nil // must not flag: only compared with nil
	}
	_, err := expandOrErr(o.Password) // want `password from field Options.Password reaches an error message \(fmt.Errorf\) through provision -> expandOrErr -> expand`
	return err
}

// Must not flag: an error message that is never used.
func discarded(o Options) {
	_ = fmt.Errorf("password %s", o.Password)
}
