package insecurecookie

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// checkOptions reports a gorilla sessions.Options literal that leaves
// the session cookie without Secure or HttpOnly, counting the fields
// assigned later to the variable or field it is stored in.
func (c *checker) checkOptions(cur inspector.Cursor, lit *ast.CompositeLit) {
	a := newAttrs()
	if !c.litFields(lit, a) {
		return // an unkeyed literal
	}
	if lhs := bindingOf(cur); lhs != nil {
		scope, match := c.holderScope(cur, lhs)
		c.fieldStores(scope, match, a.setter(c))
	}
	if a.maxAgeNeg {
		return // deletes the session cookie
	}
	missing := a.missing(sessionID)
	if len(missing) == 0 {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: lit.Pos(),
		End: lit.End(),
		Message: fmt.Sprintf("sessions.Options leave the session cookie without %s; add %s",
			a.explain(missing), joinTrue(missing)),
		SuggestedFixes: c.fix(lit, a, missing),
	})
}

// holderScope returns where the fields of what lhs holds may be
// assigned, and a matcher for lhs there: the function for a local
// variable or an expression such as session.Options, the package for a
// package-level variable.
func (c *checker) holderScope(cur inspector.Cursor, lhs ast.Expr) ([]ast.Node, func(ast.Expr) bool) {
	if id, ok := lhs.(*ast.Ident); ok {
		obj := c.pass.TypesInfo.ObjectOf(id)
		if obj != nil && obj.Parent() == c.pass.Pkg.Scope() {
			return c.files(), identMatcher(c.pass.TypesInfo, obj)
		}
		return []ast.Node{astutil.OutermostBody(cur)}, identMatcher(c.pass.TypesInfo, obj)
	}
	key := types.ExprString(lhs)
	return []ast.Node{astutil.OutermostBody(cur)}, func(x ast.Expr) bool { return types.ExprString(x) == key }
}

func (c *checker) files() []ast.Node {
	nodes := make([]ast.Node, len(c.pass.Files))
	for i, f := range c.pass.Files {
		nodes[i] = f
	}
	return nodes
}

// bindingOf returns the variable or field that the expression at cur,
// or its address, is assigned to.
func bindingOf(cur inspector.Cursor) ast.Expr {
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur, parent = parent, parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && len(p.Lhs) == len(p.Rhs) {
				return ast.Unparen(p.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == cur.Node() && len(p.Names) == len(p.Values) {
				return p.Names[i]
			}
		}
	}
	return nil
}

// checkStore reports a gorilla store whose options keep the defaults
// of NewCookieStore (Secure since v1.3.0, never HttpOnly) or
// NewFilesystemStore (neither).
func (c *checker) checkStore(cur inspector.Cursor, call *ast.CallExpr, name string) {
	lhs := bindingOf(cur)
	if lhs == nil {
		return // returned or passed on: its options may be set there
	}
	scope, match := c.storeScope(cur, lhs)
	if match == nil {
		return
	}
	a := newAttrs()
	if name == "NewCookieStore" {
		a.secure = on
	}
	replaced := false
	c.fieldStores(scope, match, func(field string, _ ast.Expr) {
		replaced = replaced || field == "Options" // judged as a literal, if one
	})
	isOptions := func(x ast.Expr) bool {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Options" && match(sel.X)
	}
	c.fieldStores(scope, isOptions, a.setter(c))
	missing := a.missing(sessionID)
	if replaced || len(missing) == 0 {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("sessions.%s leaves the session cookie without %s; set %s.Options.%s = true",
			name, strings.Join(missing, " and "), types.ExprString(lhs),
			strings.Join(missing, " = true and "+types.ExprString(lhs)+".Options.")),
	})
}

// storeScope returns where a store's options may be changed and a
// matcher for the store there; no matcher when the store escapes.
func (c *checker) storeScope(cur inspector.Cursor, lhs ast.Expr) ([]ast.Node, func(ast.Expr) bool) {
	info := c.pass.TypesInfo
	switch lhs := lhs.(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(lhs).(*types.Var)
		if !ok {
			return nil, nil
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			return c.files(), identMatcher(info, v)
		}
		body := astutil.OutermostBody(cur)
		if body == nil || c.escapes(body, v) {
			return nil, nil
		}
		return []ast.Node{body}, identMatcher(info, v)
	case *ast.SelectorExpr:
		sel := info.Selections[lhs]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil, nil
		}
		field := sel.Obj()
		return c.files(), func(x ast.Expr) bool {
			s, ok := ast.Unparen(x).(*ast.SelectorExpr)
			return ok && info.Selections[s] != nil && info.Selections[s].Obj() == field
		}
	}
	return nil, nil
}

// escapes reports whether the local store v leaves body other than as
// the argument of a library call: returned, stored, or handed to a
// function of the package that may set its options.
func (c *checker) escapes(body *ast.BlockStmt, v *types.Var) bool {
	is := identMatcher(c.pass.TypesInfo, v)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var exprs []ast.Expr
		switch n := n.(type) {
		case *ast.ReturnStmt:
			exprs = n.Results
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if len(n.Lhs) != len(n.Rhs) || !isBlank(n.Lhs[i]) {
					exprs = append(exprs, rhs)
				}
			}
		case *ast.KeyValueExpr:
			exprs = []ast.Expr{n.Value}
		case *ast.CompositeLit:
			exprs = n.Elts
		case *ast.CallExpr:
			if fn, ok := c.pass.TypesInfo.Uses[calleeIdent(n)].(*types.Func); ok && c.funcs[fn] != nil {
				exprs = n.Args
			}
		}
		for _, e := range exprs {
			found = found || is(e)
		}
		return !found
	})
	return found
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// checkGin reports gin's Context.SetCookie(name, value, maxAge, path,
// domain, secure, httpOnly) for a sensitive cookie with secure or
// httpOnly false.
func (c *checker) checkGin(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 7 {
		return
	}
	a := newAttrs()
	for i, field := range []string{"Name", "Value", "MaxAge", 5: "Secure", 6: "HttpOnly"} {
		if field != "" {
			c.set(a, field, call.Args[i])
		}
	}
	k, missing := c.problems(a, astutil.OutermostBody(cur))
	if len(missing) == 0 {
		return
	}
	var edits []analysis.TextEdit
	for _, f := range missing {
		arg := call.Args[5]
		if f == "HttpOnly" {
			arg = call.Args[6]
		}
		edits = append(edits, analysis.TextEdit{Pos: arg.Pos(), End: arg.End(), NewText: []byte("true")})
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s cookie %sis set without %s; pass true for %s", k, c.describe(a),
			a.explain(missing), ginParams(missing)),
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Pass true for " + ginParams(missing),
			TextEdits: edits,
		}},
	})
}

// ginParams names gin's parameters for the missing attributes.
func ginParams(missing []string) string {
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = strings.ToLower(m[:1]) + m[1:] // secure, httpOnly
	}
	return strings.Join(names, " and ")
}
