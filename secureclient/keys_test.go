package secureclient

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writeKeyFile replaces the key file the way a secret manager should:
// write a private temporary file, then rename it over the old one.
func writeKeyFile(t *testing.T, path string, key Secret) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(key.Reveal()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// keyServer accepts only its current key.
type keyServer struct {
	*testServer
	mu  sync.Mutex
	key Secret
}

func newKeyServer(t *testing.T, key Secret) *keyServer {
	ks := &keyServer{key: key}
	ks.testServer = newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		ks.mu.Lock()
		want := "Bearer " + ks.key.Reveal()
		ks.mu.Unlock()
		if r.Header.Get("Authorization") != want {
			writeJSON(w, http.StatusUnauthorized, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	return ks
}

func (ks *keyServer) accept(key Secret) {
	ks.mu.Lock()
	ks.key = key
	ks.mu.Unlock()
}

func TestKeyRotationByFile(t *testing.T) {
	oldKey, newKey := randomSecret(t), randomSecret(t)
	path := filepath.Join(t.TempDir(), "api-key")
	writeKeyFile(t, path, oldKey)
	ks := newKeyServer(t, oldKey)
	logger, logs := newAuditLogger()
	cfg := ks.config(t)
	cfg.APIKey = ""
	cfg.KeySource = NewFileKey(path)
	cfg.Logger = logger
	c := newTestClient(t, cfg)
	ctx := context.Background()

	if err := c.Do(ctx, http.MethodGet, "a", nil, nil); err != nil {
		t.Fatalf("with the old key: %v", err)
	}
	ks.accept(newKey)
	writeKeyFile(t, path, newKey)
	if err := c.Do(ctx, http.MethodGet, "a", nil, nil); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
	if n := ks.hits.Load(); n != 2 {
		t.Errorf("server saw %d requests, want 2 (no 401 on the way)", n)
	}
	if logs.count("api key reloaded") != 1 {
		t.Errorf("audit log lacks the key reload:\n%s", logs)
	}
	assertNoSecret(t, "audit log", logs.String(), oldKey.Reveal(), newKey.Reveal())
}

func TestKeyReloadAfter401(t *testing.T) {
	oldKey, newKey := randomSecret(t), randomSecret(t)
	path := filepath.Join(t.TempDir(), "api-key")
	writeKeyFile(t, path, oldKey)
	ks := newKeyServer(t, oldKey)
	cfg := ks.config(t)
	cfg.APIKey = ""
	cfg.KeySource = NewFileKey(path)
	c := newTestClient(t, cfg)
	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
		t.Fatal(err)
	}

	// Rewrite the file in place so that it looks unchanged (same file,
	// size and modification time), as on a file system with coarse
	// timestamps.
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ks.accept(newKey)
	if err := os.WriteFile(path, []byte(newKey.Reveal()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}

	if err := c.Do(context.Background(), http.MethodPost, "a", nil, nil); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
	if n := ks.hits.Load(); n != 3 {
		t.Errorf("server saw %d requests, want 3 (one 401, then the retry)", n)
	}
}

func TestKeyFilePermissions(t *testing.T) {
	key := randomSecret(t)
	path := filepath.Join(t.TempDir(), "api-key")
	writeKeyFile(t, path, key)
	ks := newKeyServer(t, key)
	cfg := ks.config(t)
	cfg.APIKey = ""
	cfg.KeySource = NewFileKey(path)

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(cfg); !errors.Is(err, ErrInsecureKeyFile) {
		t.Fatalf("New with a world-readable key file: %v, want ErrInsecureKeyFile", err)
	}

	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, cfg)
	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
		t.Fatalf("with mode 0400: %v", err)
	}

	// A later chmod is noticed on the next request.
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	err := c.Do(context.Background(), http.MethodGet, "a", nil, nil)
	if !errors.Is(err, ErrInsecureKeyFile) {
		t.Fatalf("Do with a group-readable key file: %v, want ErrInsecureKeyFile", err)
	}
	assertNoSecret(t, "error", err.Error(), key.Reveal())
	if n := ks.hits.Load(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestFileKeyErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte(" \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, []byte(strings.Repeat("k", maxKeyFileSize+1)), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		path string
		want error
	}{
		{filepath.Join(dir, "missing"), os.ErrNotExist},
		{empty, ErrNoKey},
		{big, nil},
		{dir, nil}, // a directory
	}
	for _, tt := range tests {
		_, err := NewFileKey(tt.path).Key(context.Background())
		if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Key(%s): %v, want %v", filepath.Base(tt.path), err, tt.want)
		}
	}
}

func TestEnvKeyRotation(t *testing.T) {
	const name = "SECURECLIENT_TEST_KEY"
	oldKey, newKey := randomSecret(t), randomSecret(t)
	t.Setenv(name, oldKey.Reveal())
	ks := newKeyServer(t, oldKey)
	cfg, err := FromEnv(WithKeyVar(name))
	if err != nil {
		t.Fatal(err)
	}
	test := ks.config(t)
	cfg.BaseURL, cfg.TLS, cfg.RetryBaseDelay, cfg.RetryMaxDelay = test.BaseURL, test.TLS, test.RetryBaseDelay, test.RetryMaxDelay
	c := newTestClient(t, cfg)

	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
		t.Fatal(err)
	}
	ks.accept(newKey)
	t.Setenv(name, newKey.Reveal())
	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); err != nil {
		t.Fatalf("after rotation: %v", err)
	}

	t.Setenv(name, "")
	if err := c.Do(context.Background(), http.MethodGet, "a", nil, nil); !errors.Is(err, ErrNoKey) {
		t.Fatalf("with the variable emptied: %v, want ErrNoKey", err)
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv(DefaultKeyEnv, "")
	_, err := FromEnv()
	if !errors.Is(err, ErrNoKey) || !strings.Contains(err.Error(), DefaultKeyEnv) {
		t.Fatalf("FromEnv with %s unset: %v, want ErrNoKey naming the variable", DefaultKeyEnv, err)
	}

	key := randomSecret(t)
	t.Setenv(DefaultKeyEnv, key.Reveal())
	cfg, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Timeout != DefaultTimeout || cfg.MaxRetries != DefaultMaxRetries || cfg.KeySource == nil {
		t.Errorf("FromEnv = %+v, want the defaults with an environment key source", cfg)
	}
	if got, err := cfg.KeySource.Key(context.Background()); err != nil || got != key {
		t.Errorf("key source returned an unexpected key (err %v)", err)
	}
	cfg.BaseURL = "https://api.example.com"
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
