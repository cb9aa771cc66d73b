// Package sessions is a stub of github.com/gorilla/sessions v1.4.0.
package sessions

import "net/http"

type Options struct {
	Path        string
	Domain      string
	MaxAge      int
	Secure      bool
	HttpOnly    bool
	Partitioned bool
	SameSite    http.SameSite
}

type Session struct {
	ID      string
	Values  map[interface{}]interface{}
	Options *Options
	IsNew   bool
}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return nil }

type Store interface {
	Get(r *http.Request, name string) (*Session, error)
}

type CookieStore struct {
	Options *Options
}

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }

func (s *CookieStore) MaxAge(age int) {}

func NewCookieStore(keyPairs ...[]byte) *CookieStore {
	return &CookieStore{Options: &Options{Path: "/", MaxAge: 86400 * 30,
		SameSite: http.SameSiteNoneMode, Secure: true}}
}

type FilesystemStore struct {
	Options *Options
}

func (s *FilesystemStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }

func NewFilesystemStore(path string, keyPairs ...[]byte) *FilesystemStore {
	return &FilesystemStore{Options: &Options{Path: "/", MaxAge: 86400 * 30}}
}

func NewCookie(name, value string, options *Options) *http.Cookie { return nil }
