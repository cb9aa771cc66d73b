package tokeninurl

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/credname"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "tokeninurl",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/auth.go",
	CWE:       []int{598},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for credentials placed in URL query strings",
		Text: `Reports API keys, tokens and passwords put into the query string of a
URL. URLs are written to access logs, proxy logs, browser history and
Referer headers, so a credential in one is disclosed to everyone who
can read those (CWE-598, use of GET request method with sensitive query
strings). Send it in a header such as Authorization instead.

Two forms are reported:

- \'url.Values\' \'Set\' or \'Add\' (or a \'url.Values\' literal) with a
credential key, when the values become a query: they come from
\'URL.Query()\', or their \'Encode()\' is assigned to \'RawQuery\' or
appended after a "?". Values encoded into a POST body are not reported:
that is where OAuth token requests must put client secrets and
passwords;
- a URL built by concatenation or \'fmt.Sprintf\' with "?name=" or
"&name=" followed by a value, where name is a credential.

A key is a credential when its words say so: \'api_key\', \'apikey\',
\'access_token\', \'token\', \'id_token\', \'refresh_token\', \'password\',
\'client_secret\'. A bare \'key\' is reported only when the value set
is itself named as a credential (\'q.Set("key", apiKey)\',
\'"...&key=" + apiKey\', \'fmt.Sprintf("...?key=%s", apiKey)\'), since
\'key\' is as often an object key or a sort key. Pagination cursors
(\'page_token\', \'next_page_token\') are not credentials. Signed-URL
parameters (\'X-Amz-*\', \'X-Goog-*\', \'sig\', \'signature\') are
short-lived by design, as are the \'code\' and \'state\' of an OAuth
redirect, and are not reported; nor are links whose token must travel
in the URL (password reset, e-mail verification, invitations) or
WebSocket URLs, which browsers cannot give headers. A credential
parameter set to a marker such as "REDACTED" or "***" overwrites the
credential (a URL sanitized before it is shown) and is not reported.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: a base URL that already holds a "?" and is extended with
"&token=" is recognised only when its variable is named as a URL. Values
built in one function and encoded into a URL in another are not
followed.`,
		Before: `q := req.URL.Query()
q.Set("api_key", apiKey)
req.URL.RawQuery = q.Encode()`,
		After:   `req.Header.Set("Authorization", "Bearer "+apiKey)`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

type checker struct {
	pass *analysis.Pass
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass}
	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil), (*ast.CompositeLit)(nil)}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			c.checkValuesCall(n, stack)
			c.checkSprintf(n)
		case *ast.BinaryExpr:
			c.checkConcat(n, stack)
		case *ast.CompositeLit:
			c.checkValuesLiteral(n, stack)
		}
		return true
	})
	return nil, nil
}

// credentialParam reports whether a query parameter name, given the
// value expression it is set to (or nil), names a credential.
func (c *checker) credentialParam(name string, value ast.Expr) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "x-amz-") || strings.HasPrefix(lower, "x-goog-") {
		return false // a presigned URL carries its own short-lived signature
	}
	words := credname.Words(name)
	if len(words) == 0 || exemptWords(words) {
		return false
	}
	switch words[len(words)-1] {
	case "sig", "signature", "mac", "hmac":
		return false // signed URLs are built to carry these
	}
	if credname.IsSecret(name) || lower == "apikey" || lower == "access_key" {
		return true
	}
	// A bare "key" (or "auth") counts when the value is named a credential.
	return (lower == "key" || lower == "auth") && value != nil && c.namedSecret(value)
}

// exemptWords mark tokens that must travel in a link: password reset,
// e-mail verification, invitations, unsubscribe links.
func exemptWords(words []string) bool {
	for _, w := range words {
		switch w {
		case "reset", "verify", "verification", "confirm", "confirmation",
			"invite", "invitation", "activation", "activate", "unsubscribe", "magic":
			return true
		}
	}
	return false
}

func (c *checker) namedSecret(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return credname.IsSecret(e.Name)
	case *ast.SelectorExpr:
		return credname.IsSecret(e.Sel.Name)
	case *ast.CallExpr:
		if len(e.Args) == 1 {
			return c.namedSecret(e.Args[0]) // string(key), fmt.Sprint(key)
		}
	}
	return false
}

func (c *checker) report(pos token.Pos, param string) {
	c.pass.Reportf(pos, "credential placed in the URL query as %q, where logs, proxies "+
		"and Referer headers record it; send it in a request header such as Authorization",
		param)
}

