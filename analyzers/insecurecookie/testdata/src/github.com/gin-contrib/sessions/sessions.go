// Package sessions is a stub of github.com/gin-contrib/sessions.
package sessions

import "net/http"

type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite http.SameSite
}

type Store interface {
	Options(Options)
}
