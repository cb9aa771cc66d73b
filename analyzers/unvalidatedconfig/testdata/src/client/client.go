// Package client is the example of the issue: FromEnv validates, New
// does not, so callers of New get an unchecked client.
package client

import (
	"errors"
	"net/http"
	"os"
	"time"
)

type Config struct {
	URL     string
	Token   string
	Timeout time.Duration
}

func (c Config) Validate() error {
	if c.Token == "" {
		return errors.New("client: token is empty")
	}
	if c.Timeout <= 0 {
		return errors.New("client: timeout must be positive")
	}
	return nil
}

type Client struct {
	cfg  Config
	http *http.Client
}

func FromEnv() (*Client, error) {
	cfg := Config{URL: os.Getenv("URL"), Token: os.Getenv("TOKEN"), Timeout: 10 * time.Second}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return New(cfg), nil
}

func New(cfg Config) *Client { // want New:"consumes cfg" `^parameter cfg of type Config is stored in a field without a call to Config.Validate; call it first and handle its error$`
	return &Client{cfg: cfg, http: &http.Client{}}
}
