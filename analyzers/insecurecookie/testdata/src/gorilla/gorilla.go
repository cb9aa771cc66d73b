package gorilla

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// NewCookieStore sets Secure but not HttpOnly.
func defaultStore(key []byte) {
	store := sessions.NewCookieStore(key) // want `sessions.NewCookieStore leaves the session cookie without HttpOnly; set store.Options.HttpOnly = true`
	_ = store
}

// NewFilesystemStore sets neither.
var fsStore = sessions.NewFilesystemStore("", []byte("k")) // want `sessions.NewFilesystemStore leaves the session cookie without Secure and HttpOnly; set fsStore.Options.Secure = true and fsStore.Options.HttpOnly = true`

// Options without Secure.
func options(key []byte) {
	store := sessions.NewCookieStore(key)
	store.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true} // want `sessions.Options leave the session cookie without Secure; add Secure: true`
}

// Options with both false.
func optionsFalse(s *sessions.Session) {
	s.Options = &sessions.Options{Secure: false, HttpOnly: false} // want `sessions.Options leave the session cookie without Secure and HttpOnly; add Secure: true, HttpOnly: true`
}

// SameSite=None without Secure.
var opts = sessions.Options{HttpOnly: true, SameSite: http.SameSiteNoneMode} // want `sessions.Options leave the session cookie without Secure, which browsers require for SameSite=None; add Secure: true`

type app struct{ store *sessions.CookieStore }

// A store held in a field whose options are never changed.
func newApp(key []byte) *app {
	a := &app{}
	a.store = sessions.NewCookieStore(key) // want `sessions.NewCookieStore leaves the session cookie without HttpOnly`
	return a
}
