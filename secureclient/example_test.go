package secureclient_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/scaile/seclint/secureclient"
)

// The compliant pattern: the key comes from the environment, the
// configuration is validated by New, and every call has a deadline.
func ExampleFromEnv() {
	cfg, err := secureclient.FromEnv() // reads SCAILE_API_KEY
	if err != nil {
		log.Fatal(err) // names the variable, never a value
	}
	cfg.BaseURL = "https://api.example.com/v1"
	client, err := secureclient.New(cfg)
	if err != nil {
		log.Fatal(err)
	}

	var user struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	ctx, cancel := context.WithTimeout(context.Background(), secureclient.DefaultTimeout)
	defer cancel()
	if err := client.Do(ctx, http.MethodGet, secureclient.Path("users", "42"), nil, &user); err != nil {
		log.Fatal(err) // an *APIError carries the status, never the key
	}
	fmt.Println(user.Name)
}

// A server whose certificate a private CA issued is reached by trusting
// that CA, never by turning verification off.
func Example_privateCA() {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"status":"ok"}`)
	}))
	defer srv.Close()

	cfg := secureclient.DefaultConfig()
	cfg.APIKey = secureclient.Secret("example-key")
	cfg.BaseURL = srv.URL
	cfg.TLS.RootCAs = append(cfg.TLS.RootCAs, srv.Certificate()) // the private CA
	client, err := secureclient.New(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.CloseIdleConnections()

	var health struct{ Status string }
	if err := client.Do(context.Background(), http.MethodGet, "health", nil, &health); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(health.Status)
	// Output: ok
}

// A key file is read again when it changes, so a rotated key is used
// without a restart; a file that group or others can read is refused.
func ExampleNewFileKey() {
	dir, err := os.MkdirTemp("", "secureclient")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "api-key")
	if err := os.WriteFile(path, []byte("first-key\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}

	key := secureclient.NewFileKey(path)
	if _, err := key.Key(context.Background()); err != nil {
		fmt.Println("refused:", err != nil)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		fmt.Println(err)
		return
	}
	k, err := key.Key(context.Background())
	fmt.Println(k, err)
	// Output:
	// refused: true
	// [REDACTED] <nil>
}
