// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Context interface {
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	Response() http.ResponseWriter
}
