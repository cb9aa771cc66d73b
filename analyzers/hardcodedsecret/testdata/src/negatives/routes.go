package negatives

// Routes, metric names, header names and labels that mention tokens.
type mux struct{}

func (mux) HandleFunc(pattern string, h func()) {}

type header map[string]string

func (h header) Set(key, value string) { h[key] = value }

func counter(name, help string) {}

func routes(m mux, h header, tok string) {
	m.HandleFunc("/api/v1/token/refresh", nil)
	m.HandleFunc("/oauth2/token", nil)
	m.HandleFunc("POST /users/{id}/password", nil)
	counter("auth_token_refresh_total", "Number of token refreshes.")
	counter("password_reset_requests_total", "Password resets requested.")
	h.Set("X-Api-Key", tok)
	h.Set("X-Auth-Token", tok)
}

const (
	tokenRoute     = "/oauth/token"
	apiKeyHeader   = "X-Api-Key"
	passwordLabel  = "Password:"
	secretKeyField = "secret_key"
	tokenMetric    = "http_client_token_cache_hits"
	credentialType = "service_account"
)
