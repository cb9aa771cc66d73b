package constanttime

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers/internal/astutil"
)

// describe renders e for a message, shortened so that a long expression
// does not swamp it. It prints source, never a runtime value.
func describe(e ast.Expr) string {
	const max = 40
	s := types.ExprString(e)
	if len(s) > max {
		s = s[:max-3] + "..."
	}
	return s
}

// subtleFix rewrites a == b (or !=) on strings into a constant-time call.
func (c *checker) subtleFix(b *ast.BinaryExpr) []analysis.SuggestedFix {
	name, edits, ok := c.importName(b.Pos(), "crypto/subtle", "subtle")
	if !ok {
		return nil
	}
	// ConstantTimeCompare returns 1 for equal inputs.
	text := name + ".ConstantTimeCompare(" + c.asBytes(b.X) + ", " + c.asBytes(b.Y) + ") " +
		b.Op.String() + " 1"
	edits = append(edits, analysis.TextEdit{Pos: b.Pos(), End: b.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{
		Message:   "Replace " + b.Op.String() + " with subtle.ConstantTimeCompare",
		TextEdits: edits,
	}}
}

// hmacFix replaces bytes.Equal with hmac.Equal, which has the same
// signature and runs in constant time.
func (c *checker) hmacFix(call *ast.CallExpr) []analysis.SuggestedFix {
	name, edits, ok := c.importName(call.Pos(), "crypto/hmac", "hmac")
	if !ok {
		return nil
	}
	edits = append(edits, analysis.TextEdit{
		Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(name + ".Equal"),
	})
	return []analysis.SuggestedFix{{
		Message:   "Replace bytes.Equal with hmac.Equal",
		TextEdits: edits,
	}}
}

// asBytes renders a string operand converted to []byte.
func (c *checker) asBytes(e ast.Expr) string {
	return "[]byte(" + c.source(e) + ")"
}

func (c *checker) source(e ast.Expr) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, e); err != nil {
		return types.ExprString(e)
	}
	return buf.String()
}

// importName returns the name under which path is visible at pos, and
// the edit that imports it when the file does not yet. It fails when
// the wanted name is taken by something else in scope.
func (c *checker) importName(pos token.Pos, path, name string) (string, []analysis.TextEdit, bool) {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	file := c.fileOf(pos)
	if scope == nil || file == nil {
		return "", nil, false
	}
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p != path {
			continue
		}
		if imp.Name == nil {
			break // imported under its own name; check it is not shadowed
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return "", nil, false
		}
		return imp.Name.Name, nil, true
	}
	if _, obj := scope.LookupParent(name, pos); obj != nil {
		pkg, ok := obj.(*types.PkgName)
		if ok && pkg.Imported().Path() == path {
			return name, nil, true
		}
		return "", nil, false // the name means something else here
	}
	return name, []analysis.TextEdit{astutil.AddImport(file, path)}, true
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
