package tokeninurl

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// checkConcat reports "...?token=" + t: a credential parameter whose
// value is appended to URL text.
func (c *checker) checkConcat(b *ast.BinaryExpr, stack []ast.Node) {
	if b.Op != token.ADD || len(stack) < 2 {
		return
	}
	if p, ok := stack[len(stack)-2].(*ast.BinaryExpr); ok && p.Op == token.ADD {
		return // only the outermost + of a chain
	}
	if tv, ok := c.pass.TypesInfo.Types[b]; !ok || tv.Value != nil || !isString(tv.Type) {
		return // constant, or not a string
	}
	ops := flatten(b)
	var text strings.Builder // constant text so far
	for i, op := range ops {
		s, isConst := c.stringConst(op)
		if !isConst {
			text.WriteString("\x00") // a value from elsewhere
			continue
		}
		if i == 0 && isWebSocket(s) {
			return
		}
		before := text.String()
		text.WriteString(s)
		if i+1 == len(ops) {
			break // nothing appended after the last constant
		}
		c.checkParamAtEnd(op, s, before, ops, ops[i+1])
	}
}

// checkParamAtEnd reports a credential parameter that ends the constant
// s, so that the next operand, value, supplies its value.
func (c *checker) checkParamAtEnd(op ast.Expr, s, before string, ops []ast.Expr, value ast.Expr) {
	ms := paramRE.FindAllStringSubmatchIndex(s, -1)
	if len(ms) == 0 {
		return
	}
	m := ms[len(ms)-1]
	if m[1] != len(s) {
		return // the value is part of the constant
	}
	sep, name := s[m[2]:m[3]], s[m[4]:m[5]]
	prefix := before + s[:m[0]]
	inURL := sep == "?" || strings.Contains(prefix, "?") ||
		(len(ops) > 0 && c.urlNamed(ops[0]))
	if inURL && c.credentialParam(name, value) && !exemptPath(prefix) {
		c.report(op.Pos(), name)
	}
}

// flatten lists the operands of a chain of string + in order.
func flatten(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(flatten(b.X), flatten(b.Y)...)
	}
	return []ast.Expr{e}
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// becomesQuery reports whether the url.Values in x end up in a URL's
// query: they come from URL.Query(), or are encoded into RawQuery or
// after a "?" in the enclosing function.
func (c *checker) becomesQuery(x ast.Expr, stack []ast.Node) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false // a field or a temporary: not followed
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	body := astutil.EnclosingBody(stack)
	if !ok || body == nil {
		return false
	}
	return c.varBecomesQuery(v, body)
}

func (c *checker) varBecomesQuery(v *types.Var, body *ast.BlockStmt) bool {
	parents := astutil.ParentMap(body)
	for n, p := range parents {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if c.refersTo(l, v) && i < len(n.Rhs) && c.isURLQuery(n.Rhs[i]) {
					return true // q := u.Query()
				}
			}
		case *ast.Ident:
			sel, ok := p.(*ast.SelectorExpr)
			if !ok || c.pass.TypesInfo.Uses[n] != v || sel.Sel.Name != "Encode" {
				continue
			}
			if call, ok := parents[sel].(*ast.CallExpr); ok && c.encodedIntoURL(call, parents) {
				return true
			}
		}
	}
	return false
}

// literalBecomesQuery follows a url.Values literal to its encoding.
func (c *checker) literalBecomesQuery(lit *ast.CompositeLit, stack []ast.Node) bool {
	body := astutil.EnclosingBody(stack)
	if body == nil {
		return false
	}
	parents := astutil.ParentMap(body)
	switch p := parents[lit].(type) {
	case *ast.SelectorExpr:
		call, ok := parents[p].(*ast.CallExpr)
		return ok && p.Sel.Name == "Encode" && c.encodedIntoURL(call, parents)
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == lit && i < len(p.Lhs) {
				if v, ok := c.pass.TypesInfo.ObjectOf(identOf(p.Lhs[i])).(*types.Var); ok {
					return c.varBecomesQuery(v, body)
				}
			}
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r == lit && i < len(p.Names) {
				if v, ok := c.pass.TypesInfo.Defs[p.Names[i]].(*types.Var); ok {
					return c.varBecomesQuery(v, body)
				}
			}
		}
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{Name: "_"}
	}
	return id
}

// encodedIntoURL reports whether an Encode() call's result is used as a
// query: assigned to RawQuery, appended after "?" or "&", or formatted
// after "?".
func (c *checker) encodedIntoURL(call *ast.CallExpr, parents map[ast.Node]ast.Node) bool {
	switch p := parents[call].(type) {
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == call && i < len(p.Lhs) {
				sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr)
				return ok && sel.Sel.Name == "RawQuery"
			}
		}
	case *ast.KeyValueExpr:
		key, ok := p.Key.(*ast.Ident)
		return ok && key.Name == "RawQuery" // url.URL{RawQuery: q.Encode()}
	case *ast.BinaryExpr:
		if p.Op != token.ADD || p.Y != call {
			return false
		}
		ops := flatten(p.X)
		s, ok := c.stringConst(ops[len(ops)-1])
		return ok && (strings.HasSuffix(s, "?") || strings.HasSuffix(s, "&"))
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.pass.TypesInfo, p).(*types.Func)
		if !ok || fn.FullName() != "fmt.Sprintf" || len(p.Args) == 0 {
			return false
		}
		format, ok := c.stringConst(p.Args[0])
		return ok && (strings.Contains(format, "?%s") || strings.Contains(format, "?%v"))
	}
	return false
}

// isURLQuery matches u.Query() on a *url.URL.
func (c *checker) isURLQuery(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return ok && fn.FullName() == "(*net/url.URL).Query"
}

func (c *checker) refersTo(e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && (c.pass.TypesInfo.Uses[id] == v || c.pass.TypesInfo.Defs[id] == v)
}
