package astutil

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// AddImport returns an edit adding an import of path to file: into the
// first parenthesized import block, in sorted position; into a new block
// with a file's only import; after the last of several single imports;
// or, in a file without imports, after the package clause.
func AddImport(file *ast.File, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	var last *ast.GenDecl
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			break // imports come first
		}
		if !gen.Lparen.IsValid() {
			last = gen
			continue
		}
		for _, spec := range gen.Specs {
			if spec.(*ast.ImportSpec).Path.Value > quoted {
				return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}
			}
		}
		end := gen.Rparen
		if n := len(gen.Specs); n > 0 {
			end = gen.Specs[n-1].End()
		}
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\t" + quoted)}
	}
	if last != nil && len(file.Imports) == 1 {
		// import "a" becomes import ("a"; path), sorted.
		spec := file.Imports[0]
		have := spec.Path.Value
		if spec.Name != nil {
			have = spec.Name.Name + " " + have
		}
		first, second := have, quoted
		if spec.Path.Value > quoted {
			first, second = quoted, have
		}
		text := "import (\n\t" + first + "\n\t" + second + "\n)"
		return analysis.TextEdit{Pos: last.Pos(), End: last.End(), NewText: []byte(text)}
	}
	if last != nil {
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\nimport " + quoted)}
	}
	end := file.Name.End()
	return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + quoted)}
}
