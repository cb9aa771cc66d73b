// Package secureclient is seclint's reference HTTP API client: the
// compliant pattern that seclint findings point to. It is a complete JSON
// API client in its own right, and it passes every seclint check and go
// vet.
//
// # Using it
//
// Read the key from the environment, set the base URL, and create one
// Client per API, shared by all goroutines:
//
//	cfg, err := secureclient.FromEnv() // SCAILE_API_KEY
//	if err != nil {
//		return err
//	}
//	cfg.BaseURL = "https://api.example.com/v1"
//	client, err := secureclient.New(cfg)
//	if err != nil {
//		return err
//	}
//	var user User
//	err = client.Do(ctx, http.MethodGet, secureclient.Path("users", id), nil, &user)
//
// # What it does, and which checklist item each part answers
//
// Secrets. The API key is a Secret, whose String, GoString, Format,
// LogValue and JSON and text encodings all print "[REDACTED]"; only
// Secret.Reveal returns the value. No error or log message of this package
// contains a key, a token or a response body.
//
// Configuration. Config.Validate rejects an empty key, a base URL that is
// not https, a non-positive timeout and negative retries, and reports
// field names rather than values. Plain http is accepted only for a
// loopback host and only with Config.AllowInsecureLoopback, for tests
// against a local server.
//
// Key rotation. A KeySource is asked for the key before every request.
// EnvKey re-reads an environment variable; FileKey re-reads a key file
// when it changes and refuses one that group or others can read. After a
// 401 the source is asked again (FileKey re-reads the file), and the
// request is repeated once if the key changed.
//
// Tokens. With Config.TokenSource the client sends OAuth2 bearer tokens
// from any golang.org/x/oauth2 TokenSource, cached by
// oauth2.ReuseTokenSourceWithExpiry and renewed TokenExpiryMargin before
// they expire. After a 401 the cache is dropped and the request repeated
// once with a new token. Concurrent requests share one cache and one
// renewal.
//
// Requests. Do resolves the path below the base URL and rejects
// absolute URLs, "..", empty segments and control characters, also when
// percent-encoded; Path escapes untrusted segments. Bodies are JSON in
// and out, and responses are capped at Config.MaxResponseBytes. The
// context bounds the call; Config.Timeout bounds each attempt.
//
// Retries. Idempotent methods are retried on 429, 5xx (except 501) and
// network errors, with exponential backoff and jitter, waiting at least
// as long as Retry-After asks; a Retry-After above Config.MaxRetryAfter
// ends the call instead. Requests are spaced by a golang.org/x/time/rate
// limiter.
//
// Errors. A response outside 2xx is an *APIError with the status, the
// server's request ID and any Retry-After, but no body. Other errors wrap
// the sentinel errors of this package and their causes with %w.
//
// Audit log. Authentication failures, token refreshes, key reloads,
// rate-limit waits and exhausted retries go to Config.Logger, a
// *slog.Logger the caller injects; nothing else is logged.
//
// Transport. Each Client has its own http.Transport: TLS 1.2 or later,
// certificate verification always on, HTTP/2, and timeouts on dialing,
// the TLS handshake and the response header. Redirects are followed only
// within the same scheme and host.
//
// # Trusting a private CA instead of skipping verification
//
// There is no option to turn certificate verification off, and the
// package never sets tls.Config.InsecureSkipVerify. A client that skips
// verification accepts any certificate, so anyone who can intercept the
// connection (a hostile Wi-Fi, a compromised proxy, DNS spoofing) can
// pose as the server and read the API key from the first request
// (CWE-295). The usual reason for wanting the switch is a server whose
// certificate comes from a private or test CA; trust that CA instead:
//
//	pemCA, err := os.ReadFile("/etc/myapp/internal-ca.pem")
//	if err != nil {
//		return err
//	}
//	cfg.TLS.RootCAsPEM = pemCA         // in addition to the system roots
//	cfg.TLS.ExcludeSystemRoots = true  // optional: trust only this CA
//
// Tests do the same with the certificate of an httptest server or a CA
// they generate; see Example_privateCA and the package tests.
package secureclient
