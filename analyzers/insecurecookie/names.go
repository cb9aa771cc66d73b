package insecurecookie

import (
	"go/ast"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// A kind says what a cookie holds, judged by its name or value.
type kind = credname.CookieKind

const (
	unknown   = credname.CookieUnknown
	harmless  = credname.CookieHarmless
	sessionID = credname.CookieSession
	csrfToken = credname.CookieCSRF
)

// nameKind judges a cookie by its name: a constant, or for a computed
// name the identifier it comes from ("sessionCookieName").
func nameKind(name string) kind { return credname.CookieNameKind(name) }

// valueWords make a value a session credential: a variable, field or
// function named "sessionData", "sess.ID" or "newJWT".
var valueWords = map[string]bool{
	"session": true, "sess": true, "sid": true, "sessid": true,
	"sessionid": true, "jwt": true,
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
