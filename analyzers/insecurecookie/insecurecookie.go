package insecurecookie

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/astutil"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "insecurecookie",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	CWE:      []int{614, 1004, 1275},
	Severity: rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for session cookies without Secure or HttpOnly",
		Text: `Reports session and authentication cookies that are set without the
Secure or the HttpOnly attribute. Without Secure the browser also sends
the cookie over plain HTTP, where anyone on the path can read it and
take over the session (CWE-614). Without HttpOnly any script on the
page, an injected one included, can read the cookie and send it away
(CWE-1004). A cookie with \'SameSite: http.SameSiteNoneMode\' and no
Secure is rejected by browsers, so the message says so (CWE-1275).

A cookie is checked when an \'http.Cookie\' built in the package, as a
literal or as a variable whose fields are assigned, reaches
\'http.SetCookie\', a \'Set-Cookie\' header added or set to
\'cookie.String()\', or echo's (v4 and v5) \'Context.SetCookie\', directly, through
local variables or through a helper of the package that returns it.
gin's \'Context.SetCookie\' is checked by its secure and httpOnly
arguments. The cookie is sensitive when its name says it holds a
session, a login or a credential ("sid", "session_id", "auth_token",
"jwt", "remember_me"), or, for a name that says nothing, when its value
comes from a credential- or session-named variable, field or call. CSRF
cookies ("csrf_token", "XSRF-TOKEN") need Secure but not HttpOnly, since
scripts read them to echo the token.

Fields assigned after the literal in the same function count, so
\'c.Secure = true\' before the cookie is sent is enough, and so do those
a function of the package assigns on the cookie it is passed
(\'harden(c)\'). A Secure or
HttpOnly given by a value computed at run time (\'Secure: r.TLS != nil\',
\'Secure: cfg.Secure\') is taken as set. Not reported are preference
cookies (theme, lang, locale, consent, tz), cookies whose value is
empty or a constant, deleting cookies (\'MaxAge < 0\', or an
\'Expires\' in the past with a constant value), cookies read from a
request, cookies sent by a client (\'Request.AddCookie\', cookie jars)
and files that import net/http/httptest.

For github.com/gorilla/sessions, \'sessions.Options\' literals without
Secure or HttpOnly (or with either false) are reported unless MaxAge is
negative, and so are stores whose options are never changed: since
v1.3.0 \'NewCookieStore\' sets Secure but not HttpOnly, and
\'NewFilesystemStore\' sets neither. The \'sessions.Options\' of
github.com/gin-contrib/sessions, which are copied into gorilla's, are
checked the same way.

The suggested fix adds \'Secure: true\' and \'HttpOnly: true\' to the
literal, or turns an explicit false into true.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: a cookie built in another package, received as a
parameter, copied from a field, or taken from a slice or a range loop
is not followed, and helpers are followed two calls deep. A gorilla store that is returned or
stored elsewhere is not judged, since its options may be set there. A
missing SameSite attribute is not reported: browsers treat it as Lax.
Field stores are counted wherever they are in the function, even after
the cookie was sent.`,
		Before: `http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Path: "/"})`,
		After: `http.SetCookie(w, &http.Cookie{
	Name:     "sid",
	Value:    id,
	Path:     "/",
	Secure:   true,
	HttpOnly: true,
})`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// Import paths of the third-party APIs checked.
const (
	sessionsPath = "github.com/gorilla/sessions"
	ginSessions  = "github.com/gin-contrib/sessions" // wraps gorilla's options
	echoPath     = "github.com/labstack/echo/v4"
	echoV5       = "github.com/labstack/echo/v5"
	ginPath      = "github.com/gin-gonic/gin"
)

// cookieSinks send an *http.Cookie to the browser: the index of the
// cookie argument.
var cookieSinks = map[string]int{
	"net/http.SetCookie":                   1,
	"(" + echoPath + ".Context).SetCookie": 0,
	"(*" + echoV5 + ".Context).SetCookie":  0,
}

type checker struct {
	pass     *analysis.Pass
	funcs    map[*types.Func]*ast.FuncDecl
	inHelper map[*ast.FuncDecl]bool // helpers whose stores are being read
	skip     map[*ast.File]bool     // files that test HTTP handlers
	builds   map[token.Pos]*build
	order    []*build
}

