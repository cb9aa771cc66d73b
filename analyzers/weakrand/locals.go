package weakrand

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Local variables that SSA lifts to registers lose their names, so the
// assignments to credential-named locals are found in the syntax and
// their right-hand sides matched to SSA values by position.

type assign struct {
	id  *ast.Ident
	rhs ast.Expr
}

type exprs struct {
	f       *flow
	byPos   map[token.Pos][]ssa.Value
	origins map[types.Object][]ast.Expr // every local's assigned expressions
	assigns []assign                    // to credential-named locals
}

func newExprs(f *flow, body *ast.BlockStmt) *exprs {
	e := &exprs{
		f:       f,
		byPos:   make(map[token.Pos][]ssa.Value),
		origins: make(map[types.Object][]ast.Expr),
	}
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok && v.Pos().IsValid() {
				e.byPos[v.Pos()] = append(e.byPos[v.Pos()], v)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a function of its own
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE || n.Tok == token.ASSIGN {
				e.record(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			e.record(lhs, n.Values)
		}
		return true
	})
	return e
}

func (e *exprs) record(lhs, rhs []ast.Expr) {
	info := e.f.c.pass.TypesInfo
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
			continue // a field or a package variable: seen in SSA
		}
		var r ast.Expr
		switch {
		case len(lhs) == len(rhs):
			r = rhs[i]
		case len(rhs) == 1:
			r = rhs[0] // token, err := generate()
		default:
			continue
		}
		e.origins[v] = append(e.origins[v], r)
		if isCredential(id.Name) {
			e.assigns = append(e.assigns, assign{id, r})
		}
	}
}

// label is the label of an expression: of the SSA values built for it,
// or, for a local variable, of what is assigned to it.
func (e *exprs) label(x ast.Expr, depth int) label {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		var l label
		if depth > 3 {
			return l
		}
		for _, r := range e.origins[e.f.c.pass.TypesInfo.ObjectOf(id)] {
			l = l.join(e.label(r, depth+1))
		}
		return l
	}
	var l label
	for _, v := range e.byPos[exprPos(x)] {
		l = l.join(e.f.get(v))
	}
	return l
}

// exprPos is the position SSA gives the value of an expression.
func exprPos(x ast.Expr) token.Pos {
	switch x := x.(type) {
	case *ast.CallExpr:
		return x.Lparen
	case *ast.BinaryExpr:
		return x.OpPos
	case *ast.UnaryExpr:
		return x.OpPos
	case *ast.StarExpr:
		return x.Star
	case *ast.IndexExpr:
		return x.Lbrack
	case *ast.SliceExpr:
		return x.Lbrack
	case *ast.SelectorExpr:
		return x.Sel.Pos()
	case *ast.CompositeLit:
		return x.Lbrace
	case *ast.TypeAssertExpr:
		return x.Lparen
	}
	return token.NoPos
}
