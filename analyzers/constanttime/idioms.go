package constanttime

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// derivedFrom reports whether x is computed from y alone: y itself
// transformed (path.Clean(tok)), or a local variable every assignment of
// which is. Comparing a value with a function of itself tells whether
// the function changed it, and nothing an attacker could not compute.
func (c *checker) derivedFrom(x, y ast.Expr, depth int) bool {
	d := &derivation{target: types.ExprString(ast.Unparen(y)), visiting: make(map[*types.Var]bool)}
	if id, ok := ast.Unparen(y).(*ast.Ident); ok {
		d.targetObj = c.pass.TypesInfo.ObjectOf(id)
	}
	ok, grounded := c.derived(d, ast.Unparen(x), depth)
	return ok && grounded
}

// A derivation follows one operand back to the other, the target.
type derivation struct {
	target    string
	targetObj types.Object        // the target's object, when it is a name
	visiting  map[*types.Var]bool // variables being followed
}

// derived reports whether e is computed from the target and from
// variables being followed only (ok), and whether it reaches the target
// itself (grounded). A variable being followed stands for itself: in
// p = path.Join(dir, p), p is as derived as it was.
func (c *checker) derived(d *derivation, e ast.Expr, depth int) (ok, grounded bool) {
	if depth > maxDepth {
		return false, false
	}
	if id, isID := e.(*ast.Ident); isID {
		return c.derivedVar(d, id, depth)
	}
	ok = true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c.isTarget(d, n) {
				grounded = true
				return true
			}
			v := c.localVar(n)
			if v == nil || len(c.origins[v]) == 0 {
				return true // a function, package or parameter: no data followed
			}
			vok, vgrounded := c.derivedVar(d, n, depth+1)
			ok = ok && vok
			grounded = grounded || vgrounded
		case ast.Expr:
			if d.targetObj == nil && types.ExprString(n) == d.target {
				grounded = true
				return false
			}
		}
		return true
	})
	return ok, grounded
}

// derivedVar judges the local variable id by every value assigned to it.
func (c *checker) derivedVar(d *derivation, id *ast.Ident, depth int) (ok, grounded bool) {
	if c.isTarget(d, id) {
		return true, true
	}
	v := c.localVar(id)
	if v == nil || len(c.origins[v]) == 0 {
		return false, false // a parameter or global: not followed
	}
	if d.visiting[v] {
		return true, false // stands for itself
	}
	d.visiting[v] = true
	defer delete(d.visiting, v)
	for _, o := range c.origins[v] {
		if o.index != 0 {
			return false, false // one result of a call that returns several
		}
		ook, og := c.derived(d, ast.Unparen(o.expr), depth+1)
		if !ook {
			return false, false
		}
		grounded = grounded || og
	}
	return true, grounded
}

func (c *checker) isTarget(d *derivation, id *ast.Ident) bool {
	return d.targetObj != nil && c.pass.TypesInfo.ObjectOf(id) == d.targetObj
}

