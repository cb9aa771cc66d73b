package insecurecookie

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// A state is what is known of a boolean attribute.
type state int

const (
	unset state = iota
	off         // set to the constant false
	on          // set to true, or to a value computed at run time
)

// attrs gathers the fields a cookie (or a gorilla Options) is given by
// its literal and by later assignments.
type attrs struct {
	names, values    []ast.Expr
	secure, httpOnly state
	sameSiteNone     bool
	maxAgeNeg        bool
	inLit            map[string]ast.Expr // the literal's own elements
}

func newAttrs() *attrs { return &attrs{inLit: make(map[string]ast.Expr)} }

// setter returns a function that records field = e in a.
func (a *attrs) setter(c *checker) func(field string, e ast.Expr) {
	return func(field string, e ast.Expr) { c.set(a, field, e) }
}

func (c *checker) set(a *attrs, field string, e ast.Expr) {
	info := c.pass.TypesInfo
	switch field {
	case "Name":
		a.names = append(a.names, e)
	case "Value":
		a.values = append(a.values, e)
	case "Secure":
		a.secure = max(a.secure, boolState(info, e))
	case "HttpOnly":
		a.httpOnly = max(a.httpOnly, boolState(info, e))
	case "SameSite":
		a.sameSiteNone = a.sameSiteNone || isSameSiteNone(info, e)
	case "MaxAge":
		if tv, ok := info.Types[e]; ok && tv.Value != nil && constant.Sign(tv.Value) < 0 {
			a.maxAgeNeg = true
		}
	}
}

// boolState judges a value given to Secure or HttpOnly. A value computed
// at run time (r.TLS != nil, cfg.Secure) is the program's decision and
// counts as set.
func boolState(info *types.Info, e ast.Expr) state {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return on
	}
	if constant.BoolVal(tv.Value) {
		return on
	}
	return off
}

func isSameSiteNone(info *types.Info, e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	obj := info.Uses[id]
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "net/http" &&
		obj.Name() == "SameSiteNoneMode"
}

// litFields records a keyed literal's elements; it reports false for an
// unkeyed literal.
func (c *checker) litFields(lit *ast.CompositeLit, a *attrs) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			a.inLit[key.Name] = kv.Value
			c.set(a, key.Name, kv.Value)
		}
	}
	return true
}

// fieldStores calls fn for every x.Field = e in scope whose x matches,
// and for those that a function of the package makes on its parameter
// when x is passed to it: harden(c), which sets c.Secure = true.
func (c *checker) fieldStores(scope []ast.Node, match func(ast.Expr) bool, fn func(string, ast.Expr)) {
	for _, root := range scope {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, lhs := range n.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && match(sel.X) {
						fn(sel.Sel.Name, n.Rhs[i])
					}
				}
			case *ast.CallExpr:
				c.helperStores(n, match, fn)
			}
			return true
		})
	}
}

// helperStores calls fn for the field stores that a function of the
// package makes on the parameter that call passes x (or &x) to.
func (c *checker) helperStores(call *ast.CallExpr, match func(ast.Expr) bool, fn func(string, ast.Expr)) {
	callee, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	decl := c.funcs[callee.Origin()]
	if decl == nil || c.inHelper[decl] {
		return // not of this package, or already being followed
	}
	c.inHelper[decl] = true
	defer delete(c.inHelper, decl)
	params := callee.Signature().Params()
	for i, arg := range call.Args {
		if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
			arg = u.X
		}
		if !match(arg) || i >= params.Len() || callee.Signature().Variadic() && i >= params.Len()-1 {
			continue
		}
		c.fieldStores([]ast.Node{decl.Body}, identMatcher(c.pass.TypesInfo, params.At(i)), fn)
	}
}

// identMatcher matches uses of v.
func identMatcher(info *types.Info, v types.Object) func(ast.Expr) bool {
	return func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
}

// missing lists the attributes a cookie of kind k lacks. Scripts read
// CSRF cookies to echo the token, so those need only Secure.
func (a *attrs) missing(k kind) []string {
	var m []string
	if a.secure != on {
		m = append(m, "Secure")
	}
	if k != csrfToken && a.httpOnly != on {
		m = append(m, "HttpOnly")
	}
	return m
}

// explain renders the missing attributes for a message.
func (a *attrs) explain(missing []string) string {
	s := strings.Join(missing, " and ")
	if a.sameSiteNone && missing[0] == "Secure" {
		s += ", which browsers require for SameSite=None"
	}
	return s
}

// joinTrue renders "Secure: true, HttpOnly: true".
func joinTrue(fields []string) string {
	return strings.Join(fields, ": true, ") + ": true"
}

// fix sets the missing attributes in the literal: an explicit false
// becomes true, an absent field is added. A field set to false after
// the literal is left to the author.
func (c *checker) fix(lit *ast.CompositeLit, a *attrs, missing []string) []analysis.SuggestedFix {
	var edits []analysis.TextEdit
	var add []string
	for _, f := range missing {
		if v, ok := a.inLit[f]; ok {
			edits = append(edits, analysis.TextEdit{Pos: v.Pos(), End: v.End(), NewText: []byte("true")})
			continue
		}
		if (f == "Secure" && a.secure == off) || (f == "HttpOnly" && a.httpOnly == off) {
			return nil // set to false by a later statement
		}
		add = append(add, f+": true")
	}
	if len(add) > 0 {
		edits = append(edits, c.insertElts(lit, add))
	}
	return []analysis.SuggestedFix{{
		Message:   "Set " + strings.Join(missing, " and ") + " to true",
		TextEdits: edits,
	}}
}

// insertElts adds elements at the end of a literal, one per line when
// the literal spans lines.
func (c *checker) insertElts(lit *ast.CompositeLit, elts []string) analysis.TextEdit {
	if len(lit.Elts) == 0 {
		pos := lit.Lbrace + 1
		return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(strings.Join(elts, ", "))}
	}
	last := lit.Elts[len(lit.Elts)-1]
	text := ", " + strings.Join(elts, ", ")
	if c.line(last.End()) < c.line(lit.Rbrace) {
		// gofmt indents with tabs: the element's column gives the depth.
		indent := strings.Repeat("\t", c.pass.Fset.Position(last.Pos()).Column-1)
		text = ",\n" + indent + strings.Join(elts, ",\n"+indent)
	}
	return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(text)}
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }
