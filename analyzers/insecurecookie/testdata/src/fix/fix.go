package fix

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
)

func singleLine(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Path: "/"}) // want `session cookie "sid" is set without Secure and HttpOnly`
}

func multiLine(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{ // want `session cookie "auth_token" is set without Secure and HttpOnly`
		Name:    "auth_token",
		Value:   tok,
		Path:    "/",
		Expires: time.Now().Add(24 * time.Hour),
	})
}

func explicitFalse(w http.ResponseWriter, tok string) {
	c := &http.Cookie{ // want `session cookie "session" is set without Secure`
		Name:     "session",
		Value:    tok,
		Secure:   false,
		HttpOnly: true,
	}
	http.SetCookie(w, c)
}

func options(s *sessions.Session) {
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600} // want `sessions.Options leave the session cookie without Secure and HttpOnly`
}

func ginCookie(c *gin.Context, token string) {
	c.SetCookie("token", token, 3600, "/", "", false, false) // want `session cookie "token" is set without Secure and HttpOnly`
}

// Set to false after the literal: reported without a fix.
func laterFalse(w http.ResponseWriter, tok string) {
	c := &http.Cookie{Name: "jwt", Value: tok, HttpOnly: true} // want `session cookie "jwt" is set without Secure`
	c.Secure = false
	http.SetCookie(w, c)
}