func (c *checker) localVar(id *ast.Ident) *types.Var {
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// terminalReads read a password typed at the local terminal.
var terminalReads = map[string]bool{
	"golang.org/x/term.ReadPassword":                            true,
	"(*golang.org/x/term.Terminal).ReadPassword":                true,
	"golang.org/x/crypto/ssh/terminal.ReadPassword":             true,
	"(*golang.org/x/crypto/ssh/terminal.Terminal).ReadPassword": true,
}

// fromTerminal reports whether e is, or is converted from, a password
// read at the terminal, directly or through a local variable. Two such
// values are the local user's own typing twice: nobody remote times it.
func (c *checker) fromTerminal(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() {
			return len(e.Args) == 1 && c.fromTerminal(e.Args[0], depth+1)
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		return ok && terminalReads[fn.FullName()]
	case *ast.Ident:
		v := c.localVar(e)
		if v == nil {
			return false
		}
		for _, o := range c.origins[v] {
			if c.fromTerminal(o.expr, depth+1) {
				return true
			}
		}
	}
	return false
}

// isFixedBytes reports whether e is bytes written in the source: a
// slice or array literal of constants, a conversion of a constant
// string, or a local variable only ever assigned those. Like a literal
// string, such a value is public, and an expected result in a
// known-answer test is compared with it.
func (c *checker) isFixedBytes(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if tv, ok := c.pass.TypesInfo.Types[elt]; !ok || tv.Value == nil {
				return false // an element computed at run time
			}
		}
		return isStringLike(c.pass.TypesInfo.TypeOf(e)) || isByteSlice(c.pass.TypesInfo.TypeOf(e))
	case *ast.CallExpr:
		tv, ok := c.pass.TypesInfo.Types[e.Fun]
		if !ok || !tv.IsType() || len(e.Args) != 1 {
			return false
		}
		arg, ok := c.pass.TypesInfo.Types[e.Args[0]]
		return ok && arg.Value != nil // []byte("…")
	case *ast.Ident:
		v := c.localVar(e)
		if v == nil {
			return false
		}
		if val, ok := c.fixedGlobal(v); ok {
			// Unless it is a hardcoded secret, which comparing leaks.
			return !credname.IsSecret(e.Name) || len(val) < minSecretLen || nameLike.MatchString(val)
		}
		if len(c.origins[v]) == 0 {
			return false
		}
		for _, o := range c.origins[v] {
			if o.index != 0 || !c.isFixedBytes(o.expr, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// fixedGlobal returns the bytes of v if it is an unexported package-level
// variable of this package, declared with bytes written in the source and
// never changed: a file format's magic number, a protocol's preamble.
// Being unexported, it can change nowhere else.
func (c *checker) fixedGlobal(v *types.Var) (string, bool) {
	if v.Pkg() != c.pass.Pkg || v.Parent() != v.Pkg().Scope() || v.Exported() {
		return "", false
	}
	if c.globals == nil {
		c.scanGlobals()
	}
	init, ok := c.globals[v]
	if !ok || c.changed[v] {
		return "", false
	}
	return c.fixedValue(init)
}

// fixedValue returns the bytes of a slice or array literal of constant
// bytes or of a conversion of a constant string to bytes.
func (c *checker) fixedValue(e ast.Expr) (string, bool) {
	if !isByteSlice(c.pass.TypesInfo.TypeOf(e)) && !isByteArray(c.pass.TypesInfo.TypeOf(e)) {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var b []byte
		for _, elt := range e.Elts {
			tv, ok := c.pass.TypesInfo.Types[elt]
			if _, keyed := elt.(*ast.KeyValueExpr); keyed || !ok || tv.Value == nil {
				return "", false
			}
			n, ok := constant.Uint64Val(constant.ToInt(tv.Value))
			if !ok {
				return "", false
			}
			b = append(b, byte(n))
		}
		return string(b), true
	case *ast.CallExpr:
		if len(e.Args) != 1 {
			return "", false
		}
		if tv, ok := c.pass.TypesInfo.Types[e.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
	}
	return "", false
}

// scanGlobals records the initial values of the package's variables and
// which of them the package changes: assigns, increments, takes the
// address of, copies into or reads into.
func (c *checker) scanGlobals() {
	c.globals = make(map[*types.Var]ast.Expr)
	c.changed = make(map[*types.Var]bool)
	for _, f := range c.pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok && len(vs.Values) == len(vs.Names) {
						c.globals[v] = vs.Values[i]
					}
				}
			}
		}
	}
	change := func(e ast.Expr) {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.SliceExpr:
				e = x.X
				continue
			case *ast.Ident:
				if v, ok := c.pass.TypesInfo.ObjectOf(x).(*types.Var); ok {
					c.changed[v] = true
				}
			}
			return
		}
	}
	ins := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				change(l)
			}
		case *ast.IncDecStmt:
			change(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				change(n.X)
			}
		case *ast.CallExpr:
			if writesArg(c.pass.TypesInfo, n) && len(n.Args) > 0 {
				change(n.Args[len(n.Args)-1])
				change(n.Args[0])
			}
		}
	})
}

// writesArg reports whether call may write into a byte slice it is
// given: copy, or a function or method that reads into a buffer.
func writesArg(info *types.Info, call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "copy"
	case *types.Func:
		return strings.HasPrefix(fn.Name(), "Read") || strings.HasPrefix(fn.Name(), "Fill") ||
			strings.HasPrefix(fn.Name(), "Decode") || strings.HasPrefix(fn.Name(), "Unmarshal")
	case nil:
		return true // a call through a function value: anything goes
	}
	return false
}

func isByteArray(t types.Type) bool {
	a, ok := types.Unalias(t).Underlying().(*types.Array)
	if !ok {
		return false
	}
	b, ok := a.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func isByteSlice(t types.Type) bool {
	s, ok := types.Unalias(t).Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}
