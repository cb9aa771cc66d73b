package gorilla

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// HttpOnly set after the store is made.
func configured(key []byte) {
	store := sessions.NewCookieStore(key)
	store.Options.HttpOnly = true
	_ = store
}

// Options replaced by a complete literal.
func replaced(key []byte) {
	store := sessions.NewFilesystemStore("", key)
	store.Options = &sessions.Options{Path: "/", Secure: true, HttpOnly: true}
}

// Options completed after the literal.
func completed(s *sessions.Session) {
	s.Options = &sessions.Options{Path: "/"}
	s.Options.Secure = true
	s.Options.HttpOnly = true
}

// Options decided at run time.
func runtime(s *sessions.Session, r *http.Request) {
	s.Options = &sessions.Options{Secure: r.TLS != nil, HttpOnly: true}
}

// Deleting the session.
func logout(s *sessions.Session, w http.ResponseWriter, r *http.Request) {
	s.Options = &sessions.Options{MaxAge: -1}
	_ = s.Save(r, w)
}

// A package-level store configured in init.
var store = sessions.NewCookieStore([]byte("k"))

func init() {
	store.Options.HttpOnly = true
}

// A package-level options value completed in init.
var shared = &sessions.Options{Path: "/"}

func init() {
	shared.Secure, shared.HttpOnly = true, true
}

// A store returned to the caller, who may set its options.
func newStore(key []byte) *sessions.CookieStore {
	return sessions.NewCookieStore(key)
}

func newStoreVar(key []byte) *sessions.CookieStore {
	s := sessions.NewCookieStore(key)
	s.MaxAge(3600)
	return s
}

type server struct{ store *sessions.CookieStore }

// A store in a field whose options are set in another function.
func (s *server) init(key []byte) {
	s.store = sessions.NewCookieStore(key)
}

func (s *server) harden() {
	s.store.Options.HttpOnly = true
}
