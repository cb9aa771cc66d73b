package insecurecookie

import (
	"go/ast"
	"strings"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// A kind says what a cookie holds, judged by its name or value.
type kind int

const (
	unknown   kind = iota
	harmless       // a preference: theme, language, consent
	sessionID      // a session ID or another bearer credential
	csrfToken      // read by scripts, so HttpOnly is not required
)

func (k kind) String() string {
	if k == csrfToken {
		return "csrf"
	}
	return "session"
}

// sessionWords make a cookie name a session or login cookie wherever
// they stand in it: "sid", "app_session", "remember_me", "jwt".
// Credential words such as "token" are left to credname, which knows
// that "next_page_token" is a cursor.
var sessionWords = map[string]bool{
	"session": true, "sessions": true, "sess": true, "sid": true,
	"sessid": true, "sessionid": true, "phpsessid": true, "jsessionid": true,
	"auth": true, "jwt": true, "login": true, "remember": true,
	"rememberme": true, "sso": true, "oauth": true, "oidc": true,
	"saml": true,
}

// valueWords make a value a session credential: a variable, field or
// function named "sessionData", "sess.ID" or "newJWT".
var valueWords = map[string]bool{
	"session": true, "sess": true, "sid": true, "sessid": true,
	"sessionid": true, "jwt": true,
}

// harmlessWords name cookies that hold preferences, never credentials.
var harmlessWords = map[string]bool{
	"theme": true, "lang": true, "language": true, "locale": true,
	"consent": true, "preferences": true, "preference": true, "prefs": true,
	"tz": true, "timezone": true, "currency": true, "dark": true,
	"sidebar": true, "flash": true, "banner": true,
	// Where to go after logging in is no credential either.
	"redirect": true, "url": true, "hint": true, "returnto": true,
}

// nameKind judges a cookie by its name: a constant, or for a computed
// name the identifier it comes from ("sessionCookieName").
func nameKind(name string) kind {
	words := credname.Words(name)
	for _, w := range words {
		if harmlessWords[w] {
			return harmless
		}
	}
	for _, w := range words {
		if w == "csrf" || w == "xsrf" {
			return csrfToken
		}
	}
	for _, w := range words {
		if sessionWords[w] {
			return sessionID
		}
	}
	// Drop what every cookie name may say about itself so that
	// "authTokenCookie" and "tokenCookieName" end in "token".
	for len(words) > 1 && (words[len(words)-1] == "cookie" || words[len(words)-1] == "name") {
		words = words[:len(words)-1]
	}
	if credname.IsSecret(strings.Join(words, "_")) {
		return sessionID
	}
	return unknown
}

// secretIdent reports whether an identifier in a cookie's value names a
// credential or a session.
func secretIdent(name string) bool {
	if credname.IsSecret(name) {
		return true
	}
	for _, w := range credname.Words(name) {
		if valueWords[w] {
			return true
		}
	}
	return false
}

// identName returns the name an expression is known by: a variable, the
// selected field or method, or the function called.
func identName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.CallExpr:
		return identName(e.Fun)
	}
	return ""
}
