package secureclient

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/time/rate"
)

// DefaultKeyEnv is the environment variable FromEnv reads the API key from.
const DefaultKeyEnv = "SCAILE_API_KEY"

// Defaults used by DefaultConfig.
const (
	DefaultTimeout           = 30 * time.Second
	DefaultMaxRetries        = 3
	DefaultRetryBaseDelay    = 250 * time.Millisecond
	DefaultRetryMaxDelay     = 10 * time.Second
	DefaultMaxRetryAfter     = time.Minute
	DefaultRateLimit         = rate.Limit(10)
	DefaultRateBurst         = 10
	DefaultMaxResponseBytes  = 10 << 20
	DefaultTokenExpiryMargin = time.Minute
	DefaultUserAgent         = "secureclient/1 (+https://github.com/scaile/seclint)"
)

// Config configures a Client. Start from DefaultConfig or FromEnv and
// change what you need: the zero Config is not valid, because a zero
// Timeout would mean "wait forever" in net/http and is rejected instead.
type Config struct {
	// APIKey authenticates requests as "Authorization: Bearer <key>".
	// It is used only when KeySource and TokenSource are nil.
	APIKey Secret
	// KeySource supplies the API key for each request, so that a rotated
	// key is picked up without a restart (see EnvKey and FileKey).
	KeySource KeySource
	// TokenSource supplies OAuth2 bearer tokens instead of an API key.
	// The client caches tokens, refreshes them TokenExpiryMargin before
	// they expire and once after a 401 response.
	TokenSource oauth2.TokenSource
	// TokenExpiryMargin is how long before its expiry a token is renewed.
	// Zero selects the oauth2 package default (10 seconds).
	TokenExpiryMargin time.Duration

	// BaseURL is the https URL that request paths are resolved against,
	// for example "https://api.example.com/v1".
	BaseURL string
	// AllowInsecureLoopback permits an http BaseURL whose host is a
	// loopback address, for tests against a local server. Credentials are
	// then sent in clear over the loopback interface. Hosts that are not
	// loopback are refused regardless.
	AllowInsecureLoopback bool

	// Timeout bounds each attempt, from dialing to reading the whole
	// response body. The context passed to Do bounds the call as a whole,
	// retries included.
	Timeout time.Duration
	// MaxRetries is how many times a failed idempotent request is retried;
	// 0 disables retries.
	MaxRetries int
	// RetryBaseDelay and RetryMaxDelay shape the exponential backoff:
	// attempt n waits a random duration between half and all of
	// min(RetryBaseDelay<<n, RetryMaxDelay).
	RetryBaseDelay time.Duration
	RetryMaxDelay  time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits for; a
	// longer one ends the call with an *APIError holding RetryAfter.
	MaxRetryAfter time.Duration

	// RateLimit is the sustained request rate in requests per second and
	// RateBurst the burst size; use rate.Inf to disable the limiter.
	RateLimit rate.Limit
	RateBurst int

	// MaxResponseBytes caps the size of a response body.
	MaxResponseBytes int64
	// TLS adds trusted roots and raises the minimum version.
	TLS TLSConfig
	// UserAgent is sent with every request; empty selects DefaultUserAgent.
	UserAgent string
	// Logger receives audit events: authentication failures, token
	// refreshes, key reloads, rate-limit waits and exhausted retries.
	// Nil discards them. Events never contain a key, token or body.
	Logger *slog.Logger
}

// TLSConfig holds the TLS settings a Client accepts.
//
// There is intentionally no option that disables certificate verification
// (tls.Config.InsecureSkipVerify): with it, anyone on the network path can
// impersonate the server and read the API key from the first request. To
// reach a server whose certificate is issued by a private or test CA, add
// that CA to RootCAsPEM or RootCAs instead; see Example_privateCA.
type TLSConfig struct {
	// RootCAsPEM holds PEM-encoded CA certificates to trust in addition
	// to the system roots.
	RootCAsPEM []byte
	// RootCAs holds CA certificates to trust in addition to the system
	// roots.
	RootCAs []*x509.Certificate
	// ExcludeSystemRoots trusts only RootCAsPEM and RootCAs, pinning the
	// client to a private PKI.
	ExcludeSystemRoots bool
	// MinVersion is the minimum TLS version; zero selects TLS 1.2, and
	// anything lower is rejected.
	MinVersion uint16
}

// DefaultConfig returns a Config with the documented defaults and no
// credentials or base URL.
func DefaultConfig() Config {
	return Config{
		TokenExpiryMargin: DefaultTokenExpiryMargin,
		Timeout:           DefaultTimeout,
		MaxRetries:        DefaultMaxRetries,
		RetryBaseDelay:    DefaultRetryBaseDelay,
		RetryMaxDelay:     DefaultRetryMaxDelay,
		MaxRetryAfter:     DefaultMaxRetryAfter,
		RateLimit:         DefaultRateLimit,
		RateBurst:         DefaultRateBurst,
		MaxResponseBytes:  DefaultMaxResponseBytes,
		TLS:               TLSConfig{MinVersion: tls.VersionTLS12},
		UserAgent:         DefaultUserAgent,
	}
}

// EnvOption changes how FromEnv reads the environment.
type EnvOption func(*envOptions)

type envOptions struct {
	keyVar string
}

// WithKeyVar makes FromEnv read the API key from the named variable
// instead of DefaultKeyEnv.
func WithKeyVar(name string) EnvOption {
	return func(o *envOptions) { o.keyVar = name }
}

