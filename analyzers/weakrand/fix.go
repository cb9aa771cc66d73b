package weakrand

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// fix replaces a package-level math/rand.Read call with crypto/rand's,
// which has the same signature. When math/rand has no other use in the
// file its import becomes crypto/rand; otherwise crypto/rand is used
// under the name it is imported as, or imported as crand.
func (c *checker) fix(cc *ssa.CallCommon) (analysis.SuggestedFix, bool) {
	file := c.fileOf(cc.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	call := callAt(file, cc.Pos())
	if call == nil {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	pkgName, ok := c.pass.TypesInfo.Uses[x].(*types.PkgName)
	if !ok || pkgName.Imported().Path() != "math/rand" {
		return analysis.SuggestedFix{}, false
	}
	fix := analysis.SuggestedFix{Message: "Replace math/rand.Read with crypto/rand.Read"}
	weakSpec, cryptoName := imports(file)
	switch {
	case cryptoName != "":
		fix.TextEdits = []analysis.TextEdit{replace(x, cryptoName)}
		if c.uses(file, pkgName) == 1 && weakSpec != nil {
			fix.TextEdits = append(fix.TextEdits, c.deleteImport(file, weakSpec))
		}
	case c.uses(file, pkgName) == 1 && weakSpec != nil:
		fix.TextEdits = []analysis.TextEdit{{
			Pos: weakSpec.Path.Pos(), End: weakSpec.Path.End(),
			NewText: []byte(strconv.Quote("crypto/rand")),
		}}
	case weakSpec != nil && !c.nameTaken(file, "crand"):
		fix.TextEdits = []analysis.TextEdit{
			replace(x, "crand"),
			{Pos: weakSpec.End(), End: weakSpec.End(), NewText: []byte("\n\tcrand \"crypto/rand\"")},
		}
		if !grouped(file, weakSpec) {
			fix.TextEdits[1].NewText = []byte("\nimport crand \"crypto/rand\"")
		}
	default:
		return analysis.SuggestedFix{}, false
	}
	return fix, true
}

// deleteImport removes the lines of an import that is no longer used:
// the spec in a block, or the whole declaration.
func (c *checker) deleteImport(file *ast.File, spec *ast.ImportSpec) analysis.TextEdit {
	var node ast.Node = spec
	if !grouped(file, spec) {
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok && len(g.Specs) == 1 && g.Specs[0] == spec {
				node = g
			}
		}
	}
	tf := c.pass.Fset.File(node.Pos())
	start := tf.LineStart(tf.Line(node.Pos()))
	end := node.End()
	if line := tf.Line(end); line < tf.LineCount() {
		end = tf.LineStart(line + 1)
	}
	return analysis.TextEdit{Pos: start, End: end}
}

func replace(id *ast.Ident, name string) analysis.TextEdit {
	return analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte(name)}
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// callAt finds the call whose parenthesis is at lparen.
func callAt(file *ast.File, lparen token.Pos) *ast.CallExpr {
	path, _ := astutil.PathEnclosingInterval(file, lparen, lparen)
	for _, n := range path {
		if call, ok := n.(*ast.CallExpr); ok && call.Lparen == lparen {
			return call
		}
	}
	return nil
}

// imports finds the import of math/rand and the name crypto/rand is
// imported as, if it is.
func imports(file *ast.File) (weak *ast.ImportSpec, cryptoName string) {
	for _, spec := range file.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		switch path {
		case "math/rand":
			weak = spec
		case "crypto/rand":
			cryptoName = "rand"
			if spec.Name != nil {
				cryptoName = spec.Name.Name
			}
		}
	}
	if cryptoName == "_" || cryptoName == "." {
		cryptoName = ""
	}
	return weak, cryptoName
}

// uses counts the references to an imported package in a file.
func (c *checker) uses(file *ast.File, pkg *types.PkgName) int {
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		if id, ok := node.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == pkg {
			n++
		}
		return true
	})
	return n
}

func (c *checker) nameTaken(file *ast.File, name string) bool {
	scope := c.pass.TypesInfo.Scopes[file]
	if scope == nil {
		return true
	}
	if scope.Lookup(name) != nil {
		return true
	}
	return c.pass.Pkg.Scope().Lookup(name) != nil
}

// grouped reports whether spec sits in a parenthesised import block.
func grouped(file *ast.File, spec *ast.ImportSpec) bool {
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		for _, s := range g.Specs {
			if s == spec {
				return g.Lparen.IsValid()
			}
		}
	}
	return false
}
