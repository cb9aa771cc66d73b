package limitations

import (
	"bytes"
	"net/http"
)

type Store struct{ current string }

// lookup returns a secret under a neutral name.
func (s *Store) lookup() string { return s.current }

// The secret comes from a method and a field whose names do not say
// so: the analysis judges by names and local flow only.
func neutralName(s *Store, r *http.Request) bool {
	return r.FormValue("user") == s.lookup() // limitation: secret behind a neutral name not recognised
}

// A secret compared with a literal is a pasted secret, left to the
// hardcodedsecret rule.
func literal(r *http.Request) bool {
	return r.Header.Get("X-Api-Key") == "k-1234567890" // limitation: comparison with a literal not reported
}

// Two secrets neither of which an attacker controls are still
// reported: the rule cannot tell who supplies an operand.
func ownToken(current func() string, token string) string {
	if token == current() { // want `secret token compared with ==`
		return "/self"
	}
	return ""
}

// A token in the lexical sense, a word of a header list, is judged by
// its name like a credential.
func hasToken(v, token string) bool {
	return v == token // want `secret token compared with ==`
}

type hello struct{ sessionId []byte }

// A TLS session ID travels in clear, and a public-key signature is
// public, but their names are a credential's.
func echoed(sent, got *hello, sig, r []byte) bool {
	return bytes.Equal(sent.sessionId, got.sessionId) || // want `secret sent.sessionId compared with bytes.Equal`
		bytes.Equal(sig[:32], r) // want `secret sig\[:32\] compared with bytes.Equal`
}

func bearerToken(r *http.Request) string { return r.Header.Get("Authorization") }

// Two tokens that both come from the request are reported, although the
// client chose both and the timing tells it nothing.
func repeated(r *http.Request) bool {
	return r.PostFormValue("token") == bearerToken(r) // want `secret r.PostFormValue\("token"\) compared with ==`
}
