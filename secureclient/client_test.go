package secureclient

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

type item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func TestDoGetAndPost(t *testing.T) {
	var key Secret
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer "+key.Reveal() {
			t.Errorf("Authorization header does not carry the key")
		}
		if r.ProtoMajor != 2 {
			t.Errorf("protocol = %s, want HTTP/2", r.Proto)
		}
		if r.TLS == nil || r.TLS.Version < 0x0303 {
			t.Errorf("connection is not TLS 1.2 or later")
		}
		if r.Header.Get("User-Agent") != DefaultUserAgent || r.Header.Get("Accept") != "application/json" {
			t.Errorf("headers = %v", r.Header)
		}

		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/items/42":
			if r.URL.RawQuery != "expand=owner" {
				t.Errorf("query = %q", r.URL.RawQuery)
			}
			writeJSON(w, http.StatusOK, `{"id":"42","name":"answer"}`)
		case r.Method == http.MethodPost && r.URL.Path == "/v1/items":
			var in item
			if r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type = %q", r.Header.Get("Content-Type"))
			}
			if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Name != "new" {
				t.Errorf("request body = %+v, %v", in, err)
			}
			writeJSON(w, http.StatusCreated, `{"id":"43","name":"new"}`)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			http.NotFound(w, r)
		}
	})
	cfg := ts.config(t)
	key = cfg.APIKey
	c := newTestClient(t, cfg)
	ctx := context.Background()

	var got item
	if err := c.Do(ctx, http.MethodGet, "items/42?expand=owner", nil, &got); err != nil {
		t.Fatalf("GET: %v", err)
	}
	if got != (item{ID: "42", Name: "answer"}) {
		t.Errorf("GET decoded %+v", got)
	}
	if err := c.Do(ctx, http.MethodPost, "/items", item{Name: "new"}, &got); err != nil || got.ID != "43" {
		t.Fatalf("POST: %+v, %v", got, err)
	}
	if err := c.Do(ctx, http.MethodDelete, Path("items", "43"), nil, nil); err != nil {
		t.Fatalf("DELETE: %v", err)
	}

	var apiErr *APIError
	err := c.Do(ctx, http.MethodGet, "missing", nil, &got)
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Fatalf("GET missing: %v, want a 404 *APIError", err)
	}
}

