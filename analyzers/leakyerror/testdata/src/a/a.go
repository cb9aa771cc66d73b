// Package a covers the sources and the error, panic and output sinks.
package a

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type Config struct {
	URL       string
	APIKey    string
	Password  string
	MaxTokens int
	TokenURL  string
}

// Must flag: a secret field in an error message.
func newClient(cfg Config) error {
	if cfg.URL == "" {
		return fmt.Errorf("bad key %q", cfg.APIKey) // want `API key from field Config.APIKey reaches an error message \(fmt.Errorf\) through newClient; redact it`
	}
	return errors.New("login failed: " + cfg.Password) // want `password from field Config.Password reaches an error message \(errors.New\) through newClient`
}

// Must not flag: the name of a secret, a presence check, the length, %T.
func checkConfig(cfg *Config) error {
	if cfg.APIKey == "" {
		return errors.New("API_KEY not set")
	}
	if len(cfg.Password) < 8 {
		return fmt.Errorf("password too short: %d characters", len(cfg.Password))
	}
	if strings.HasPrefix(cfg.APIKey, "sk_") {
		return fmt.Errorf("key of type %T has a test prefix", cfg.APIKey)
	}
	return fmt.Errorf("max tokens %d, token URL %s", cfg.MaxTokens, cfg.TokenURL)
}

// Must flag: environment variables with credential names.
func fromEnv() {
	token := os.Getenv("GITHUB_TOKEN")
	fmt.Println("using", token) // want `token from environment variable GITHUB_TOKEN reaches standard output \(fmt.Println\) through fromEnv`
	if pw, ok := os.LookupEnv("DB_PASSWORD"); ok {
		log.Printf("connecting with %s", pw) // want `password from environment variable DB_PASSWORD reaches a log \(log.Printf\)`
	}
}

// Must not flag: variables that name where a secret is, not the secret.
func envNames() {
	u := os.Getenv("TOKEN_URL")
	fmt.Println("token endpoint", u)
	home := os.Getenv("HOME")
	log.Printf("home %s", home)
	full := os.Getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI")
	log.Printf("credentials endpoint %s", full)
	dir := os.Getenv("VAULT_TOKEN_CACHE_DIR")
	log.Printf("token cache %s", dir)
}

// Must not flag: a value taken from credentials is not one.
func fromCreds(cfg Config) error {
	authorityFromCreds := strings.TrimSpace(cfg.URL)
	return fmt.Errorf("authority from credentials %q does not match", authorityFromCreds)
}

// Must flag: a local variable and a parameter named for a secret.
func login(user, password string) error { // want login:"param 0 reaches an error message \\(fmt.Errorf\\); param 1 reaches"
	return fmt.Errorf("login %s:%s failed", user, password) // want `password from parameter password reaches an error message`
}

func locals(r *http.Request) {
	apiKey := strings.TrimSpace(r.FormValue("key"))
	panic("bad key " + apiKey) // want `API key from variable apiKey reaches a panic \(panic\) through locals`
}

// Must not flag: hashed, prefixed and masked values.
func sanitized(cfg Config) {
	sum := sha256.Sum256([]byte(cfg.APIKey))
	log.Printf("key hash %x", sum)
	log.Printf("key %s...", cfg.APIKey[:4])
	log.Printf("key %s...", string([]rune(cfg.APIKey)[:min(4, len(cfg.APIKey)/4)]))
	log.Printf("key %s...", cfg.APIKey[:max(4, len(cfg.APIKey)/2)]) // want `API key from field Config.APIKey reaches a log`
	log.Printf("key %s", mask(cfg.APIKey))
}

func mask(s string) string { // want mask:"redacts"
	if len(s) < 8 {
		return "****"
	}
	return s[:4] + "****"
}

// Must flag: a helper that passes the secret on, or a helper that logs it.
func bearer(t string) string { return "Bearer " + t } // want bearer:"passes 0"

func logKey(k string) { // want logKey:"param 0 reaches a log \\(log.Printf\\)"
	log.Printf("key=%s", k)
}

func helpers(cfg Config) {
	log.Print(bearer(cfg.APIKey)) // want `API key from field Config.APIKey reaches a log \(log.Print\) through helpers`
	logKey(cfg.Password)          // want `password from field Config.Password reaches a log \(log.Printf\) through helpers -> logKey`
	logKey(cfg.URL)
}

// Must flag: a function whose fact says it returns a secret.
func loadKey() string { // want loadKey:"returns API key from environment variable API_KEY"
	return os.Getenv("API_KEY")
}

func useKey() error {
	return fmt.Errorf("key %s rejected", loadKey()) // want `API key from environment variable API_KEY reaches an error message \(fmt.Errorf\) through loadKey -> useKey`
}

// Must flag: URL user info, basic auth and the Authorization header.
func requestSecrets(r *http.Request, u *url.URL) {
	if p, ok := u.User.Password(); ok {
		log.Println("url password", p) // want `password from the URL's user info reaches a log`
	}
	_, pass, _ := r.BasicAuth()
	log.Println(pass) // want `password from basic auth of the request reaches a log`
	auth := r.Header.Get("Authorization")
	log.Printf("auth header %q", auth) // want `authorization header from request header Authorization reaches a log`
	c, err := r.Cookie("session")
	if err == nil {
		log.Printf("session %s", c.Value) // want `cookie value from http.Cookie.Value reaches a log`
	}
	log.Printf("agent %s", r.Header.Get("User-Agent"))
}

// Must not flag: secrets given to their proper users.
func properSinks(cfg Config, req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+cfg.APIKey)
	mac := hmac.New(sha256.New, []byte(cfg.Password))
	_ = mac
	_ = &tls.Config{ServerName: cfg.URL}
}

// A declared secret type is a source wherever it goes.
type APIKey string

func typed(k APIKey) error { // want typed:"param 0 reaches an error message"
	return fmt.Errorf("bad key %s", string(k)) // want `API key from parameter k reaches an error message`
}

// A declared secret type with a redacting String method prints safely.
type Password string

func (Password) String() string { return "[redacted]" }

func typedRedacted(p Password) error {
	return fmt.Errorf("bad password %v", p)
}

// Standard error counts as output; a file or buffer does not.
func streams(cfg Config, f *os.File, b *strings.Builder) {
	fmt.Fprintf(os.Stderr, "key %s\n", cfg.APIKey) // want `API key from field Config.APIKey reaches standard output \(fmt.Fprintf\)`
	fmt.Fprintf(f, "key %s\n", cfg.APIKey)
	fmt.Fprintf(b, "key %s\n", cfg.APIKey)
}

// replaced removes the key from a message before logging it; replacing
// characters of the key itself still prints it.
func replaced(cfg Config, msg string) { // want replaced:"param 1 reaches a log \\(log.Print\\)"
	log.Print(strings.ReplaceAll(msg, cfg.APIKey, "[redacted]"))
	log.Print(strings.ReplaceAll(cfg.APIKey, "-", "")) // want `API key from field Config.APIKey reaches a log \(log.Print\) through replaced`
}
