package a

import (
	"net/http"
	"time"
)

type user struct{ SessionID, Name string }

func newSessionID() string { return "x" }

// A literal sent directly, without either attribute.
func login(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Path: "/"}) // want `session cookie "sid" is set without Secure and HttpOnly; add Secure: true, HttpOnly: true`
}

// Secure: false is as good as missing.
func explicitFalse(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "auth_token", Value: tok, Secure: false, HttpOnly: true}) // want `session cookie "auth_token" is set without Secure; add Secure: true`
}

// HttpOnly alone is missing.
func noHTTPOnly(w http.ResponseWriter, tok string) {
	c := &http.Cookie{Name: "jwt", Value: tok, Secure: true} // want `session cookie "jwt" is set without HttpOnly; add HttpOnly: true`
	http.SetCookie(w, c)
}

// A value literal sent by address, completed by later assignments that
// do not set Secure.
func valueLit(w http.ResponseWriter, u *user) {
	c := http.Cookie{Name: "app_session"} // want `session cookie "app_session" is set without Secure; add Secure: true`
	c.Value = u.SessionID
	c.HttpOnly = true
	http.SetCookie(w, &c)
}

// The name says nothing; the value is a session ID.
func byValue(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "u", Value: newSessionID(), HttpOnly: true}) // want `session cookie "u" is set without Secure`
}

// SameSite=None needs Secure.
func sameSiteNone(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "remember_me", Value: tok, HttpOnly: true, SameSite: http.SameSiteNoneMode}) // want `session cookie "remember_me" is set without Secure, which browsers require for SameSite=None; add Secure: true`
}

// A CSRF cookie needs Secure, not HttpOnly.
func csrf(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "XSRF-TOKEN", Value: tok, Path: "/"}) // want `csrf cookie "XSRF-TOKEN" is set without Secure; add Secure: true`
}

// A Set-Cookie header written by hand.
func header(w http.ResponseWriter, tok string) {
	c := http.Cookie{Name: "access_token", Value: tok, Expires: time.Now().Add(time.Hour)} // want `session cookie "access_token" is set without Secure and HttpOnly`
	w.Header().Add("Set-Cookie", c.String())
}

// A cookie built by new and completed field by field.
func newCookie(w http.ResponseWriter, tok string) {
	c := new(http.Cookie) // want `session cookie "session" is set without Secure and HttpOnly`
	c.Name = "session"
	c.Value = tok
	w.Header().Set("set-cookie", c.String())
}

// A zero-valued variable.
func zeroVar(w http.ResponseWriter, tok string) {
	var c http.Cookie // want `session cookie "login" is set without HttpOnly`
	c.Name, c.Value, c.Secure = "login", tok, true
	http.SetCookie(w, &c)
}

// A helper of the package builds the cookie.
func sessionCookie(value string) *http.Cookie {
	return &http.Cookie{Name: "sessionid", Value: value, HttpOnly: true} // want `session cookie "sessionid" is set without Secure`
}

func viaHelper(w http.ResponseWriter, v string) {
	http.SetCookie(w, sessionCookie(v))
}

// A computed name that says what it holds.
type server struct{ authCookieName string }

func (s *server) computedName(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: s.authCookieName, Value: v}) // want `session cookie s.authCookieName is set without Secure and HttpOnly`
}

// A cookie sent from a closure.
func closure(tok string) http.HandlerFunc {
	c := &http.Cookie{Name: "token", Value: tok} // want `session cookie "token" is set without Secure and HttpOnly`
	return func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, c)
	}
}

// One finding per cookie, however many times it is sent.
func twice(w http.ResponseWriter, tok string) {
	c := &http.Cookie{Name: "sid", Value: tok} // want `session cookie "sid" is set without Secure and HttpOnly`
	http.SetCookie(w, c)
	http.SetCookie(w, c)
}

// A helper that sets something else leaves the flags unset.
func label(c *http.Cookie) { c.Path = "/" }

func labelledLogin(w http.ResponseWriter, sessionID string) {
	c := &http.Cookie{Name: "session_id", Value: sessionID} // want `session cookie "session_id" is set without Secure and HttpOnly`
	label(c)
	http.SetCookie(w, c)
}
