package secureclient

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors. Errors returned by this package wrap them with %w, so
// callers test them with errors.Is.
var (
	// ErrInvalidConfig reports a Config that Validate rejected.
	ErrInvalidConfig = errors.New("secureclient: invalid config")
	// ErrNoKey reports an API key source that holds no key.
	ErrNoKey = errors.New("secureclient: no api key")
	// ErrInsecureKeyFile reports a key file that other users can read.
	ErrInsecureKeyFile = errors.New("secureclient: key file is readable by group or others")
	// ErrInvalidPath reports a request path that is not a clean relative path.
	ErrInvalidPath = errors.New("secureclient: invalid request path")
	// ErrResponseTooLarge reports a response body over Config.MaxResponseBytes.
	ErrResponseTooLarge = errors.New("secureclient: response body too large")
	// ErrRetriesExhausted reports a request that failed on every attempt.
	ErrRetriesExhausted = errors.New("secureclient: retries exhausted")
	// ErrRedirect reports a redirect to another origin, or too many.
	ErrRedirect = errors.New("secureclient: redirect refused")
	// ErrTokenRefresh reports a failure to obtain a bearer token.
	ErrTokenRefresh = errors.New("secureclient: cannot obtain token")
)

// APIError is a response with a status code outside 2xx.
//
// It deliberately carries no part of the response body: bodies can echo
// request data, credentials or internal details, and error strings end up
// in logs. Use RequestID to correlate with the server's own logs instead.
type APIError struct {
	// Method and Path identify the request; Path excludes the query.
	Method string
	Path   string
	// StatusCode is the HTTP status code of the response.
	StatusCode int
	// RequestID is the server's X-Request-Id header, reduced to a safe
	// character set, or empty.
	RequestID string
	// RetryAfter is the delay the server asked for with Retry-After, or 0.
	RetryAfter time.Duration
}

// Error describes the failed request without any body, key or token.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "secureclient: %s %s: status %d", e.Method, e.Path, e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + strings.ToLower(text))
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// Temporary reports whether the status is one that a later identical
// request may not get: 429 or a 5xx other than 501.
func (e *APIError) Temporary() bool {
	switch {
	case e.StatusCode == http.StatusTooManyRequests:
		return true
	case e.StatusCode == http.StatusNotImplemented:
		return false
	default:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
}

// maxRequestIDLen bounds the request ID copied from a response header.
const maxRequestIDLen = 128

// sanitizeRequestID keeps a server-supplied ID only if it is short and made
// of characters that cannot forge log lines or terminal escapes.
func sanitizeRequestID(id string) string {
	if len(id) > maxRequestIDLen {
		return "" // too long to be an ID
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			strings.ContainsRune("-_.:", r)
		if !ok {
			return "" // unexpected character
		}
	}
	return id
}
