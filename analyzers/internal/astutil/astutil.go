// Package astutil holds the syntax helpers that several rules share:
// finding the function around a node, a node's parents, and the text
// edits their suggested fixes make.
package astutil

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// EnclosingBody returns the body of the innermost function in stack, or
// nil at package level.
func EnclosingBody(stack []ast.Node) *ast.BlockStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return f.Body
		case *ast.FuncDecl:
			return f.Body
		}
	}
	return nil
}

// OutermostBody returns the body of the outermost function around cur,
// or nil at package level. Closures share their parent's variables.
func OutermostBody(cur inspector.Cursor) *ast.BlockStmt {
	var body *ast.BlockStmt
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := e.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
	}
	return body
}

// ParentMap maps each node below root to its parent.
func ParentMap(root ast.Node) map[ast.Node]ast.Node {
	parents := make(map[ast.Node]ast.Node)
	ast.PreorderStack(root, nil, func(n ast.Node, stack []ast.Node) bool {
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		return true
	})
	return parents
}

// TypeName names the named type t, or the one t points to, as
// "path/to/pkg.Name"; it returns "" for other types.
func TypeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	return named.Obj().Pkg().Path() + "." + named.Obj().Name()
}
