package clean

import (
	"net/http"
	"time"
)

type config struct{ Secure bool }

// Both attributes set.
func both(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Secure: true, HttpOnly: true})
}

// Set after the literal, before the cookie is sent.
func later(w http.ResponseWriter, id string) {
	c := &http.Cookie{Name: "session", Value: id}
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)
}

// Secure decided at run time.
func computed(w http.ResponseWriter, r *http.Request, cfg config, id string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Secure: r.TLS != nil, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, Secure: cfg.Secure, HttpOnly: true})
}

// Set under a condition.
func conditional(w http.ResponseWriter, r *http.Request, id string) {
	c := &http.Cookie{Name: "sid", Value: id, HttpOnly: true}
	if r.TLS != nil {
		c.Secure = true
	}
	http.SetCookie(w, c)
}

// Preferences are not credentials, even with a variable value.
func prefs(w http.ResponseWriter, theme, lang, tz string) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme})
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang})
	http.SetCookie(w, &http.Cookie{Name: "locale", Value: lang})
	http.SetCookie(w, &http.Cookie{Name: "cookie_consent", Value: theme})
	http.SetCookie(w, &http.Cookie{Name: "tz", Value: tz})
	http.SetCookie(w, &http.Cookie{Name: "user_preferences", Value: theme})
}

// A name and value that say nothing.
func neutral(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "visited", Value: v})
	http.SetCookie(w, &http.Cookie{Name: "next_page_token", Value: v})
}

// Deleting cookies.
func logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Expires: time.Unix(0, 0)})
	http.SetCookie(w, &http.Cookie{Name: "auth_token", Path: "/", Expires: time.Unix(0, 0)})
	http.SetCookie(w, &http.Cookie{Name: "jwt", Value: "deleted", Expires: time.Unix(0, 0)})
}

// A session cookie with a computed value that is deleted all the same.
func logoutMaxAge(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: v, MaxAge: -1})
}

// A constant value is no credential.
func flag(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "logged_in", Value: "1"})
}

// A cookie read from the request and sent back.
func refresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	c.Expires = time.Now().Add(time.Hour)
	http.SetCookie(w, c)
}

// Client side: cookies sent with a request and held in a jar.
func client(req *http.Request, jar http.CookieJar, tok string) {
	req.AddCookie(&http.Cookie{Name: "session", Value: tok})
	jar.SetCookies(req.URL, []*http.Cookie{{Name: "sid", Value: tok}})
}

// A CSRF cookie that scripts read: Secure is enough.
func csrf(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: tok, Secure: true})
}

// A cookie received as a parameter was built by the caller.
func send(w http.ResponseWriter, c *http.Cookie) {
	http.SetCookie(w, c)
}

// A cookie that is built but never sent.
func unsent(tok string) *http.Cookie {
	c := &http.Cookie{Name: "sid", Value: tok}
	_ = c
	return nil
}

// Other headers than Set-Cookie.
func otherHeader(w http.ResponseWriter, tok string) {
	c := &http.Cookie{Name: "sid", Value: tok}
	w.Header().Add("X-Debug", c.String())
}

// Where to return after login is not a credential.
func redirect(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "login_redirect", Value: r.URL.String()})
}

// A helper of the package that sets the flags on the cookie it is given.
func harden(c *http.Cookie) {
	c.Secure = true
	c.HttpOnly = true
}

func hardenedLogin(w http.ResponseWriter, sessionID string) {
	c := &http.Cookie{Name: "session_id", Value: sessionID, Path: "/"}
	harden(c)
	http.SetCookie(w, c)
}

// A helper that calls itself must not be followed for ever.
func hardenAll(cs []*http.Cookie) {
	if len(cs) == 0 {
		return
	}
	harden(cs[0])
	hardenAll(cs[1:])
}
