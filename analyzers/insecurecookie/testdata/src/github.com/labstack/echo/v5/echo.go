// Package echo is a stub of github.com/labstack/echo/v5.
package echo

import "net/http"

type Context struct{}

func (c *Context) SetCookie(cookie *http.Cookie) {}
