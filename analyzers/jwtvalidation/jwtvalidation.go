package jwtvalidation

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "jwtvalidation",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	CWE:      []int{347, 613},
	Severity: rule.High,
	Doc: &lint.RawDocumentation{
		Title: "check for JWTs accepted without full validation",
		Text: `Reports uses of github.com/golang-jwt/jwt (v4 and v5) that accept a
token whose signature or lifetime was not checked (CWE-347, improper
verification of a cryptographic signature; CWE-613, insufficient session
expiration):

- claims of \'Parser.ParseUnverified\' that are trusted: read, returned
or passed on, in a function that never verifies the token, itself or
through a function of its package that it calls. Reading only
the header (to pick a key by \'kid\') or the time claims (to schedule a
refresh) is fine;
- the \'none\' method accepted: any use of
\'jwt.UnsafeAllowNoneSignatureType\', or \'"none"\' or
\'jwt.SigningMethodNone.Alg()\' in the valid methods;
- key functions that never look at \'token.Method\' or
\'token.Header["alg"]\', passed to a parse that has no
\'jwt.WithValidMethods\' option, so that a token may choose its own
algorithm;
- v5 \'Parse\', \'ParseWithClaims\' and \'NewParser\' without
\'jwt.WithExpirationRequired()\', which accept a token with no \'exp\'
claim for ever;
- claims validation turned off with v4 \'Parser.SkipClaimsValidation\'
or \'jwt.WithoutClaimsValidation()\'.

A parser that is only used for \'ParseUnverified\' checks no claim
and is not reported for expiry. \'jwt.UnsafeAllowNoneSignatureType\'
used only as the key of \'Token.SignedString\' (directly or through a
local variable that is otherwise only type-asserted or overwritten)
mints an unsigned token and accepts none, so it is not reported. The
golang-jwt packages themselves are never examined: they do not import
themselves.

The suggested fix adds \'jwt.WithExpirationRequired()\' to a v5 parse.
Findings in tests are dropped; a tool that only decodes tokens for
display should say so with a //seclint:ignore directive and a reason.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: only golang-jwt v4 and v5 are known (not v3 or
dgrijalva/jwt-go). A key function defined in another package, held in a
variable or built by a library (a JWKS client) is assumed to check the
method. A parser in a local or unexported package variable is judged by
what it is assigned in the package; one stored in a struct field or an
exported variable, or received as a parameter, is assumed to be
configured. v4 has no option to require expiry and is not
reported for it. Options passed as a slice (\'opts...\') are assumed to
include what is needed. Key types are not followed: a key function
that returns an RSA public key or bytes according to the configured
algorithm, never the token's, is reported although golang-jwt refuses
a key of the wrong family.`,
		Before: `token, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return key, nil
})`,
		After: `token, err := jwt.Parse(s, func(t *jwt.Token) (any, error) {
	return key, nil
}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

const (
	pathV4 = "github.com/golang-jwt/jwt/v4"
	pathV5 = "github.com/golang-jwt/jwt/v5"
)

type checker struct {
	pass  *analysis.Pass
	ins   *inspector.Inspector
	decls map[*types.Func]*ast.FuncDecl
}

func run(pass *analysis.Pass) (any, error) {
	if !importsJWT(pass.Pkg) {
		return nil, nil // no golang-jwt here
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, ins: ins, decls: make(map[*types.Func]*ast.FuncDecl)}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}

	filter := []ast.Node{
		(*ast.CallExpr)(nil),
		(*ast.SelectorExpr)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.AssignStmt)(nil),
	}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			c.checkCall(n, stack)
		case *ast.SelectorExpr:
			c.checkNoneConstant(n, stack)
		case *ast.CompositeLit:
			c.checkParserLiteral(n)
		case *ast.AssignStmt:
			c.checkSkipAssign(n)
		}
		return true
	})
	return nil, nil
}

func importsJWT(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == pathV4 || imp.Path() == pathV5 {
			return true
		}
	}
	return false
}

// jwtObject returns the golang-jwt major version of obj and its name,
// qualified by the receiver type for methods ("Parser.Parse"); version
// is 0 for anything outside golang-jwt.
func jwtObject(obj types.Object) (version int, name string) {
	if obj == nil || obj.Pkg() == nil {
		return 0, ""
	}
	switch obj.Pkg().Path() {
	case pathV4:
		version = 4
	case pathV5:
		version = 5
	default:
		return 0, ""
	}
	name = obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			t := recv.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if named, ok := t.(*types.Named); ok {
				name = named.Obj().Name() + "." + name
			}
		}
	}
	return version, name
}

func (c *checker) callee(call *ast.CallExpr) (int, string) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return 0, ""
	}
	return jwtObject(fn)
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	version, name := c.callee(call)
	switch name {
	case "Parse", "ParseWithClaims":
		kf := 1
		if name == "ParseWithClaims" {
			kf = 2
		}
		if len(call.Args) <= kf {
			return // malformed call
		}
		opts := call.Args[kf+1:]
		c.checkExpiry(call, version, opts)
		if call.Ellipsis.IsValid() || c.hasOption(opts, "WithValidMethods") {
			return // the algorithm is pinned, or options are opaque
		}
		c.checkKeyfunc(call.Args[kf])
	case "NewParser":
		if c.onlyUnverified(call, stack) {
			return // a parser that verifies nothing needs no expiry option
		}
		c.checkExpiry(call, version, call.Args)
	case "Parser.Parse", "Parser.ParseWithClaims":
		kf := len(call.Args) - 1
		if kf < 1 || !c.parserUnpinned(call) {
			return // the parser's configuration is not known here
		}
		c.checkKeyfunc(call.Args[kf])
	case "Parser.ParseUnverified":
		c.checkUnverified(call, stack)
	case "WithoutClaimsValidation":
		c.pass.Reportf(call.Pos(), "jwt.WithoutClaimsValidation turns off the expiry "+
			"and not-before checks; remove it")
	case "WithValidMethods":
		if len(call.Args) == 1 {
			c.checkMethodList(call.Args[0])
		}
	}
}

// hasOption reports whether one of the parser options is a call to the
// named golang-jwt option constructor.
func (c *checker) hasOption(opts []ast.Expr, option string) bool {
	for _, o := range opts {
		call, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			continue
		}
		if v, name := c.callee(call); v != 0 && name == option {
			return true
		}
	}
	return false
}

// checkExpiry reports a v5 parse or parser that accepts tokens without an
// exp claim, and offers to add the option.
func (c *checker) checkExpiry(call *ast.CallExpr, version int, opts []ast.Expr) {
	if version != 5 || call.Ellipsis.IsValid() || c.hasOption(opts, "WithExpirationRequired") {
		return // v4 has no such option; opts... may hold it
	}
	if c.hasOption(opts, "WithoutClaimsValidation") {
		return // reported on its own
	}
	qual := "jwt"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if _, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName); ok {
				qual = id.Name
			}
		}
	}
	opt := qual + ".WithExpirationRequired()"
	pos, text := call.Rparen, opt
	if len(call.Args) > 0 {
		pos, text = call.Args[len(call.Args)-1].End(), ", "+opt
	}
	_, name := c.callee(call)
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.Fun.End(),
		Message: "jwt." + name + " accepts tokens that have no expiry; " +
			"pass jwt.WithExpirationRequired()",
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Add jwt.WithExpirationRequired()",
			TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
		}},
	})
}

// checkNoneConstant reports every use of UnsafeAllowNoneSignatureType:
// returned from a key function it makes unsigned tokens verify.
func (c *checker) checkNoneConstant(sel *ast.SelectorExpr, stack []ast.Node) {
	if _, name := jwtObject(c.pass.TypesInfo.Uses[sel.Sel]); name != "UnsafeAllowNoneSignatureType" {
		return
	}
	if c.signingKeyOnly(sel, stack) {
		return // makes an unsigned token, accepts none
	}
	c.pass.Reportf(sel.Pos(), "jwt.UnsafeAllowNoneSignatureType makes unsigned tokens "+
		"valid; use a real signing method and key")
}

// checkMethodList reports "none" among the valid signing methods.
func (c *checker) checkMethodList(list ast.Expr) {
	lit, ok := ast.Unparen(list).(*ast.CompositeLit)
	if !ok {
		return // built elsewhere
	}
	for _, elt := range lit.Elts {
		if c.isNoneMethod(elt) {
			c.pass.Reportf(elt.Pos(), "the none signing method is among the valid methods, "+
				"so unsigned tokens are accepted; remove it")
		}
	}
}

func (c *checker) isNoneMethod(e ast.Expr) bool {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil &&
		tv.Value.Kind() == constant.String {
		return strings.EqualFold(constant.StringVal(tv.Value), "none")
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	// jwt.SigningMethodNone.Alg()
	inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	_, name := jwtObject(c.pass.TypesInfo.Uses[inner.Sel])
	return name == "SigningMethodNone"
}

// checkParserLiteral looks at a v4 jwt.Parser{...} literal.
func (c *checker) checkParserLiteral(lit *ast.CompositeLit) {
	if !c.isParserType(c.pass.TypesInfo.TypeOf(lit)) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
		case key.Name == "SkipClaimsValidation" && !c.isFalse(kv.Value):
			c.pass.Reportf(kv.Pos(), "SkipClaimsValidation turns off the expiry and "+
				"not-before checks; remove it")
		case key.Name == "ValidMethods":
			c.checkMethodList(kv.Value)
		}
	}
}

// checkSkipAssign reports parser.SkipClaimsValidation = true.
func (c *checker) checkSkipAssign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "SkipClaimsValidation" || len(as.Rhs) != len(as.Lhs) {
			continue
		}
		if c.isParserType(c.pass.TypesInfo.TypeOf(sel.X)) && !c.isFalse(as.Rhs[i]) {
			c.pass.Reportf(sel.Pos(), "SkipClaimsValidation turns off the expiry and "+
				"not-before checks; remove it")
		}
	}
}

func (c *checker) isParserType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return false
	}
	v, name := jwtObject(named.Obj())
	return v != 0 && name == "Parser"
}

func (c *checker) isFalse(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool &&
		!constant.BoolVal(tv.Value)
}
