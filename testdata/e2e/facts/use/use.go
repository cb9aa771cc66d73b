// Package use builds configurations from input and hands them to package
// cfg: validated through cfg's helper once, and once not.
package use

import "example.com/facts/cfg"

// Checked validates through cfg.Check, known here only by its fact.
func Checked(addr string) error {
	c := &cfg.Config{Addr: addr}
	if err := cfg.Check(c); err != nil {
		return err
	}
	cfg.Use(c)
	return nil
}

// Unchecked hands the configuration over without validating it.
func Unchecked(addr string) {
	c := &cfg.Config{Addr: addr}
	cfg.Use(c)
}
