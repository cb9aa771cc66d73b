package secureclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// maxErrorDrain bounds how much of an error response is read (and
// discarded) so that the connection can be reused.
const maxErrorDrain = 4 << 10

// Client calls a JSON HTTP API over TLS. It is safe for concurrent use;
// create one per API and share it. A Client is configured once by New
// and has no exported fields to change afterwards.
type Client struct {
	base      *url.URL
	http      *http.Client
	auth      authenticator
	limiter   *rate.Limiter
	logger    *slog.Logger
	userAgent string

	maxRetries    int
	retryBase     time.Duration
	retryMax      time.Duration
	maxRetryAfter time.Duration
	maxResponse   int64

	// sleep waits between attempts; tests replace it to observe the
	// delays without spending them.
	sleep func(ctx context.Context, d time.Duration) error
}

// New validates cfg and returns a Client. With a KeySource it reads the
// key once, so that a missing or unsafe key file fails here rather than
// on the first request.
func New(cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	tlsConfig, err := cfg.TLS.clientConfig()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("%w: base URL: %w", ErrInvalidConfig, err)
	}
	if base.Path == "" {
		base.Path = "/" // so that joined paths are absolute
	}

	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	auth, err := newAuthenticator(cfg, logger)
	if err != nil {
		return nil, err
	}
	userAgent := cfg.UserAgent
	if userAgent == "" {
		userAgent = DefaultUserAgent
	}

	return &Client{
		base:          base,
		http:          newHTTPClient(tlsConfig, cfg.Timeout),
		auth:          auth,
		limiter:       rate.NewLimiter(cfg.RateLimit, cfg.RateBurst),
		logger:        logger,
		userAgent:     userAgent,
		maxRetries:    cfg.MaxRetries,
		retryBase:     cfg.RetryBaseDelay,
		retryMax:      cfg.RetryMaxDelay,
		maxRetryAfter: cfg.MaxRetryAfter,
		maxResponse:   cfg.MaxResponseBytes,
		sleep:         sleep,
	}, nil
}

// newAuthenticator picks the credential of a validated cfg.
func newAuthenticator(cfg Config, logger *slog.Logger) (authenticator, error) {
	if cfg.TokenSource != nil {
		return newTokenAuth(cfg.TokenSource, cfg.TokenExpiryMargin, logger), nil
	}
	src := cfg.KeySource
	if src == nil {
		return &keyAuth{src: StaticKey(cfg.APIKey), logger: logger}, nil
	}

	ctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout)
	defer cancel()
	a := &keyAuth{src: src, logger: logger}
	if _, err := a.current(ctx, src.Key); err != nil {
		return nil, err
	}
	return a, nil
}

// CloseIdleConnections closes connections kept for reuse.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// request is one call to Do, shared by its attempts.
type request struct {
	method string
	url    *url.URL
	body   []byte // JSON; nil for no body
	out    any
}

// Do sends a request and decodes the JSON response into out.
//
// path is resolved below the base URL and must be a clean relative path
// (see Path for building one from untrusted values); it may carry a query.
// in, when not nil, is sent as JSON. out, when not nil, receives the JSON
// response body. A status outside 2xx returns an *APIError.
//
// Idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) are retried
// up to MaxRetries times on 429, 5xx and network errors, with exponential
// backoff and jitter, waiting at least as long as Retry-After asks. Any
// method is repeated once after a 401 if a new key or token is available.
// ctx bounds the whole call, including retries and rate-limit waits.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	u, err := resolvePath(c.base, path)
	if err != nil {
		return err
	}
	r := &request{method: method, url: u, out: out}
	if in != nil {
		if r.body, err = json.Marshal(in); err != nil {
			return fmt.Errorf("secureclient: %s %s: encoding request: %w", method, u.Path, err)
		}
	}
	return c.do(ctx, r)
}

