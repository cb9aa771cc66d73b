package secureclient

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// authenticator puts a credential on requests and renews it after a 401.
type authenticator interface {
	// authorize sets the Authorization header of req and returns a
	// handle naming the credential it used.
	authorize(ctx context.Context, req *http.Request) (credential, error)
	// renew is called after a 401 to the request made with used. It
	// reports whether a different credential is now available, which is
	// the only case where repeating the request can help.
	renew(ctx context.Context, used credential) (bool, error)
}

// credential identifies the credential one request carried; it is only
// compared, never printed.
type credential struct {
	key   Secret
	cache oauth2.TokenSource // the token cache the token came from
	token string
}

// keyAuth sends an API key from a KeySource as a bearer credential.
type keyAuth struct {
	src    KeySource
	logger *slog.Logger

	mu   sync.Mutex
	last Secret // the key of the previous request, to notice rotations
}

func (a *keyAuth) authorize(ctx context.Context, req *http.Request) (credential, error) {
	key, err := a.current(ctx, a.src.Key)
	if err != nil {
		return credential{}, err
	}
	req.Header.Set("Authorization", "Bearer "+key.Reveal())
	return credential{key: key}, nil
}

func (a *keyAuth) renew(ctx context.Context, used credential) (bool, error) {
	get := a.src.Key
	if r, ok := a.src.(Reloader); ok {
		get = r.Reload
	}
	key, err := a.current(ctx, get)
	if err != nil {
		return false, err
	}
	return key != used.key, nil
}

// current fetches the key and records a rotation in the audit log.
func (a *keyAuth) current(ctx context.Context, get func(context.Context) (Secret, error)) (Secret, error) {
	key, err := get(ctx)
	if err == nil && key.IsZero() {
		err = ErrNoKey
	}
	if err != nil {
		a.logger.LogAttrs(ctx, slog.LevelError, "api key unavailable",
			slog.String("source", describe(a.src)), slog.String("error", err.Error()))
		return "", fmt.Errorf("secureclient: api key: %w", err)
	}

	a.mu.Lock()
	rotated := !a.last.IsZero() && a.last != key
	a.last = key
	a.mu.Unlock()
	if rotated {
		a.logger.LogAttrs(ctx, slog.LevelInfo, "api key reloaded",
			slog.String("source", describe(a.src)))
	}
	return key, nil
}

// describe names a key source for the audit log without its key.
func describe(src KeySource) string {
	if s, ok := src.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", src)
}

// tokenAuth sends OAuth2 bearer tokens from a cached TokenSource.
//
// Caching and early renewal come from oauth2.ReuseTokenSourceWithExpiry.
// That cache cannot be told to drop a token the server rejected, so a 401
// replaces the whole cache with a fresh one; comparing caches makes
// concurrent 401s for the same token renew only once.
type tokenAuth struct {
	base   oauth2.TokenSource // the caller's source, wrapped for auditing
	margin time.Duration

	mu    sync.Mutex
	cache oauth2.TokenSource
}

func newTokenAuth(src oauth2.TokenSource, margin time.Duration, logger *slog.Logger) *tokenAuth {
	// The wrapper also stops ReuseTokenSourceWithExpiry from unwrapping
	// (and changing the margin of) a caller's cache.
	base := auditedTokenSource{src: src, logger: logger}
	return &tokenAuth{
		base:   base,
		margin: margin,
		cache:  oauth2.ReuseTokenSourceWithExpiry(nil, base, margin),
	}
}

func (a *tokenAuth) authorize(ctx context.Context, req *http.Request) (credential, error) {
	a.mu.Lock()
	cache := a.cache
	a.mu.Unlock()

	tok, err := tokenWithContext(ctx, cache)
	if err != nil {
		return credential{}, err
	}
	tok.SetAuthHeader(req)
	return credential{cache: cache, token: tok.AccessToken}, nil
}

func (a *tokenAuth) renew(ctx context.Context, used credential) (bool, error) {
	a.mu.Lock()
	if a.cache == used.cache {
		a.cache = oauth2.ReuseTokenSourceWithExpiry(nil, a.base, a.margin)
	}
	cache := a.cache
	a.mu.Unlock()

	tok, err := tokenWithContext(ctx, cache)
	if err != nil {
		return false, err
	}
	// Neither token is a guess, but comparing tokens in constant time
	// costs nothing and keeps the habit.
	changed := subtle.ConstantTimeCompare([]byte(tok.AccessToken), []byte(used.token)) != 1
	return changed, nil
}

// tokenWithContext calls src.Token, which takes no context, but returns as
// soon as ctx is done. A fetch still running then completes in the
// background and fills the cache for the next request.
func tokenWithContext(ctx context.Context, src oauth2.TokenSource) (*oauth2.Token, error) {
	type result struct {
		tok *oauth2.Token
		err error
	}
	done := make(chan result, 1)
	go func() {
		tok, err := src.Token()
		done <- result{tok, err}
	}()

	select {
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %w", ErrTokenRefresh, ctx.Err())
	case r := <-done:
		if r.err != nil {
			return nil, r.err
		}
		if r.tok == nil || r.tok.AccessToken == "" {
			return nil, fmt.Errorf("%w: token source returned an empty token", ErrTokenRefresh)
		}
		return r.tok, nil
	}
}

// auditedTokenSource logs each token fetch. It sits below the cache, so
// every call is a real refresh.
type auditedTokenSource struct {
	src    oauth2.TokenSource
	logger *slog.Logger
}

func (s auditedTokenSource) Token() (*oauth2.Token, error) {
	tok, err := s.src.Token()
	if err != nil {
		err = sanitizeTokenError(err)
		s.logger.LogAttrs(context.Background(), slog.LevelError, "token refresh failed",
			slog.String("error", err.Error()))
		return nil, err
	}
	if tok == nil {
		return nil, fmt.Errorf("%w: token source returned nil", ErrTokenRefresh)
	}
	s.logger.LogAttrs(context.Background(), slog.LevelInfo, "token refreshed",
		slog.String("token_type", tok.Type()), slog.Time("expiry", tok.Expiry))
	return tok, nil
}

// sanitizeTokenError drops the response body that oauth2.RetrieveError
// includes in its message, keeping the status and the standard error code.
func sanitizeTokenError(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return fmt.Errorf("%w: %w", ErrTokenRefresh, err)
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	return fmt.Errorf("%w: token endpoint returned status %d, error code %q",
		ErrTokenRefresh, status, sanitizeRequestID(re.ErrorCode))
}
