package secureclient

import (
	"context"
	"crypto/rand"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// rotatingTokens is a token source that issues a new random token with
// the given lifetime on every call, like a token endpoint.
type rotatingTokens struct {
	lifetime time.Duration

	mu      sync.Mutex
	tokens  map[string]bool // issued token -> still accepted
	ordered []string
}

func newRotatingTokens(t *testing.T, lifetime time.Duration) *rotatingTokens {
	return &rotatingTokens{lifetime: lifetime, tokens: map[string]bool{}}
}

func (r *rotatingTokens) Token() (*oauth2.Token, error) {
	tok := rand.Text()
	r.mu.Lock()
	r.tokens[tok] = true
	r.ordered = append(r.ordered, tok)
	r.mu.Unlock()
	return &oauth2.Token{AccessToken: tok, TokenType: "bearer", Expiry: time.Now().Add(r.lifetime)}, nil
}

// valid reports whether the server should accept tok.
func (r *rotatingTokens) valid(tok string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tokens[tok]
}

// revoke makes the server reject the n-th issued token (from 0).
func (r *rotatingTokens) revoke(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tokens[r.ordered[n]] = false
}

func (r *rotatingTokens) issued() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.ordered)
}

func (r *rotatingTokens) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.ordered...)
}

// tokenServer accepts only the valid tokens of src.
func tokenServer(t *testing.T, src *rotatingTokens) *testServer {
	return newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !src.valid(tok) {
			writeJSON(w, http.StatusUnauthorized, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
}

func tokenConfig(t *testing.T, ts *testServer, src oauth2.TokenSource) Config {
	cfg := ts.config(t)
	cfg.APIKey = ""
	cfg.TokenSource = src
	return cfg
}

func TestTokenRefreshOn401(t *testing.T) {
	src := newRotatingTokens(t, time.Hour)
	ts := tokenServer(t, src)
	logger, logs := newAuditLogger()
	cfg := tokenConfig(t, ts, src)
	cfg.Logger = logger
	c := newTestClient(t, cfg)
	ctx := context.Background()

	if err := c.Do(ctx, http.MethodGet, "a", nil, nil); err != nil {
		t.Fatalf("first request: %v", err)
	}
	src.revoke(0) // the server stops accepting the cached token
	for range 2 {
		if err := c.Do(ctx, http.MethodPost, "b", nil, nil); err != nil {
			t.Fatalf("request after revocation: %v", err)
		}
	}
	if n := src.issued(); n != 2 {
		t.Errorf("issued %d tokens, want 2", n)
	}
	if n := ts.hits.Load(); n != 4 {
		t.Errorf("server saw %d requests, want 4", n)
	}
	if logs.count("authentication failed") != 1 || logs.count("token refreshed") != 2 {
		t.Errorf("audit log:\n%s", logs)
	}
	assertNoSecret(t, "audit log", logs.String(), src.all()...)
}

func TestTokenRejectedAfterRefresh(t *testing.T) {
	src := newRotatingTokens(t, time.Hour)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusUnauthorized, `{}`)
	})
	c := newTestClient(t, tokenConfig(t, ts, src))

	err := c.Do(context.Background(), http.MethodGet, "a", nil, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("Do: %v, want a 401 *APIError", err)
	}
	if n := ts.hits.Load(); n != 2 {
		t.Errorf("server saw %d requests, want the original and one after refresh", n)
	}
	assertNoSecret(t, "error", err.Error(), src.all()...)
}

func TestStaticTokenNotRepeated(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusUnauthorized, `{}`)
	})
	tok := &oauth2.Token{AccessToken: rand.Text()}
	c := newTestClient(t, tokenConfig(t, ts, oauth2.StaticTokenSource(tok)))

	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err == nil {
		t.Fatal("Do succeeded")
	}
	if n := ts.hits.Load(); n != 1 {
		t.Errorf("server saw %d requests; an unchanged token must not be resent", n)
	}
}

func TestTokenRenewedBeforeExpiry(t *testing.T) {
	tests := []struct {
		lifetime time.Duration
		want     int
	}{
		{30 * time.Second, 3}, // inside the one-minute margin: renewed every time
		{time.Hour, 1},
	}
	for _, tt := range tests {
		src := newRotatingTokens(t, tt.lifetime)
		ts := tokenServer(t, src)
		cfg := tokenConfig(t, ts, src)
		cfg.TokenExpiryMargin = time.Minute
		c := newTestClient(t, cfg)
		for range 3 {
			if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
				t.Fatalf("lifetime %v: %v", tt.lifetime, err)
			}
		}
		if n := src.issued(); n != tt.want {
			t.Errorf("lifetime %v: issued %d tokens, want %d", tt.lifetime, n, tt.want)
		}
	}
}

func TestConcurrent401RenewsOnce(t *testing.T) {
	src := newRotatingTokens(t, time.Hour)
	ts := tokenServer(t, src)
	c := newTestClient(t, tokenConfig(t, ts, src))
	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
		t.Fatal(err)
	}
	src.revoke(0)

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := src.issued(); n != 2 {
		t.Errorf("issued %d tokens, want one renewal for all rejected requests", n)
	}
}

// failingTokens fails like a token endpoint that rejects the client.
type failingTokens struct{ body string }

func (f failingTokens) Token() (*oauth2.Token, error) {
	return nil, &oauth2.RetrieveError{
		Response:  &http.Response{StatusCode: http.StatusBadRequest},
		Body:      []byte(f.body),
		ErrorCode: "invalid_client",
	}
}

func TestTokenErrorHidesBody(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {})
	marker := rand.Text()
	logger, logs := newAuditLogger()
	cfg := tokenConfig(t, ts, failingTokens{body: `{"error":"invalid_client","secret":"` + marker + `"}`})
	cfg.Logger = logger
	c := newTestClient(t, cfg)

	err := c.Do(context.Background(), http.MethodGet, "a", nil, nil)
	if !errors.Is(err, ErrTokenRefresh) || !strings.Contains(err.Error(), "invalid_client") {
		t.Fatalf("Do: %v, want ErrTokenRefresh with the error code", err)
	}
	assertNoSecret(t, "error", err.Error(), marker)
	assertNoSecret(t, "audit log", logs.String(), marker)
	if logs.count("token refresh failed") != 1 || ts.hits.Load() != 0 {
		t.Errorf("audit log:\n%s", logs)
	}
}

// blockedTokens never returns, like a token endpoint that hangs.
type blockedTokens struct{ release chan struct{} }

func (b blockedTokens) Token() (*oauth2.Token, error) {
	<-b.release
	return nil, errors.New("released")
}

func TestTokenFetchHonoursContext(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {})
	src := blockedTokens{release: make(chan struct{})}
	defer close(src.release)
	c := newTestClient(t, tokenConfig(t, ts, src))

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := c.Do(ctx, http.MethodGet, "a", nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrTokenRefresh) {
		t.Fatalf("Do: %v, want ErrTokenRefresh and DeadlineExceeded", err)
	}
}
