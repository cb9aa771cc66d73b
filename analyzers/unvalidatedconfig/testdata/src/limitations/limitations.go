// Package limitations pins what the analyzer cannot see.
package limitations

import (
	"encoding/json"
	"errors"
	"reflect"
)

type Config struct {
	Addr string
	DSN  string
}

func (c *Config) Validate() error {
	if c.Addr == "" {
		return errors.New("no address")
	}
	return nil
}

var current *Config

// Validation in another goroutine is not seen: the value is reported
// although the error is checked (known false positive).
func validatedInGoroutine(addr string) {
	cfg := &Config{Addr: addr} // want `without a call to Config.Validate`
	done := make(chan error)
	go func() { done <- cfg.Validate() }()
	if err := <-done; err != nil {
		return
	}
	current = cfg
}

// Validation through reflection is not seen unless the function is named
// by -validators (known false positive).
func validatedByReflection(addr string) {
	cfg := &Config{Addr: addr} // want `without a call to Config.Validate`
	if err := reflectValidate(cfg); err != nil {
		return
	}
	current = cfg
}

func reflectValidate(v any) error {
	out := reflect.ValueOf(v).MethodByName("Validate").Call(nil)
	err, _ := out[0].Interface().(error)
	return err
}

// A change made after validation is not re-checked (missed).
func changedAfterValidation(addr, other string) {
	cfg := &Config{Addr: addr}
	if err := cfg.Validate(); err != nil {
		return
	}
	cfg.Addr = other // missed: mutation after validation
	current = cfg
}

// A config nested in a type without a validator is not tracked (missed).
type App struct {
	DB Config
}

func nestedInUnvalidatedType(b []byte) error {
	var app App
	if err := json.Unmarshal(b, &app); err != nil {
		return err
	}
	current = &app.DB // missed: App has no validator
	return nil
}

// A config held in a map is not tracked (missed).
func heldInMap(addr string) {
	m := map[string]*Config{"main": {Addr: addr}}
	current = m["main"] // missed: map element
}

// A config passed through a function value is not tracked (missed).
func throughFuncValue(store func(*Config), addr string) {
	store(&Config{Addr: addr}) // missed: dynamic call
}

// A decoder that is not in the list does not make a value input (missed).
func unknownDecoder(b []byte) {
	var cfg Config
	customDecode(b, &cfg)
	current = &cfg // missed: customDecode is not a known decoder
}

func customDecode(b []byte, v any) {}