func TestRetriesWithBackoff(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hitNumber(r) <= 2 {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"id":"1"}`)
	})
	cfg := ts.config(t)
	cfg.RetryBaseDelay = 100 * time.Millisecond
	cfg.RetryMaxDelay = time.Second
	c := newTestClient(t, cfg)
	rec := &sleepRecorder{}
	c.sleep = rec.sleep

	var got item
	if err := c.Do(context.Background(), http.MethodGet, "items/1", nil, &got); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if n := ts.hits.Load(); n != 3 {
		t.Errorf("server saw %d requests, want 3", n)
	}

	// Waits grow exponentially: [base/2, base], then [base, 2*base].
	waits := rec.recorded()
	if len(waits) != 2 {
		t.Fatalf("waits = %v, want 2", waits)
	}
	if waits[0] < 50*time.Millisecond || waits[0] > 100*time.Millisecond ||
		waits[1] < 100*time.Millisecond || waits[1] > 200*time.Millisecond {
		t.Errorf("waits = %v, want about 100ms then 200ms with jitter", waits)
	}
}

func TestRetriesExhausted(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-123")
		writeJSON(w, http.StatusBadGateway, `{}`)
	})
	logger, logs := newAuditLogger()
	cfg := ts.config(t)
	cfg.MaxRetries = 2
	cfg.Logger = logger
	c := newTestClient(t, cfg)

	err := c.Do(context.Background(), http.MethodGet, "items", nil, nil)
	if !errors.Is(err, ErrRetriesExhausted) {
		t.Fatalf("Do: %v, want ErrRetriesExhausted", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadGateway || apiErr.RequestID != "req-123" {
		t.Fatalf("Do: %v, want a 502 *APIError with the request id", err)
	}
	if n := ts.hits.Load(); n != 3 {
		t.Errorf("server saw %d requests, want 3", n)
	}
	if logs.count("retries exhausted") != 1 {
		t.Errorf("audit log lacks the exhausted retries:\n%s", logs)
	}
}

func TestNoRetry(t *testing.T) {
	tests := []struct {
		name   string
		method string
		status int
	}{
		{"post is not idempotent", http.MethodPost, http.StatusServiceUnavailable},
		{"patch is not idempotent", http.MethodPatch, http.StatusTooManyRequests},
		{"client error", http.MethodGet, http.StatusBadRequest},
		{"not implemented", http.MethodGet, http.StatusNotImplemented},
		{"forbidden", http.MethodGet, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, tt.status, `{}`)
			})
			c := newTestClient(t, ts.config(t))
			err := c.Do(context.Background(), tt.method, "items", item{Name: "x"}, nil)
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.status {
				t.Fatalf("Do: %v, want status %d", err, tt.status)
			}
			if n := ts.hits.Load(); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter func() string
		deadline   time.Duration // 0 for none
		wantHits   int64
		wantWait   time.Duration // minimum recorded wait; 0 when not retried
	}{
		{"seconds", func() string { return "2" }, 0, 2, 2 * time.Second},
		{"http date", func() string {
			return time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
		}, 0, 2, time.Second},
		{"over MaxRetryAfter", func() string { return "120" }, 0, 1, 0},
		{"over the deadline", func() string { return "30" }, 5 * time.Second, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				if hitNumber(r) == 1 {
					w.Header().Set("Retry-After", tt.retryAfter())
					writeJSON(w, http.StatusTooManyRequests, `{}`)
					return
				}
				writeJSON(w, http.StatusOK, `{}`)
			})
			c := newTestClient(t, ts.config(t))
			rec := &sleepRecorder{}
			c.sleep = rec.sleep
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}

			err := c.Do(ctx, http.MethodGet, "items", nil, nil)
			if n := ts.hits.Load(); n != tt.wantHits {
				t.Fatalf("server saw %d requests, want %d (err %v)", n, tt.wantHits, err)
			}
			if tt.wantWait == 0 {
				var apiErr *APIError
				if !errors.As(err, &apiErr) || apiErr.RetryAfter < 30*time.Second {
					t.Fatalf("Do: %v, want a 429 *APIError with RetryAfter", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if waits := rec.recorded(); len(waits) != 1 || waits[0] < tt.wantWait {
				t.Errorf("waits = %v, want one of at least %v", waits, tt.wantWait)
			}
		})
	}
}

func TestNetworkErrorRetried(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hitNumber(r) == 1 || r.URL.Path == "/v1/reset" {
			panic(http.ErrAbortHandler) // resets the stream without a response
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	c := newTestClient(t, ts.config(t))

	if err := c.Do(context.Background(), http.MethodGet, "items", nil, nil); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if n := ts.hits.Load(); n < 2 {
		t.Errorf("server saw %d requests, want a retry", n)
	}

	// Without retries the reset reaches the caller.
	cfg := ts.config(t)
	cfg.MaxRetries = 0
	c = newTestClient(t, cfg)
	if err := c.Do(context.Background(), http.MethodGet, "reset", nil, nil); err == nil {
		t.Fatal("Do succeeded despite the reset and no retries")
	}
}

func TestRateLimit(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	logger, logs := newAuditLogger()
	cfg := ts.config(t)
	cfg.RateLimit = rate.Limit(50) // one request per 20ms
	cfg.RateBurst = 1
	cfg.Logger = logger
	c := newTestClient(t, cfg)

	start := time.Now()
	for range 4 {
		if err := c.Do(context.Background(), http.MethodGet, "items", nil, nil); err != nil {
			t.Fatalf("Do: %v", err)
		}
	}
	if elapsed := time.Since(start); elapsed < 50*time.Millisecond {
		t.Errorf("4 requests at 50/s took %v, want at least 60ms", elapsed)
	}
	if logs.count("rate limit wait") == 0 {
		t.Errorf("audit log lacks rate-limit waits:\n%s", logs)
	}

	// A wait that cannot end before the deadline fails at once.
	slow := ts.config(t)
	slow.RateLimit = rate.Every(time.Hour)
	slow.RateBurst = 1
	c = newTestClient(t, slow)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.Do(ctx, http.MethodGet, "items", nil, nil); err != nil {
		t.Fatalf("first request: %v", err)
	}
	start = time.Now()
	err := c.Do(ctx, http.MethodGet, "items", nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 500*time.Millisecond {
		t.Fatalf("Do: %v after %v, want an immediate deadline error", err, time.Since(start))
	}
}

// blockingServer answers only when the client goes away.
func blockingServer(t *testing.T, started chan<- struct{}) *testServer {
	return newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if started != nil {
			select {
			case started <- struct{}{}:
			default:
			}
		}
		<-r.Context().Done()
	})
}

func TestTimeout(t *testing.T) {
	ts := blockingServer(t, nil)
	cfg := ts.config(t)
	cfg.Timeout = 100 * time.Millisecond
	cfg.MaxRetries = 1
	c := newTestClient(t, cfg)

	start := time.Now()
	err := c.Do(context.Background(), http.MethodGet, "slow", nil, nil)
	var netErr net.Error
	if !errors.As(err, &netErr) || !netErr.Timeout() {
		t.Fatalf("Do: %v, want a timeout", err)
	}
	if !errors.Is(err, ErrRetriesExhausted) || ts.hits.Load() != 2 {
		t.Errorf("Do: %v after %d requests, want the timeout retried once", err, ts.hits.Load())
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("timed out after %v", elapsed)
	}
}

func TestContextDeadline(t *testing.T) {
	ts := blockingServer(t, nil)
	c := newTestClient(t, ts.config(t))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	err := c.Do(ctx, http.MethodGet, "slow", nil, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Do: %v, want context.DeadlineExceeded", err)
	}
	if n := ts.hits.Load(); n != 1 {
		t.Errorf("server saw %d requests; the caller's deadline must not be retried", n)
	}
}

func TestCancellation(t *testing.T) {
	t.Run("during request", func(t *testing.T) {
		started := make(chan struct{}, 1)
		ts := blockingServer(t, started)
		c := newTestClient(t, ts.config(t))
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			<-started
			cancel()
		}()
		if err := c.Do(ctx, http.MethodGet, "slow", nil, nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("Do: %v, want context.Canceled", err)
		}
	})

	t.Run("during backoff", func(t *testing.T) {
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
		})
		cfg := ts.config(t)
		cfg.RetryBaseDelay = 10 * time.Second // real sleep, cut short
		cfg.RetryMaxDelay = 10 * time.Second
		c := newTestClient(t, cfg)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)

		start := time.Now()
		err := c.Do(ctx, http.MethodGet, "items", nil, nil)
		if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second {
			t.Fatalf("Do: %v after %v, want a prompt context.Canceled", err, time.Since(start))
		}
	})
}

func TestOversizedResponse(t *testing.T) {
	big := `{"name":"` + strings.Repeat("x", 2048) + `"}`
	for _, chunked := range []bool{false, true} {
		t.Run("chunked="+strconv.FormatBool(chunked), func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if !chunked {
					w.Header().Set("Content-Length", strconv.Itoa(len(big)))
				}
				_, _ = io.WriteString(w, big[:10])
				if f, ok := w.(http.Flusher); ok && chunked {
					f.Flush()
				}
				_, _ = io.WriteString(w, big[10:])
			})
			cfg := ts.config(t)
			cfg.MaxResponseBytes = 1024
			c := newTestClient(t, cfg)

			var got item
			err := c.Do(context.Background(), http.MethodGet, "big", nil, &got)
			if !errors.Is(err, ErrResponseTooLarge) {
				t.Fatalf("Do: %v, want ErrResponseTooLarge", err)
			}
			if n := ts.hits.Load(); n != 1 {
				t.Errorf("server saw %d requests; an oversized body must not be retried", n)
			}
		})
	}
}

func TestResponseContentType(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<html></html>")
	})
	c := newTestClient(t, ts.config(t))
	var got item
	err := c.Do(context.Background(), http.MethodGet, "page", nil, &got)
	if err == nil || !strings.Contains(err.Error(), "text/html") {
		t.Fatalf("Do: %v, want an unexpected content type error", err)
	}
	if n := ts.hits.Load(); n != 1 {
		t.Errorf("server saw %d requests; a decode error must not be retried", n)
	}
}

func TestPathInjectionRejected(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	c := newTestClient(t, ts.config(t))

	bad := []string{
		"",
		"../admin",
		"items/../../admin",
		"items/./x",
		"items//x",
		"%2e%2e/admin",
		"items/%2E%2E/admin",
		"items%2f..%2fadmin",
		`items\..\admin`,
		"https://attacker.example/steal",
		"//attacker.example/steal",
		"http:items",
		"items#fragment",
		"items/\x00",
		"items/%00",
		"items\r\nX-Injected: 1",
		"..",
		Path("items", ".."),
		Path("items", "", "x"),
	}
	for _, p := range bad {
		err := c.Do(context.Background(), http.MethodGet, p, nil, nil)
		if !errors.Is(err, ErrInvalidPath) {
			t.Errorf("Do(%q): %v, want ErrInvalidPath", p, err)
		}
	}
	if n := ts.hits.Load(); n != 0 {
		t.Errorf("server saw %d requests for rejected paths", n)
	}
}

func TestPathEscaping(t *testing.T) {
	got := make(chan string, 1)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		got <- r.URL.EscapedPath() + "?" + r.URL.RawQuery
		writeJSON(w, http.StatusOK, `{}`)
	})
	c := newTestClient(t, ts.config(t))

	tests := []struct{ path, want string }{
		{Path("users", "a b/c?d#e", "keys"), "/v1/users/a%20b%2Fc%3Fd%23e/keys?"},
		{Path("ns:1", "x"), "/v1/ns%3A1/x?"},
		{"/users/7", "/v1/users/7?"},
		{"users/7/?page=2", "/v1/users/7/?page=2"},
	}
	for _, tt := range tests {
		if err := c.Do(context.Background(), http.MethodGet, tt.path, nil, nil); err != nil {
			t.Errorf("Do(%q): %v", tt.path, err)
			continue
		}
		if g := <-got; g != tt.want {
			t.Errorf("Do(%q) requested %q, want %q", tt.path, g, tt.want)
		}
	}
}

func TestRedirects(t *testing.T) {
	other := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/moved":
			http.Redirect(w, r, "/v1/here", http.StatusFound)
		case "/v1/here":
			writeJSON(w, http.StatusOK, `{"id":"here"}`)
		default:
			http.Redirect(w, r, other.URL+"/v1/here", http.StatusFound)
		}
	})
	c := newTestClient(t, ts.config(t))

	var got item
	if err := c.Do(context.Background(), http.MethodGet, "moved", nil, &got); err != nil || got.ID != "here" {
		t.Fatalf("same-origin redirect: %+v, %v", got, err)
	}
	err := c.Do(context.Background(), http.MethodGet, "elsewhere", nil, &got)
	if !errors.Is(err, ErrRedirect) {
		t.Fatalf("cross-origin redirect: %v, want ErrRedirect", err)
	}
	if n := other.hits.Load(); n != 0 {
		t.Errorf("the other origin saw %d requests", n)
	}
}

func TestErrorsAndLogsHideSecrets(t *testing.T) {
	marker := string(randomSecret(t))
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		// A careless server echoes the credential and internal details.
		w.Header().Set("X-Request-Id", "id\x1b[31m")
		writeJSON(w, http.StatusInternalServerError,
			fmt.Sprintf(`{"auth":%q,"debug":%q}`, r.Header.Get("Authorization"), marker))
	})
	logger, logs := newAuditLogger()
	cfg := ts.config(t)
	cfg.Logger = logger
	cfg.MaxRetries = 1
	c := newTestClient(t, cfg)

	err := c.Do(context.Background(), http.MethodPut, "items/1", item{Name: marker + "-body"}, nil)
	if err == nil {
		t.Fatal("Do succeeded")
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.RequestID != "" {
		t.Errorf("Do: %v, want an *APIError without the unsafe request id", err)
	}
	key := cfg.APIKey.Reveal()
	assertNoSecret(t, "error", err.Error(), key, marker)
	assertNoSecret(t, "error %v", fmt.Sprintf("%+v", err), key, marker)
	assertNoSecret(t, "audit log", logs.String(), key, marker)
	assertNoSecret(t, "config", fmt.Sprintf("%+v %#v", cfg, cfg), key)
}

func TestConcurrentUse(t *testing.T) {
	tokens := newRotatingTokens(t, 20*time.Millisecond)
	// Every seventh item fails once with 503, whatever the interleaving,
	// so that retries run concurrently with refreshes and each request
	// still succeeds on its second attempt.
	var mu sync.Mutex
	failed := make(map[string]bool)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if !tokens.valid(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) {
			writeJSON(w, http.StatusUnauthorized, `{}`)
			return
		}
		id, _ := strconv.Atoi(path.Base(r.URL.Path))
		mu.Lock()
		flaky := id%7 == 0 && !failed[r.URL.Path]
		failed[r.URL.Path] = true
		mu.Unlock()
		if flaky {
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"id":"ok"}`)
	})
	cfg := ts.config(t)
	cfg.APIKey = ""
	cfg.TokenSource = tokens
	cfg.TokenExpiryMargin = 10 * time.Millisecond
	c := newTestClient(t, cfg)

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 10 {
		wg.Go(func() {
			for i := range 10 {
				var got item
				err := c.Do(context.Background(), http.MethodGet, Path("items", strconv.Itoa(g*10+i)), nil, &got)
				if err != nil || got.ID != "ok" {
					errs <- fmt.Errorf("request %d/%d: %+v, %w", g, i, got, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if tokens.issued() < 2 {
		t.Errorf("only %d tokens issued; expected refreshes under load", tokens.issued())
	}
}

func TestRefusesPlainHTTP(t *testing.T) {
	plain := newPlainServer(t)

	t.Run("http base URL", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.APIKey = randomSecret(t)
		cfg.BaseURL = plain.URL
		if _, err := New(cfg); !errors.Is(err, ErrInvalidConfig) {
			t.Fatalf("New: %v, want ErrInvalidConfig", err)
		}
	})

	t.Run("https URL to a plain server", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.APIKey = randomSecret(t)
		cfg.BaseURL = strings.Replace(plain.URL, "http://", "https://", 1)
		cfg.RetryBaseDelay = time.Millisecond
		c := newTestClient(t, cfg)
		err := c.Do(context.Background(), http.MethodGet, "items", nil, nil)
		if err == nil || errors.Is(err, ErrRetriesExhausted) {
			t.Fatalf("Do: %v, want a TLS failure without retries", err)
		}
		if n := plain.hits.Load(); n != 0 {
			t.Errorf("plain server handled %d requests", n)
		}
	})

	t.Run("loopback opt-in", func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.APIKey = randomSecret(t)
		cfg.BaseURL = plain.URL
		cfg.AllowInsecureLoopback = true
		c := newTestClient(t, cfg)
		if err := c.Do(context.Background(), http.MethodGet, "items", nil, nil); err != nil {
			t.Fatalf("Do: %v", err)
		}

		cfg.BaseURL = "http://api.example.com"
		if _, err := New(cfg); !errors.Is(err, ErrInvalidConfig) {
			t.Fatalf("New with a remote http URL: %v, want ErrInvalidConfig", err)
		}
	})
}

func TestRefusesUntrustedCertificate(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{}`)
	})

	for _, exclude := range []bool{true, false} {
		cfg := ts.config(t)
		cfg.TLS.RootCAsPEM = newTestPKI(t).caPEM // some other CA
		cfg.TLS.ExcludeSystemRoots = exclude
		c := newTestClient(t, cfg)
		err := c.Do(context.Background(), http.MethodGet, "items", nil, nil)
		if err == nil || !strings.Contains(err.Error(), "certificate") || errors.Is(err, ErrRetriesExhausted) {
			t.Errorf("ExcludeSystemRoots=%v: Do: %v, want a certificate error without retries", exclude, err)
		}
	}
	if n := ts.hits.Load(); n != 0 {
		t.Errorf("server handled %d requests over an untrusted connection", n)
	}
}

func TestRefusesOldTLS(t *testing.T) {
	ts := newTestServerTLS(t, func(w http.ResponseWriter, r *http.Request) {}, func(c *tls.Config) {
		c.MinVersion = tls.VersionTLS10
		c.MaxVersion = tls.VersionTLS11
	})

	c := newTestClient(t, ts.config(t))
	err := c.Do(context.Background(), http.MethodGet, "items", nil, nil)
	if err == nil || ts.hits.Load() != 0 {
		t.Fatalf("Do: %v, want a handshake failure", err)
	}
}