// do runs the attempts of r until one succeeds or retrying is pointless.
func (c *Client) do(ctx context.Context, r *request) error {
	renewed := false
	for retries := 0; ; {
		if err := c.waitForRate(ctx, r); err != nil {
			return err
		}
		res := c.attempt(ctx, r)
		if res.err == nil {
			return nil
		}

		// A rejected credential is renewed once, for any method: the
		// server did not act on the request.
		if res.status == http.StatusUnauthorized && !renewed {
			renewed = true
			if c.renew(ctx, r, res) {
				continue
			}
			return res.err
		}
		if !res.retry || !idempotent(r.method) {
			return res.err
		}
		if retries == c.maxRetries {
			return c.exhausted(ctx, r, retries, res.err)
		}

		if err := c.pause(ctx, retries, res); err != nil {
			return err
		}
		retries++
	}
}

// renew asks the authenticator for a new credential after a 401 and
// reports whether the request should be repeated.
func (c *Client) renew(ctx context.Context, r *request, res outcome) bool {
	changed, err := c.auth.renew(ctx, res.cred)
	if err != nil {
		c.logger.LogAttrs(ctx, slog.LevelError, "credential renewal failed",
			slog.String("method", r.method), slog.String("path", r.url.Path),
			slog.String("error", err.Error()))
		return false
	}
	return changed
}

// exhausted reports a request that failed on its last allowed attempt.
func (c *Client) exhausted(ctx context.Context, r *request, retries int, err error) error {
	if retries == 0 {
		return err // retries are disabled
	}
	c.logger.LogAttrs(ctx, slog.LevelWarn, "retries exhausted",
		slog.String("method", r.method), slog.String("path", r.url.Path),
		slog.Int("attempts", retries+1), slog.String("error", err.Error()))
	return fmt.Errorf("%w after %d attempts: %w", ErrRetriesExhausted, retries+1, err)
}

// pause waits before retry number retries: the backoff, or longer if the
// server sent Retry-After. It gives up with the attempt's error when the
// server asks for more than MaxRetryAfter or the wait would outlast ctx.
func (c *Client) pause(ctx context.Context, retries int, res outcome) error {
	if res.retryAfter > c.maxRetryAfter {
		return res.err // the caller decides, from APIError.RetryAfter
	}
	wait := max(backoff(retries, c.retryBase, c.retryMax), res.retryAfter)
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
		return res.err // the retry could not finish in time
	}
	if err := c.sleep(ctx, wait); err != nil {
		return fmt.Errorf("secureclient: waiting to retry: %w", err)
	}
	return nil
}

// waitForRate takes a token from the rate limiter, waiting if needed.
func (c *Client) waitForRate(ctx context.Context, r *request) error {
	res := c.limiter.Reserve()
	delay := res.Delay()
	if delay == 0 {
		return nil // within the limit
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < delay {
		res.Cancel()
		return fmt.Errorf("secureclient: %s %s: rate limit wait of %v exceeds the deadline: %w",
			r.method, r.url.Path, delay, context.DeadlineExceeded)
	}

	c.logger.LogAttrs(ctx, slog.LevelInfo, "rate limit wait",
		slog.String("method", r.method), slog.String("path", r.url.Path),
		slog.Duration("delay", delay))
	if err := sleep(ctx, delay); err != nil {
		res.Cancel()
		return fmt.Errorf("secureclient: %s %s: rate limit wait: %w", r.method, r.url.Path, err)
	}
	return nil
}

// outcome is the result of one attempt.
type outcome struct {
	err        error
	retry      bool // the failure may not happen again
	status     int  // the response status, or 0
	retryAfter time.Duration
	cred       credential
}

// attempt sends r once and reads the response.
func (c *Client) attempt(ctx context.Context, r *request) outcome {
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return outcome{err: err}
	}
	cred, err := c.auth.authorize(ctx, req)
	if err != nil {
		return outcome{err: err}
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return outcome{err: c.transportError(r, err), retry: retryableError(ctx, err), cred: cred}
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		res := c.statusError(ctx, r, resp)
		res.cred = cred
		return res
	}
	if err := c.readBody(r, resp); err != nil {
		// A body cut short is a network failure; anything else is not.
		transient := !errors.Is(err, ErrResponseTooLarge) && !errors.As(err, new(*decodeError))
		return outcome{err: err, retry: transient && ctx.Err() == nil, status: resp.StatusCode, cred: cred}
	}
	return outcome{status: resp.StatusCode}
}