// FromEnv returns DefaultConfig with KeySource reading the API key from
// the environment (DefaultKeyEnv unless WithKeyVar says otherwise). The
// variable is read again for every request; FromEnv fails now if it is
// unset or empty. The caller still sets BaseURL.
func FromEnv(opts ...EnvOption) (Config, error) {
	o := envOptions{keyVar: DefaultKeyEnv}
	for _, opt := range opts {
		opt(&o)
	}
	if o.keyVar == "" {
		return Config{}, fmt.Errorf("%w: empty environment variable name", ErrInvalidConfig)
	}
	if os.Getenv(o.keyVar) == "" {
		return Config{}, fmt.Errorf("%w: environment variable %s is unset or empty", ErrNoKey, o.keyVar)
	}
	cfg := DefaultConfig()
	cfg.KeySource = EnvKey(o.keyVar)
	return cfg, nil
}

// Validate reports every problem with c in one error wrapping
// ErrInvalidConfig. The message names fields, never their secret values.
func (c Config) Validate() error {
	var problems []string
	add := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}

	problems = append(problems, c.credentialProblems()...)
	problems = append(problems, baseURLProblems(c.BaseURL, c.AllowInsecureLoopback)...)
	if c.Timeout <= 0 {
		add("timeout must be positive")
	}
	if c.MaxRetries < 0 {
		add("max retries must not be negative")
	}
	if c.RetryBaseDelay <= 0 || c.RetryMaxDelay < c.RetryBaseDelay {
		add("retry delays must be positive with max >= base")
	}
	if c.MaxRetryAfter < 0 {
		add("max retry-after must not be negative")
	}
	if c.RateLimit <= 0 || c.RateLimit != rate.Inf && c.RateBurst < 1 {
		add("rate limit must be positive with a burst of at least 1 (rate.Inf disables it)")
	}
	if c.MaxResponseBytes <= 0 {
		add("max response bytes must be positive")
	}
	if c.TokenExpiryMargin < 0 {
		add("token expiry margin must not be negative")
	}
	if _, err := c.TLS.clientConfig(); err != nil {
		add("%v", err)
	}

	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrInvalidConfig, strings.Join(problems, "; "))
}

// credentialProblems checks that exactly one kind of credential is set.
func (c Config) credentialProblems() []string {
	hasKey := !c.APIKey.IsZero() || c.KeySource != nil
	switch {
	case c.TokenSource != nil && hasKey:
		return []string{"set either an api key (APIKey or KeySource) or TokenSource, not both"}
	case c.TokenSource != nil:
		return nil
	case c.APIKey.IsZero() && c.KeySource == nil:
		return []string{"api key is empty (set APIKey, KeySource or TokenSource)"}
	}
	return nil
}

// baseURLProblems checks that raw is an absolute https URL without
// credentials, query or fragment. Only the scheme is ever quoted back,
// since a mistyped URL may carry a key in its query.
func baseURLProblems(raw string, allowLoopback bool) []string {
	if raw == "" {
		return []string{"base URL is empty"}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return []string{"base URL is not an absolute URL"}
	}

	var problems []string
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && allowLoopback && isLoopback(u.Hostname()):
	case u.Scheme == "http" && allowLoopback:
		problems = append(problems, "base URL uses http on a host that is not loopback")
	default:
		problems = append(problems, fmt.Sprintf("base URL scheme %q is not https", u.Scheme))
	}
	if u.User != nil {
		problems = append(problems, "base URL must not contain user info")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		problems = append(problems, "base URL must not contain a query or fragment")
	}
	return problems
}

// isLoopback reports whether host is "localhost" or a loopback IP.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// clientConfig builds the tls.Config of the transport. Verification stays
// on: InsecureSkipVerify is never set, and RootCAs only ever gains CAs.
func (t *TLSConfig) clientConfig() (*tls.Config, error) {
	minVersion := t.MinVersion
	if minVersion == 0 {
		minVersion = tls.VersionTLS12
	}
	if minVersion < tls.VersionTLS12 {
		return nil, fmt.Errorf("tls min version %#04x is below TLS 1.2", minVersion)
	}

	pool, err := t.rootPool()
	if err != nil {
		return nil, err
	}
	return &tls.Config{
		MinVersion: minVersion,
		RootCAs:    pool,
	}, nil
}

// rootPool returns the system roots plus the configured CAs, or nil to
// use the system roots unchanged.
func (t *TLSConfig) rootPool() (*x509.CertPool, error) {
	if len(t.RootCAsPEM) == 0 && len(t.RootCAs) == 0 {
		if t.ExcludeSystemRoots {
			return nil, errors.New("tls ExcludeSystemRoots is set but no root CA is given")
		}
		return nil, nil // system roots
	}

	pool := x509.NewCertPool()
	if !t.ExcludeSystemRoots {
		sys, err := x509.SystemCertPool()
		if err == nil {
			pool = sys
		}
	}
	if len(t.RootCAsPEM) > 0 && !pool.AppendCertsFromPEM(t.RootCAsPEM) {
		return nil, errors.New("tls RootCAsPEM contains no certificate")
	}
	for _, ca := range t.RootCAs {
		if ca == nil {
			return nil, errors.New("tls RootCAs contains a nil certificate")
		}
		pool.AddCert(ca)
	}
	return pool, nil
}
