// Package cfg declares a validated configuration, a helper that validates
// it and a consumer that does not: their facts must reach package use.
package cfg

import (
	"errors"
	"fmt"
)

// Config configures a server.
type Config struct {
	Addr string
}

// Validate reports whether c is usable.
func (c *Config) Validate() error {
	if c.Addr == "" {
		return errors.New("cfg: no address")
	}
	return nil
}

// Check validates c on every path.
func Check(c *Config) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("checking config: %w", err)
	}
	return nil
}

// current is the configuration in use.
var current *Config

// Use makes c the configuration in use. It trusts its callers to have
// validated c, so seclint reports it here and wherever a caller did not.
func Use(c *Config) {
	current = c
}