// newRequest builds the HTTP request of one attempt.
func (c *Client) newRequest(ctx context.Context, r *request) (*http.Request, error) {
	var body io.Reader = http.NoBody
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, r.url.String(), body)
	if err != nil {
		return nil, fmt.Errorf("secureclient: %s %s: %w", r.method, r.url.Path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// transportError wraps a failed round trip. The *url.Error is unwrapped
// because its message repeats the URL with its query.
func (c *Client) transportError(r *request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("secureclient: %s %s: %w", r.method, r.url.Path, err)
}

// statusError turns a response outside 2xx into an *APIError, logs
// authentication and authorization failures, and discards the body.
func (c *Client) statusError(ctx context.Context, r *request, resp *http.Response) outcome {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorDrain))
	apiErr := &APIError{
		Method:     r.method,
		Path:       r.url.Path,
		StatusCode: resp.StatusCode,
		RequestID:  sanitizeRequestID(resp.Header.Get("X-Request-Id")),
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}

	switch resp.StatusCode {
	case http.StatusUnauthorized:
		c.audit(ctx, "authentication failed", apiErr)
	case http.StatusForbidden:
		c.audit(ctx, "authorization denied", apiErr)
	}
	return outcome{
		err:        apiErr,
		retry:      apiErr.Temporary(),
		status:     resp.StatusCode,
		retryAfter: apiErr.RetryAfter,
	}
}

// audit logs a security-relevant response.
func (c *Client) audit(ctx context.Context, msg string, e *APIError) {
	c.logger.LogAttrs(ctx, slog.LevelWarn, msg,
		slog.String("method", e.Method), slog.String("path", e.Path),
		slog.Int("status", e.StatusCode), slog.String("request_id", e.RequestID))
}

// decodeError reports a response body that is not the expected JSON.
type decodeError struct{ err error }

func (e *decodeError) Error() string { return "decoding response: " + e.err.Error() }
func (e *decodeError) Unwrap() error { return e.err }

// readBody reads at most maxResponse bytes and decodes them into r.out.
func (c *Client) readBody(r *request, resp *http.Response) error {
	if resp.ContentLength > c.maxResponse {
		return fmt.Errorf("%w: %s %s: %d bytes, limit %d",
			ErrResponseTooLarge, r.method, r.url.Path, resp.ContentLength, c.maxResponse)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxResponse+1))
	if err != nil {
		return fmt.Errorf("secureclient: %s %s: reading response: %w", r.method, r.url.Path, err)
	}
	if int64(len(data)) > c.maxResponse {
		return fmt.Errorf("%w: %s %s: over %d bytes", ErrResponseTooLarge, r.method, r.url.Path, c.maxResponse)
	}
	if r.out == nil || len(data) == 0 {
		return nil // nothing to decode into, or nothing to decode
	}

	if err := checkJSONType(resp.Header.Get("Content-Type")); err != nil {
		return fmt.Errorf("secureclient: %s %s: %w", r.method, r.url.Path, &decodeError{err})
	}
	if err := json.Unmarshal(data, r.out); err != nil {
		return fmt.Errorf("secureclient: %s %s: %w", r.method, r.url.Path, &decodeError{err})
	}
	return nil
}

// checkJSONType accepts application/json and the +json media types.
func checkJSONType(contentType string) error {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return errors.New("missing or malformed content type")
	}
	if mediaType != "application/json" && !strings.HasSuffix(mediaType, "+json") {
		return fmt.Errorf("unexpected content type %q", mediaType)
	}
	return nil
}
