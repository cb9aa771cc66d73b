// Package constval follows an expression to the constant it holds when
// the type checker alone does not know it: through conversions and
// through variables that are set once, to a constant, and never changed,
// such as perm := os.FileMode(0o644) or var key = []byte("…").
package constval

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// maxHops bounds how many variables Value follows.
const maxHops = 8

// Vars knows the variables of one package: the expression each is
// initialized with, when it has exactly one, and the ones assigned again,
// incremented, ranged into or whose address is taken anywhere in it.
type Vars struct {
	pkg     *types.Package
	info    *types.Info
	inits   map[types.Object]ast.Expr
	changed map[types.Object]bool
}

// New reads the variables of the package whose syntax in holds.
func New(pkg *types.Package, info *types.Info, in *inspector.Inspector) *Vars {
	v := &Vars{
		pkg:     pkg,
		info:    info,
		inits:   make(map[types.Object]ast.Expr),
		changed: make(map[types.Object]bool),
	}
	in.Preorder([]ast.Node{
		(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil),
	}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			v.bind(n.Names, n.Values)
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					v.change(l)
				}
				return
			}
			ids := make([]*ast.Ident, len(n.Lhs))
			for i, l := range n.Lhs {
				ids[i], _ = l.(*ast.Ident)
			}
			v.bind(ids, n.Rhs)
		case *ast.IncDecStmt:
			v.change(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				v.change(n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				v.change(n.Key)
				v.change(n.Value)
			}
		}
	})
	return v
}

// bind records names declared with values; a name declared from a tuple
// has no single value, and one that := declares again is changed.
func (v *Vars) bind(names []*ast.Ident, values []ast.Expr) {
	for i, id := range names {
		if id == nil {
			continue
		}
		obj := v.info.Defs[id]
		if obj == nil {
			if obj = v.info.Uses[id]; obj != nil {
				v.changed[obj] = true
			}
			continue
		}
		if len(values) == len(names) {
			v.inits[obj] = values[i]
		}
	}
}

func (v *Vars) change(e ast.Expr) {
	if obj := objectOf(v.info, e); obj != nil {
		v.changed[obj] = true
	}
}

// Value returns the constant that e holds and the expression where that
// constant is written (a literal, or the initializer of a named
// constant), or nil when e is not known to hold one.
func (v *Vars) Value(e ast.Expr) (constant.Value, ast.Expr) {
	return v.value(e, 0)
}

func (v *Vars) value(e ast.Expr, hops int) (constant.Value, ast.Expr) {
	e = ast.Unparen(e)
	if tv, ok := v.info.Types[e]; ok && tv.Value != nil {
		// A named constant is written where it is declared.
		if obj, ok := objectOf(v.info, e).(*types.Const); ok && hops < maxHops {
			if init := v.inits[obj]; init != nil {
				if c, at := v.value(init, hops+1); c != nil {
					return tv.Value, at
				}
			}
		}
		return tv.Value, e
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		// []byte("…"), and conversions of constants to types that
		// cannot be constant
		if tv, ok := v.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return v.value(x.Args[0], hops)
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj, ok := objectOf(v.info, x).(*types.Var)
		if !ok || obj.Pkg() != v.pkg || obj.IsField() || v.changed[obj] || hops >= maxHops {
			return nil, nil
		}
		if init := v.inits[obj]; init != nil {
			return v.value(init, hops+1)
		}
	}
	return nil, nil
}

// objectOf returns the object that an identifier or qualified name uses.
func objectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}
