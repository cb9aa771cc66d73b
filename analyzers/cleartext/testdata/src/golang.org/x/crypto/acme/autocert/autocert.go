// Package autocert is a stub of golang.org/x/crypto/acme/autocert.
package autocert

import "net/http"

type Manager struct{}

func (m *Manager) HTTPHandler(fallback http.Handler) http.Handler { return fallback }
