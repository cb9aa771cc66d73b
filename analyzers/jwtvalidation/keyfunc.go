package jwtvalidation

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// maxDepth bounds how far checksMethod follows the token into helpers.
const maxDepth = 3

// checkKeyfunc reports a key function that never looks at the signing
// method, when the parse does not pin the method itself.
func (c *checker) checkKeyfunc(e ast.Expr) {
	body, param, ok := c.keyfuncBody(e)
	if !ok {
		return // defined elsewhere: assume it checks
	}
	if c.checksMethod(body, param, 0) {
		return
	}
	c.pass.Reportf(e.Pos(), "key function does not check the token's signing method, so "+
		"the token chooses its algorithm; compare token.Method with the expected one "+
		"or pass jwt.WithValidMethods")
}

// keyfuncBody returns the body and token parameter of a key function
// written in this package, looking through a jwt.Keyfunc conversion.
func (c *checker) keyfuncBody(e ast.Expr) (*ast.BlockStmt, types.Object, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	switch e := e.(type) {
	case *ast.FuncLit:
		ftype, body = e.Type, e.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
		decl := c.decls[fn]
		if !ok || decl == nil {
			return nil, nil, false
		}
		ftype, body = decl.Type, decl.Body
	default:
		return nil, nil, false
	}
	return body, c.firstParam(ftype), true
}

func (c *checker) firstParam(ft *ast.FuncType) types.Object {
	if ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return nil // unnamed: the function cannot look at the token
	}
	return c.pass.TypesInfo.Defs[ft.Params.List[0].Names[0]]
}

// checksMethod reports whether body inspects the signing method: reads
// token.Method or token.Header["alg"], or hands the token to a function
// that does (or that this package cannot see into).
func (c *checker) checksMethod(body *ast.BlockStmt, param types.Object, depth int) bool {
	if param == nil {
		return false // an unnamed parameter cannot be inspected
	}
	if depth > maxDepth {
		return true // too deep to follow; assume it checks
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			found = n.Sel.Name == "Method" && c.isToken(n.X)
		case *ast.IndexExpr:
			found = c.isAlgHeader(n)
		case *ast.CallExpr:
			found = c.passesToken(n, param, depth)
		}
		return !found
	})
	return found
}

func (c *checker) isToken(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return false
	}
	v, name := jwtObject(named.Obj())
	return v != 0 && name == "Token"
}

// isAlgHeader matches token.Header["alg"].
func (c *checker) isAlgHeader(ix *ast.IndexExpr) bool {
	sel, ok := ast.Unparen(ix.X).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" || !c.isToken(sel.X) {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[ix.Index]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
		constant.StringVal(tv.Value) == "alg"
}

// passesToken reports whether call hands the token to a function that
// checks the method, or to one whose body is out of sight.
func (c *checker) passesToken(call *ast.CallExpr, param types.Object, depth int) bool {
	idx := -1
	for i, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == param {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || c.decls[fn] == nil {
		return true // a key set, a wrapped Keyfunc: assume it checks
	}
	decl := c.decls[fn]
	var params []types.Object
	for _, f := range decl.Type.Params.List {
		for _, n := range f.Names {
			params = append(params, c.pass.TypesInfo.Defs[n])
		}
	}
	if idx >= len(params) {
		return true // variadic; not followed
	}
	return c.checksMethod(decl.Body, params[idx], depth+1)
}

// parserUnpinned reports whether the parser that call is made on is
// known, here, to have no list of valid methods.
func (c *checker) parserUnpinned(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	return c.parserExprUnpinned(sel.X, 0)
}

func (c *checker) parserExprUnpinned(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return c.parserExprUnpinned(e.X, depth+1)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "ValidMethods" {
					return false
				}
			}
		}
		return true
	case *ast.CallExpr:
		if _, name := c.callee(e); name != "NewParser" || e.Ellipsis.IsValid() {
			return false
		}
		return !c.hasOption(e.Args, "WithValidMethods")
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		return c.varUnpinned(v, depth)
	}
	return false
}

// varUnpinned looks at what a parser variable is assigned: a local one
// in its file, an unexported package one in the whole package. Any
// assignment to its ValidMethods field pins it.
func (c *checker) varUnpinned(v *types.Var, depth int) bool {
	global := v.Parent() == v.Pkg().Scope()
	if v.Parent() == nil || global && v.Exported() {
		return false // other packages may configure it
	}
	var values []ast.Expr
	pinned := false
	for _, f := range c.pass.Files {
		if !global && (f.FileStart > v.Pos() || v.Pos() > f.FileEnd) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if c.refersTo(l, v) && len(n.Rhs) == len(n.Lhs) {
						values = append(values, n.Rhs[i])
					}
					if sel, ok := l.(*ast.SelectorExpr); ok && c.refersTo(sel.X, v) {
						pinned = pinned || sel.Sel.Name == "ValidMethods"
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if c.pass.TypesInfo.Defs[name] == v && i < len(n.Values) {
						values = append(values, n.Values[i])
					}
				}
			}
			return true
		})
	}
	if pinned || len(values) == 0 {
		return false
	}
	for _, val := range values {
		if !c.parserExprUnpinned(val, depth+1) {
			return false
		}
	}
	return true
}

func (c *checker) refersTo(e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && (c.pass.TypesInfo.Uses[id] == v || c.pass.TypesInfo.Defs[id] == v)
}
