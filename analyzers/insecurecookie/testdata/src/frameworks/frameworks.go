package frameworks

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
)

func echoV5(c *echov5.Context, tok string) {
	c.SetCookie(&http.Cookie{Name: "sid", Value: tok, Secure: true}) // want `session cookie "sid" is set without HttpOnly`
	c.SetCookie(&http.Cookie{Name: "sid", Value: tok, Secure: true, HttpOnly: true})
}

func echoLogin(c echo.Context, tok string) {
	c.SetCookie(&http.Cookie{Name: "session", Value: tok, HttpOnly: true}) // want `session cookie "session" is set without Secure; add Secure: true`
}

func echoClean(c echo.Context, tok string) {
	c.SetCookie(&http.Cookie{Name: "session", Value: tok, HttpOnly: true, Secure: true})
	c.SetCookie(&http.Cookie{Name: "lang", Value: tok})
}

func ginLogin(c *gin.Context, token string) {
	c.SetCookie("token", token, 3600, "/", "", false, true) // want `session cookie "token" is set without Secure; pass true for secure`
	c.SetCookie("jwt", token, 3600, "/", "", false, false)  // want `session cookie "jwt" is set without Secure and HttpOnly; pass true for secure and httpOnly`
}

func ginClean(c *gin.Context, token string, secure bool) {
	c.SetCookie("token", token, 3600, "/", "", true, true)
	c.SetCookie("token", token, 3600, "/", "", secure, true)
	c.SetCookie("token", "", -1, "/", "", false, true)
	c.SetCookie("theme", token, 3600, "/", "", false, false)
}