func run(pass *analysis.Pass) (any, error) {
	if !importsAny(pass.Pkg, "net/http", sessionsPath, ginSessions) {
		return nil, nil // neither cookies nor sessions here
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:     pass,
		funcs:    make(map[*types.Func]*ast.FuncDecl),
		inHelper: make(map[*ast.FuncDecl]bool),
		skip:     make(map[*ast.File]bool),
		builds:   make(map[token.Pos]*build),
	}
	c.index()

	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	for file := range ins.Root().Children() {
		if c.skip[file.Node().(*ast.File)] {
			continue
		}
		for cur := range file.Preorder(filter...) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.checkCall(cur, n)
			case *ast.CompositeLit:
				if t := pass.TypesInfo.TypeOf(n); isNamed(t, sessionsPath, "Options") ||
					isNamed(t, ginSessions, "Options") {
					c.checkOptions(cur, n)
				}
			}
		}
	}

	for _, b := range c.order {
		c.judge(b)
	}
	return nil, nil
}

func importsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

// index records the package's function declarations, so that helpers
// returning a cookie can be followed, and the files to skip.
func (c *checker) index() {
	for _, f := range c.pass.Files {
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "net/http/httptest" {
				c.skip[f] = true // handler tests and their helpers
			}
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				c.funcs[fn] = fd
			}
		}
	}
}

func (c *checker) checkCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	name := fn.FullName()
	if i, ok := cookieSinks[name]; ok && i < len(call.Args) {
		c.sink(cur, call.Args[i])
		return
	}
	switch name {
	case "(net/http.Header).Add", "(net/http.Header).Set":
		if len(call.Args) == 2 && strings.EqualFold(c.constString(call.Args[0]), "Set-Cookie") {
			if x := cookieString(c.pass, call.Args[1]); x != nil {
				c.sink(cur, x)
			}
		}
	case "(*" + ginPath + ".Context).SetCookie":
		c.checkGin(cur, call)
	case sessionsPath + ".NewCookieStore", sessionsPath + ".NewFilesystemStore":
		c.checkStore(cur, call, fn.Name())
	}
}

// cookieString returns c in c.String() for an *http.Cookie c.
func cookieString(pass *analysis.Pass, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.FullName() != "(*net/http.Cookie).String" {
		return nil
	}
	return call.Fun.(*ast.SelectorExpr).X
}

// A build is one cookie made in the package: a literal, a new() or a
// zero-valued variable, with the variables that hold it.
type build struct {
	pos  token.Pos
	lit  *ast.CompositeLit // nil unless built by a literal
	body *ast.BlockStmt    // the function it is built in
	vars []holder
}

// A holder is a variable that holds a cookie in a function, where its
// fields may be assigned.
type holder struct {
	v    *types.Var
	body *ast.BlockStmt
}

// sink records the cookies that e, sent to the browser at cur, may be.
func (c *checker) sink(cur inspector.Cursor, e ast.Expr) {
	for _, b := range c.resolve(e, astutil.OutermostBody(cur), 0) {
		old, ok := c.builds[b.pos]
		if !ok {
			c.builds[b.pos] = b
			c.order = append(c.order, b)
			continue
		}
		old.vars = append(old.vars, b.vars...)
	}
}

// resolve returns the cookies built in the package that e, a cookie
// expression in body, may be. Helpers are followed up to two calls deep.
func (c *checker) resolve(e ast.Expr, body *ast.BlockStmt, depth int) []*build {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.resolve(e.X, body, depth)
		}
	case *ast.CompositeLit:
		if isCookie(info.TypeOf(e)) {
			return []*build{{pos: e.Pos(), lit: e, body: body}}
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || body == nil || v.Parent() == c.pass.Pkg.Scope() {
			return nil // a package-level cookie is not followed
		}
		return c.resolveVar(v, body, depth)
	case *ast.CallExpr:
		return c.resolveCall(e, depth)
	}
	return nil
}

// resolveVar follows a local variable to what it is assigned.
func (c *checker) resolveVar(v *types.Var, body *ast.BlockStmt, depth int) []*build {
	var out []*build
	for _, def := range definitions(c.pass.TypesInfo, body, v) {
		var bs []*build
		switch {
		case def == nil:
			bs = []*build{{pos: v.Pos(), body: body}} // var c http.Cookie
		case isNewCookie(c.pass.TypesInfo, def):
			bs = []*build{{pos: def.Pos(), body: body}}
		default:
			bs = c.resolve(def, body, depth)
		}
		for _, b := range bs {
			b.vars = append(b.vars, holder{v, body})
		}
		out = append(out, bs...)
	}
	return out
}

// resolveCall follows a helper of the package to the cookies it returns.
func (c *checker) resolveCall(call *ast.CallExpr, depth int) []*build {
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil || depth >= 2 {
		return nil
	}
	decl := c.funcs[fn]
	if decl == nil {
		return nil // declared elsewhere: r.Cookie, a library
	}
	res := fn.Signature().Results()
	idx := -1
	for i := range res.Len() {
		if isCookie(res.At(i).Type()) {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var out []*build
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not the helper's
		case *ast.ReturnStmt:
			if len(n.Results) == res.Len() {
				out = append(out, c.resolve(n.Results[idx], decl.Body, depth+1)...)
			}
		}
		return true
	})
	return out
}

