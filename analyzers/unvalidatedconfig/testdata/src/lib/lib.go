// Package lib declares validated types and helpers that other packages
// see through facts.
package lib

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Config struct {
	Endpoint string
	Token    string
}

func (c *Config) Validate() error {
	if c.Endpoint == "" {
		return errors.New("lib: no endpoint")
	}
	return nil
}

type Client struct{ cfg Config }

var registry *Config

func Check(c *Config) error { // want Check:"validates c"
	if err := c.Validate(); err != nil {
		return fmt.Errorf("lib: %w", err)
	}
	return nil
}

func NewClient(c Config) (*Client, error) { // want NewClient:"validates c"
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &Client{cfg: c}, nil
}

func Register(c *Config) { // want Register:"consumes c" `^parameter c of type Config is stored in package variable registry without a call to Config.Validate`
	registry = c
}

func Load(dst *Config, b []byte) error { // want Load:"fills dst"
	return decode(b, dst)
}

func decode(b []byte, dst *Config) error {
	return json.Unmarshal(b, dst)
}

// Options has no Validate method; CheckOptions is its validator.
type Options struct { // want Options:"validated by lib.CheckOptions"
	Path string
}

//seclint:validator
func CheckOptions(o *Options) error { // want CheckOptions:"validates o"
	if o.Path == "" {
		return errors.New("lib: no path")
	}
	return nil
}

var options *Options

func UseOptions(o *Options) { // want UseOptions:"consumes o" `^parameter o of type Options is stored in package variable options without a call to lib.CheckOptions`
	options = o
}
