// Package gin is a stub of github.com/gin-gonic/gin.
package gin

import "net/http"

type Context struct {
	Writer http.ResponseWriter
}

func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

func (c *Context) Cookie(name string) (string, error) { return "", nil }
