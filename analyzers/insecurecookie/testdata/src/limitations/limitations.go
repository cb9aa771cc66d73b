package limitations

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// A cookie taken from a slice is not followed.
func fromSlice(w http.ResponseWriter, tok string) {
	cookies := []*http.Cookie{{Name: "sid", Value: tok}}
	for _, c := range cookies {
		http.SetCookie(w, c) // limitation: cookies from a slice or range loop are not followed
	}
}

// Helpers are followed two calls deep only.
func inner(tok string) *http.Cookie  { return &http.Cookie{Name: "sid", Value: tok} }
func middle(tok string) *http.Cookie { return inner(tok) }
func outer(tok string) *http.Cookie  { return middle(tok) }

func deep(w http.ResponseWriter, tok string) {
	http.SetCookie(w, outer(tok)) // limitation: the literal is three helpers down
}

// A store returned to the caller is not judged, even if nobody sets
// its options.
func newStore(key []byte) *sessions.CookieStore {
	return sessions.NewCookieStore(key) // limitation: returned store not judged
}

// A neutral name and a value from a neutrally named helper.
func lookup(id int) string { return "" }

func neutral(w http.ResponseWriter, id int) {
	http.SetCookie(w, &http.Cookie{Name: "u", Value: lookup(id)}) // limitation: no name or value says it is a credential
}

// Fields stored after the cookie was sent still count.
func storedAfter(w http.ResponseWriter, tok string) {
	c := &http.Cookie{Name: "sid", Value: tok, HttpOnly: true}
	http.SetCookie(w, c)
	c.Secure = true // limitation: counted although the cookie was already sent
}

// A cookie copied from a field is not followed.
type handler struct{ base http.Cookie }

func (h *handler) send(w http.ResponseWriter, tok string) {
	c := h.base
	c.Name, c.Value = "csrf_token", tok
	http.SetCookie(w, &c) // limitation: the cookie comes from a field
}
