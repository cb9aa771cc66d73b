package hardcodedsecret

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// names returns the names a value is bound to, nearest first: the
// variable, field, map key or parameter it is assigned or passed to, the
// key argument before it (Header.Set("Authorization", v),
// cmp.Or(os.Getenv("TOKEN"), v)), the function that returns it.
//
// The first strong names are given by the code around the value; the
// others are the parameter and function a call passes it to, names
// written for every caller (hasToken(h, token string) looks for a
// word in a header list).
func (c *checker) names(cur inspector.Cursor) (names []string, strong int) {
	cur = c.climb(cur)
	parent := cur.Parent()
	kind, idx := cur.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ValueSpec:
		if kind == edge.ValueSpec_Values && idx < len(p.Names) {
			return []string{p.Names[idx].Name}, 1
		}
	case *ast.AssignStmt:
		if kind == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
			return all(c.exprNames(p.Lhs[idx]))
		}
	case *ast.KeyValueExpr:
		if kind == edge.KeyValueExpr_Value {
			return all(c.exprNames(p.Key))
		}
	case *ast.CallExpr:
		if kind == edge.CallExpr_Args {
			return c.argNames(p, idx)
		}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			other := p.X
			if kind == edge.BinaryExpr_X {
				other = p.Y
			}
			return all(c.exprNames(other)) // if password == "…"
		}
	case *ast.ReturnStmt:
		for fn := range parent.Enclosing((*ast.FuncDecl)(nil)) {
			return []string{fn.Node().(*ast.FuncDecl).Name.Name}, 1
		}
	}
	return nil, 0
}

// all marks every name as strong.
func all(names []string) ([]string, int) { return names, len(names) }

// climb moves from a value up through the expressions that keep it what
// it is: parentheses, conversions ([]byte("…")), concatenations with
// run-time strings, and elements of slice and array literals.
func (c *checker) climb(cur inspector.Cursor) inspector.Cursor {
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.CallExpr:
			if !c.isConversion(p) {
				return cur
			}
		case *ast.BinaryExpr:
			if p.Op != token.ADD {
				return cur
			}
		case *ast.CompositeLit:
			if !c.isList(p) {
				return cur // a struct literal's unkeyed field
			}
		default:
			return cur
		}
		cur = parent
	}
}

func (c *checker) isConversion(call *ast.CallExpr) bool {
	tv, ok := c.pass.TypesInfo.Types[call.Fun]
	return ok && tv.IsType()
}

func (c *checker) isList(lit *ast.CompositeLit) bool {
	switch c.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

// exprNames names the place a value goes to: x, s.Field, m["key"].
func (c *checker) exprNames(e ast.Expr) []string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return []string{e.Name}
	case *ast.SelectorExpr:
		return []string{e.Sel.Name}
	case *ast.StarExpr:
		return c.exprNames(e.X)
	case *ast.IndexExpr:
		if key, ok := c.constString(e.Index); ok {
			return []string{key}
		}
		return c.exprNames(e.X)
	case *ast.BasicLit:
		if key, ok := c.constString(e); ok {
			return []string{key} // a map literal's key
		}
	}
	return nil
}

// argNames names the idx'th argument of call: the constant key argument
// just before it, or the variable read by os.Getenv there (strong); the
// parameter's name; and, for the last argument, the function's name
// (SetPassword).
func (c *checker) argNames(call *ast.CallExpr, idx int) (names []string, strong int) {
	if idx > 0 {
		prev := ast.Unparen(call.Args[idx-1])
		if key, ok := c.constString(prev); ok {
			if keyLike.MatchString(key) {
				names = append(names, key)
			}
		} else if inner, ok := prev.(*ast.CallExpr); ok && c.isGetenv(inner) && len(inner.Args) == 1 {
			if key, ok := c.constString(inner.Args[0]); ok {
				names = append(names, key)
			}
		}
	}
	strong = len(names)
	if sig, ok := c.pass.TypesInfo.TypeOf(call.Fun).(*types.Signature); ok {
		params := sig.Params()
		i := idx
		if sig.Variadic() && i >= params.Len()-1 {
			i = params.Len() - 1
		}
		if i >= 0 && i < params.Len() {
			names = append(names, params.At(i).Name())
		}
	}
	if idx == len(call.Args)-1 {
		if fn := typeutil.Callee(c.pass.TypesInfo, call); fn != nil {
			names = append(names, fn.Name())
		}
	}
	return names, strong
}

// keyLike matches the constant arguments that name the value after
// them: header, environment and field names such as X-Api-Key or
// db.password. Two values of a list (rename pairs such as
// "syntax.Pos->token.Pos") name nothing.
var keyLike = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

func (c *checker) isGetenv(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	name := fn.FullName()
	return name == "os.Getenv" || name == "os.LookupEnv" || name == "syscall.Getenv"
}

// fixable reports whether the value e may be replaced by a call to
// os.Getenv: it is a string, not a constant declaration's value, and not
// a map literal's key.
func (c *checker) fixable(cur inspector.Cursor, e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	if t != types.Typ[types.String] && t != types.Typ[types.UntypedString] {
		return false // a named string type, where a string is not assignable
	}
	if cur.ParentEdgeKind() == edge.KeyValueExpr_Key {
		return false
	}
	for decl := range cur.Enclosing((*ast.GenDecl)(nil)) {
		return decl.Node().(*ast.GenDecl).Tok != token.CONST
	}
	return true
}