// definitions returns what body assigns to v; nil stands for a
// declaration without a value of a cookie (not pointer) type.
func definitions(info *types.Info, body *ast.BlockStmt, v *types.Var) []ast.Expr {
	var defs []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || info.ObjectOf(id) != v {
					continue
				}
				switch {
				case len(n.Lhs) == len(n.Rhs):
					defs = append(defs, n.Rhs[i])
				case len(n.Rhs) == 1:
					defs = append(defs, n.Rhs[0]) // c, err := helper()
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				switch {
				case i < len(n.Values) && len(n.Values) == len(n.Names):
					defs = append(defs, n.Values[i])
				case len(n.Values) == 0 && isNamed(v.Type(), "net/http", "Cookie"):
					defs = append(defs, nil)
				}
			}
		}
		return true
	})
	return defs
}

// isNewCookie reports whether e is new(http.Cookie).
func isNewCookie(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, builtin := info.Uses[id].(*types.Builtin)
	return builtin && id.Name == "new" && isCookie(info.TypeOf(call))
}

// isCookie reports whether t is net/http.Cookie or a pointer to it.
func isCookie(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return isNamed(t, "net/http", "Cookie")
}

// isNamed reports whether t (or what it points to) is path.name.
func isNamed(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == path && obj.Name() == name
}

// judge reports a sensitive cookie that lacks Secure or HttpOnly.
func (c *checker) judge(b *build) {
	a := newAttrs()
	if b.lit != nil && !c.litFields(b.lit, a) {
		return // an unkeyed literal
	}
	for _, h := range b.vars {
		c.fieldStores([]ast.Node{h.body}, identMatcher(c.pass.TypesInfo, h.v), a.setter(c))
	}
	k, missing := c.problems(a, b.body)
	if len(missing) == 0 {
		return
	}

	d := analysis.Diagnostic{
		Pos: b.pos,
		Message: fmt.Sprintf("%s cookie %sis set without %s; add %s", k, c.describe(a),
			a.explain(missing), joinTrue(missing)),
	}
	if b.lit != nil {
		d.End = b.lit.End()
		d.SuggestedFixes = c.fix(b.lit, a, missing)
	}
	c.pass.Report(d)
}

// problems returns what a cookie holds and the attributes it lacks;
// nothing for cookies that are not sensitive or that delete themselves.
func (c *checker) problems(a *attrs, body *ast.BlockStmt) (kind, []string) {
	if a.maxAgeNeg || c.constValue(a) {
		return unknown, nil // deletes the cookie, or holds no credential
	}
	k := c.cookieKind(a, body)
	if k != sessionID && k != csrfToken {
		return k, nil
	}
	return k, a.missing(k)
}

// constValue reports whether every value the cookie is given is a
// constant, or it is given none. This covers cookies that are cleared
// with an empty value and an Expires in the past.
func (c *checker) constValue(a *attrs) bool {
	for _, v := range a.values {
		if tv, ok := c.pass.TypesInfo.Types[v]; !ok || tv.Value == nil {
			return false
		}
	}
	return true
}

// describe renders a cookie's name for a message, followed by a space.
func (c *checker) describe(a *attrs) string {
	if len(a.names) == 0 {
		return ""
	}
	if s, ok := c.constStringOK(a.names[0]); ok {
		return strconv.Quote(s) + " "
	}
	s := types.ExprString(a.names[0])
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s + " "
}

// cookieKind judges a cookie by its name, or by its value when the name
// says nothing.
func (c *checker) cookieKind(a *attrs, body *ast.BlockStmt) kind {
	k := unknown
	for _, n := range a.names {
		name, ok := c.constStringOK(n)
		if !ok {
			name = identName(n)
		}
		if nk := nameKind(name); nk > k {
			k = nk
		}
	}
	if k != unknown {
		return k
	}
	for _, v := range a.values {
		if c.secretValue(v, body, 0) {
			return sessionID
		}
	}
	return unknown
}

// secretValue reports whether a value is, or is made from, a variable,
// field or call named for a credential or a session. Local variables
// are followed to what they are assigned.
func (c *checker) secretValue(e ast.Expr, body *ast.BlockStmt, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		if secretIdent(id.Name) {
			found = true
			return false
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if ok && body != nil && depth < 2 && !v.IsField() && v.Parent() != c.pass.Pkg.Scope() {
			for _, def := range definitions(c.pass.TypesInfo, body, v) {
				if def != nil && c.secretValue(def, body, depth+1) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func (c *checker) constString(e ast.Expr) string {
	s, _ := c.constStringOK(e)
	return s
}

func (c *checker) constStringOK(e ast.Expr) (string, bool) {
	return code.ExprToString(c.pass, e)
}
