package secureclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// idempotent reports whether repeating method cannot change the outcome
// (RFC 9110, section 9.2.2), which is what makes a blind retry safe.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace,
		http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// retryableError reports whether a transport error is worth retrying:
// connection failures, resets and timeouts are; the caller's own
// cancellation, a failed TLS handshake or certificate check and a refused
// redirect are not, since they fail the same way again.
func retryableError(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false // the caller gave up
	}
	var (
		verifyErr *tls.CertificateVerificationError
		alertErr  tls.AlertError
		recordErr tls.RecordHeaderError
		authErr   x509.UnknownAuthorityError
		hostErr   x509.HostnameError
		certErr   x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &verifyErr), errors.As(err, &alertErr), errors.As(err, &recordErr),
		errors.As(err, &authErr), errors.As(err, &hostErr), errors.As(err, &certErr):
		return false // TLS failure
	case errors.Is(err, http.ErrSchemeMismatch):
		return false // plain http behind an https URL
	case errors.Is(err, ErrRedirect):
		return false // refused by policy
	}
	return true
}

// backoff returns the wait before retry number attempt (0 for the first
// retry): a random duration in [d/2, d] with d = min(base<<attempt, max).
// The jitter spreads out clients that failed together; it needs no
// unpredictability, so math/rand/v2 is the right generator.
func backoff(attempt int, base, maxDelay time.Duration) time.Duration {
	d := maxDelay
	if attempt < 62 && base <= maxDelay>>attempt {
		d = base << attempt
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date (RFC 9110, section 10.2.3). It returns 0 when the header is
// absent or malformed.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0 // absent
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second) // avoid overflow; far beyond any cap
		}
		return time.Duration(secs) * time.Second
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0 // malformed
	}
	if d := when.Sub(now); d > 0 {
		return d
	}
	return 0
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
