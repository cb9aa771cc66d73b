// Package handlertest holds helpers for handler tests, which send
// cookies to a recorder.
package handlertest

import (
	"net/http"
	"net/http/httptest"
)

func LoggedIn(tok string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	http.SetCookie(rec, &http.Cookie{Name: "session", Value: tok})
	return rec
}
