package secureclient

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/time/rate"
)

func TestValidate(t *testing.T) {
	key := randomSecret(t)
	valid := func() Config {
		cfg := DefaultConfig()
		cfg.APIKey = key
		cfg.BaseURL = "https://api.example.com/v1"
		return cfg
	}
	if err := valid().Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}

	tests := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"empty key", func(c *Config) { c.APIKey = "" }, "api key is empty"},
		{"key and token", func(c *Config) {
			c.TokenSource = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"})
		}, "not both"},
		{"empty base URL", func(c *Config) { c.BaseURL = "" }, "base URL is empty"},
		{"http", func(c *Config) { c.BaseURL = "http://api.example.com" }, `scheme "http" is not https`},
		{"http loopback without opt-in", func(c *Config) { c.BaseURL = "http://127.0.0.1:8080" }, "not https"},
		{"http remote with opt-in", func(c *Config) {
			c.BaseURL, c.AllowInsecureLoopback = "http://10.0.0.1", true
		}, "not loopback"},
		{"relative", func(c *Config) { c.BaseURL = "api.example.com/v1" }, "not an absolute URL"},
		{"key in query", func(c *Config) { c.BaseURL = "https://api.example.com/?key=" + key.Reveal() }, "query"},
		{"user info", func(c *Config) { c.BaseURL = "https://user:" + key.Reveal() + "@api.example.com" }, "user info"},
		{"zero timeout", func(c *Config) { c.Timeout = 0 }, "timeout must be positive"},
		{"negative timeout", func(c *Config) { c.Timeout = -time.Second }, "timeout must be positive"},
		{"negative retries", func(c *Config) { c.MaxRetries = -1 }, "max retries"},
		{"zero backoff", func(c *Config) { c.RetryBaseDelay = 0 }, "retry delays"},
		{"zero rate", func(c *Config) { c.RateLimit = 0 }, "rate limit"},
		{"zero burst", func(c *Config) { c.RateBurst = 0 }, "rate limit"},
		{"zero response cap", func(c *Config) { c.MaxResponseBytes = 0 }, "max response bytes"},
		{"TLS 1.1", func(c *Config) { c.TLS.MinVersion = tls.VersionTLS11 }, "below TLS 1.2"},
		{"bad PEM", func(c *Config) { c.TLS.RootCAsPEM = []byte("not a certificate") }, "no certificate"},
		{"no roots", func(c *Config) { c.TLS.ExcludeSystemRoots = true }, "no root CA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := valid()
			tt.change(&cfg)
			err := cfg.Validate()
			if !errors.Is(err, ErrInvalidConfig) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate: %v, want ErrInvalidConfig mentioning %q", err, tt.want)
			}
			assertNoSecret(t, "error", err.Error(), key.Reveal())
			if _, err := New(cfg); !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("New accepted the config: %v", err)
			}
		})
	}

	// The zero Config lists every missing setting at once.
	err := Config{}.Validate()
	for _, want := range []string{"api key", "base URL", "timeout", "rate limit"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("zero Config: %v, want it to mention %q", err, want)
		}
	}

	// Unlimited rate and a loopback opt-in are valid.
	cfg := valid()
	cfg.RateLimit, cfg.RateBurst = rate.Inf, 0
	cfg.BaseURL, cfg.AllowInsecureLoopback = "http://localhost:8080", true
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestTLSClientConfig(t *testing.T) {
	pki := newTestPKI(t)
	tests := []struct {
		name    string
		in      TLSConfig
		wantMin uint16
	}{
		{"defaults", TLSConfig{}, tls.VersionTLS12},
		{"TLS 1.3 and a private CA", TLSConfig{RootCAsPEM: pki.caPEM, MinVersion: tls.VersionTLS13}, tls.VersionTLS13},
		{"pinned to one CA", TLSConfig{RootCAs: []*x509.Certificate{pki.ca}, ExcludeSystemRoots: true}, tls.VersionTLS12},
	}
	for _, tt := range tests {
		got, err := tt.in.clientConfig()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got.MinVersion != tt.wantMin {
			t.Errorf("%s: MinVersion = %#04x, want %#04x", tt.name, got.MinVersion, tt.wantMin)
		}
		if len(tt.in.RootCAsPEM)+len(tt.in.RootCAs) > 0 && got.RootCAs == nil {
			t.Errorf("%s: RootCAs not set", tt.name)
		}
	}
}
