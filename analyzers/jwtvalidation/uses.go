package jwtvalidation

import (
	"go/ast"
	"go/types"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// This file finds values whose every use is harmless for the checks of
// jwtvalidation.go: a parser that only decodes, a none key that only
// signs.

// onlyUnverified reports whether the parser made by call is only used
// for ParseUnverified, as in jwt.NewParser().ParseUnverified(s, c) or
// through a local variable. ParseUnverified checks no claim, so an
// option that requires expiry would change nothing; whether its claims
// are trusted is reported on its own.
func (c *checker) onlyUnverified(call *ast.CallExpr, stack []ast.Node) bool {
	return c.usedOnlyAs(call, stack, func(parent ast.Node, e ast.Expr) bool {
		sel, ok := parent.(*ast.SelectorExpr)
		return ok && sel.X == e && sel.Sel.Name == "ParseUnverified"
	})
}

// signingKeyOnly reports whether the none constant at sel is only the
// key of a Token.SignedString or a SigningMethod.Sign, directly or
// through a local variable that is also type-asserted or assigned. With
// that key the code mints an unsigned token; accepting one needs the
// constant in a key function, which is reported.
func (c *checker) signingKeyOnly(sel *ast.SelectorExpr, stack []ast.Node) bool {
	return c.usedOnlyAs(sel, stack, func(parent ast.Node, e ast.Expr) bool {
		switch p := parent.(type) {
		case *ast.TypeAssertExpr:
			return true // key.([]byte) reads the key, it does not use it
		case *ast.CallExpr:
			_, name := c.callee(p)
			switch name {
			case "Token.SignedString", "signingMethodNone.Sign":
				return len(p.Args) > 0 && p.Args[len(p.Args)-1] == e
			}
		}
		return false
	})
}

// usedOnlyAs reports whether the value of e, which stack leads to, is
// used only in ways that ok accepts: either in place, or through the
// local variable that e is assigned or declared with, whose every
// reading use ok must accept.
func (c *checker) usedOnlyAs(e ast.Expr, stack []ast.Node, ok func(parent ast.Node, e ast.Expr) bool) bool {
	if len(stack) < 2 {
		return false
	}
	parent := stack[len(stack)-2]
	if ok(parent, e) {
		return true
	}
	v := c.assignedVar(parent, e)
	if v == nil {
		return false // returned, passed on or stored elsewhere
	}
	body := astutil.EnclosingBody(stack)
	if body == nil {
		return false
	}
	parents := astutil.ParentMap(body)
	for n, p := range parents {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || c.pass.TypesInfo.Uses[id] != v {
			continue
		}
		if as, isAssign := p.(*ast.AssignStmt); isAssign && isLHS(as, id) {
			continue // overwritten, not read
		}
		if !ok(p, id) {
			return false
		}
	}
	return true
}

// assignedVar returns the local variable that parent assigns e to.
func (c *checker) assignedVar(parent ast.Node, e ast.Expr) *types.Var {
	var id *ast.Ident
	switch p := parent.(type) {
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == e && len(p.Lhs) == len(p.Rhs) {
				id, _ = p.Lhs[i].(*ast.Ident)
			}
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == e && i < len(p.Names) {
				id = p.Names[i]
			}
		}
	}
	if id == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a package variable may be read anywhere
	}
	return v
}

func isLHS(as *ast.AssignStmt, id *ast.Ident) bool {
	for _, l := range as.Lhs {
		if l == id {
			return true
		}
	}
	return false
}