// checkValuesCall reports url.Values Set or Add with a credential key on
// values that become a URL query.
func (c *checker) checkValuesCall(call *ast.CallExpr, stack []ast.Node) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || len(call.Args) != 2 {
		return
	}
	if name := fn.FullName(); name != "(net/url.Values).Set" && name != "(net/url.Values).Add" {
		return
	}
	key, ok := c.stringConst(call.Args[0])
	if !ok || !c.credentialParam(key, call.Args[1]) || c.isMask(call.Args[1]) {
		return
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if c.becomesQuery(sel.X, stack) {
		c.report(call.Pos(), key)
	}
}

// checkValuesLiteral reports url.Values{"token": {t}} that becomes a
// query.
func (c *checker) checkValuesLiteral(lit *ast.CompositeLit, stack []ast.Node) {
	if !isValues(c.pass.TypesInfo.TypeOf(lit)) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := c.stringConst(kv.Key)
		var value ast.Expr
		if vals, isLit := kv.Value.(*ast.CompositeLit); isLit && len(vals.Elts) == 1 {
			value = vals.Elts[0]
		}
		if ok && c.credentialParam(key, value) && !c.isMask(value) && c.literalBecomesQuery(lit, stack) {
			c.report(kv.Pos(), key)
		}
	}
}

func isValues(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "net/url" &&
		named.Obj().Name() == "Values"
}

func (c *checker) stringConst(e ast.Expr) (string, bool) {
	return code.ExprToString(c.pass, e)
}

// maskRE matches constant values that stand in for a credential: a
// word such as REDACTED or hidden, or a run of mask characters.
var maskRE = regexp.MustCompile(`^(?:[A-Za-z_<>\[\]() -]*|[*x.#-]+)$`)

// isMask reports whether e is a constant that holds no credential, so
// that setting it overwrites one: q.Set("client_secret", "REDACTED") in
// code that sanitizes a URL before it is logged. A constant that could
// be a key is still reported (and is also a hardcoded secret).
func (c *checker) isMask(e ast.Expr) bool {
	if e == nil {
		return false
	}
	v, ok := c.stringConst(e)
	return ok && maskRE.MatchString(v)
}

// paramRE finds "?name=" and "&name=" in URL text; the name is group 2.
var paramRE = regexp.MustCompile(`([?&])([A-Za-z0-9_.\-]+)=`)

// checkSprintf reports fmt.Sprintf("...?token=%s", ...).
func (c *checker) checkSprintf(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.FullName() != "fmt.Sprintf" || len(call.Args) < 2 {
		return
	}
	format, ok := c.stringConst(call.Args[0])
	if !ok || isWebSocket(format) {
		return
	}
	for _, m := range paramRE.FindAllStringSubmatchIndex(format, -1) {
		sep, name := format[m[2]:m[3]], format[m[4]:m[5]]
		rest := format[m[1]:]
		if !strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "%%") {
			continue // a fixed value, not a credential passed in
		}
		var value ast.Expr // the argument the verb formats, when known
		if i := 1 + verbs(format[:m[1]]); i < len(call.Args) {
			value = call.Args[i]
		}
		inURL := sep == "?" || strings.Contains(format[:m[0]], "?") ||
			(strings.HasPrefix(format, "%s") && c.urlNamed(call.Args[1]))
		if inURL && c.credentialParam(name, value) && !exemptPath(format[:m[0]]) {
			c.report(call.Pos(), name)
		}
	}
}

// verbs counts the formatting verbs in format, each of which takes an
// argument: "%%" prints a percent sign, and "%[2]s" or "%*d" make the
// count a guess that may name the wrong argument, which only weakens the
// check of a bare "key".
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}

// isWebSocket reports whether a URL is a WebSocket URL, which browsers
// cannot send with an Authorization header.
func isWebSocket(s string) bool {
	return strings.HasPrefix(s, "ws://") || strings.HasPrefix(s, "wss://")
}

// exemptPath reports whether URL text before a parameter is a link that
// must carry its token: /reset-password, /verify-email, /invite.
func exemptPath(s string) bool {
	return exemptWords(credname.Words(s))
}

// urlNamed reports whether e is a variable or field named as a URL.
func (c *checker) urlNamed(e ast.Expr) bool {
	var name string
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	default:
		return false
	}
	for _, w := range credname.Words(name) {
		switch w {
		case "url", "uri", "endpoint", "link", "href":
			return true
		}
	}
	return false
}
