package testfilesflag

import (
	"net/http"
	"testing"
)

func TestLogin(t *testing.T) {
	w := http.ResponseWriter(nil)
	http.SetCookie(w, &http.Cookie{Name: "session", Value: t.Name()}) // want `session cookie "session" is set without Secure and HttpOnly`
}
