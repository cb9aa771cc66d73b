package jwtvalidation

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// safeSelectors may be read from an unverified token or its claims: the
// header fields that pick a key, and the time claims that schedule a
// refresh. Nothing here grants access.
var safeSelectors = map[string]bool{
	"Header": true, "Raw": true, "Method": true, "Signature": true,
	"ExpiresAt": true, "IssuedAt": true, "NotBefore": true,
	"GetExpirationTime": true, "GetIssuedAt": true, "GetNotBefore": true,
	"VerifyExpiresAt": true, "VerifyIssuedAt": true, "VerifyNotBefore": true,
}

// safeKeys are the same for map claims and headers.
var safeKeys = map[string]bool{
	"exp": true, "iat": true, "nbf": true, "kid": true, "alg": true, "typ": true,
}

// unverified follows the token and claims of one ParseUnverified call
// through the function that makes it.
type unverified struct {
	c       *checker
	call    *ast.CallExpr
	parents map[ast.Node]ast.Node
	tracked map[types.Object]bool
	queue   []types.Object
}

// checkUnverified reports a ParseUnverified call whose claims are
// trusted: used in any way other than reading the header or time claims,
// in a function that does not verify the token as well.
func (c *checker) checkUnverified(call *ast.CallExpr, stack []ast.Node) {
	body := astutil.EnclosingBody(stack)
	if body == nil || c.verifies(body) {
		return // package-level, or the token is verified after a kid lookup
	}
	u := &unverified{
		c:       c,
		call:    call,
		parents: astutil.ParentMap(body),
		tracked: make(map[types.Object]bool),
	}
	if u.trusted() {
		c.pass.Reportf(call.Pos(), "claims from ParseUnverified are used although the "+
			"signature was never checked; parse the token with a key function instead")
	}
}

func (u *unverified) trusted() bool {
	switch p := u.parents[u.call].(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) > 0 {
			u.track(p.Lhs[0]) // the token
		}
	case *ast.ValueSpec:
		if len(p.Names) > 0 {
			u.track(p.Names[0])
		}
	default:
		return true // returned or passed on as is
	}
	if len(u.call.Args) == 2 {
		arg := ast.Unparen(u.call.Args[1])
		if un, ok := arg.(*ast.UnaryExpr); ok {
			arg = ast.Unparen(un.X)
		}
		u.track(arg) // the claims the caller passed in
	}
	for len(u.queue) > 0 {
		obj := u.queue[0]
		u.queue = u.queue[1:]
		if u.usedUnsafely(obj) {
			return true
		}
	}
	return false
}

func (u *unverified) track(e ast.Expr) {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	obj := u.c.pass.TypesInfo.ObjectOf(id)
	if obj != nil && !u.tracked[obj] {
		u.tracked[obj] = true
		u.queue = append(u.queue, obj)
	}
}

// usedUnsafely reports whether any use of obj trusts the claims.
func (u *unverified) usedUnsafely(obj types.Object) bool {
	bad := false
	for n := range u.parents {
		id, ok := n.(*ast.Ident)
		if ok && u.c.pass.TypesInfo.Uses[id] == obj && u.use(id) {
			bad = true
		}
	}
	return bad
}

// use classifies one occurrence of a tracked value: false when it is
// harmless or only moves the value into another tracked variable.
func (u *unverified) use(e ast.Expr) bool {
	switch p := u.parents[e].(type) {
	case *ast.ParenExpr, *ast.TypeAssertExpr, *ast.StarExpr:
		return u.use(p.(ast.Expr))
	case *ast.SelectorExpr:
		if p.Sel.Name == "Claims" {
			return u.use(p)
		}
		return !safeSelectors[p.Sel.Name]
	case *ast.IndexExpr:
		tv, ok := u.c.pass.TypesInfo.Types[p.Index]
		return !ok || tv.Value == nil || tv.Value.Kind() != constant.String ||
			!safeKeys[constant.StringVal(tv.Value)]
	case *ast.UnaryExpr:
		return u.parents[p] != u.call // &claims passed to ParseUnverified
	case *ast.CallExpr:
		return p != u.call
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r != e {
				continue
			}
			if len(p.Lhs) == len(p.Rhs) {
				u.track(p.Lhs[i])
			} else if len(p.Rhs) == 1 {
				u.track(p.Lhs[0]) // claims, ok := tok.Claims.(T)
			}
		}
		return false // assigned to, or moved into a tracked variable
	}
	return true
}

// verifies reports whether body also parses a token with verification.
func (c *checker) verifies(body *ast.BlockStmt) bool {
	return c.verifiesIn(body, 0)
}

// maxVerifyDepth bounds how deep verifiesIn follows the package's own
// functions: verifyWithKey(s, key) after a kid lookup, and what it calls.
const maxVerifyDepth = 3

// verifiesIn reports whether body parses a token with a key function,
// itself or through a function of this package that it calls.
func (c *checker) verifiesIn(body *ast.BlockStmt, depth int) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			switch _, name := c.callee(call); name {
			case "Parse", "ParseWithClaims", "Parser.Parse", "Parser.ParseWithClaims":
				found = true
			default:
				fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
				if ok && depth < maxVerifyDepth {
					if decl := c.decls[fn.Origin()]; decl != nil && decl.Body != nil && decl.Body != body {
						found = c.verifiesIn(decl.Body, depth+1)
					}
				}
			}
		}
		return !found
	})
	return found
}
