// Package load holds how seclint loads code for analysis: which files
// are dependencies, how to parse dependencies for their declarations only,
// and how to hide dependencies from the rules that carry facts. The
// command and the benchmarks share it.
package load

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Rules that carry facts across packages need every dependency
// type-checked from source, and dependencies are most of that work: on a
// medium module, parsing, type-checking and building SSA for them takes
// two thirds of the time and most of the memory. What our facts describe
// lives in the code under review (a validator of its config type, a
// function that returns one of its secrets, a helper that turns off
// verification), so by default seclint keeps function bodies only for
// that code and parses dependencies (the standard library, the module
// cache, vendor directories) for their declarations alone. The analyzers
// still see every type and signature; facts that only a dependency's
// function bodies would produce are lost, which -deps=full restores.

// A Trimmer decides which files are dependencies.
type Trimmer struct {
	roots []string // directories that hold only dependencies
}

// NewTrimmer takes GOROOT and GOMODCACHE from env, as go env prints them.
func NewTrimmer(env map[string]string) *Trimmer {
	t := &Trimmer{}
	for _, dir := range []string{filepath.Join(env["GOROOT"], "src"), env["GOMODCACHE"]} {
		if dir != "" {
			t.roots = append(t.roots, dir+string(filepath.Separator))
		}
	}
	return t
}

// Dependency reports whether the named file belongs to a dependency.
func (t *Trimmer) Dependency(name string) bool {
	for _, root := range t.roots {
		if strings.HasPrefix(name, root) {
			return true
		}
	}
	sep := string(filepath.Separator)
	return strings.Contains(name, sep+"vendor"+sep)
}

// Trimmed reports whether p is a dependency, which ParseFile parses
// without function bodies.
func (t *Trimmer) Trimmed(p *packages.Package) bool {
	return len(p.GoFiles) > 0 && t.Dependency(p.GoFiles[0])
}

// ParseFile is a packages.Config.ParseFile that drops the function bodies
// of dependencies.
func (t *Trimmer) ParseFile(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
	if !t.Dependency(name) {
		return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	}
	// A dependency's comments and bodies are never looked at.
	f, err := parser.ParseFile(fset, name, src, parser.AllErrors|parser.SkipObjectResolution)
	if f != nil {
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				fn.Body = nil
			}
		}
	}
	return f, err
}

// Forgive clears the errors that trimming causes in dependencies (imports
// and variables that only the dropped bodies used), so that analyzers are
// not skipped on them. Any other error stands.
func (t *Trimmer) Forgive(pkgs []*packages.Package) {
	hard := func(e types.Error) bool { return !e.Soft }
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		trimmed := len(p.GoFiles) > 0 && t.Dependency(p.GoFiles[0])
		if trimmed && len(p.TypeErrors) > 0 && !slices.ContainsFunc(p.TypeErrors, hard) {
			p.TypeErrors = nil
			p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError })
		}
		// IllTyped covers the dependencies too; the visit is in
		// post-order, so theirs are already settled.
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	})
}

// Prune cuts the dependencies out of the import graph that the analysis
// driver follows, once loading is done: rules with facts then run on the
// code under review and its local dependencies only. With their function
// bodies gone, dependencies would yield no facts anyway, and building SSA
// for hundreds of them is the bulk of the cost. Types are untouched:
// they are held by go/types, not by this graph.
func (t *Trimmer) Prune(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for path, imp := range p.Imports {
			// Packages read from export data have no syntax to analyze.
			if len(imp.Syntax) == 0 || len(imp.GoFiles) > 0 && t.Dependency(imp.GoFiles[0]) {
				delete(p.Imports, path)
			}
		}
	})
}

// LintsStd reports whether the patterns name standard library packages,
// which must then keep their bodies: there is no trimming then.
func LintsStd(patterns []string, goroot string) bool {
	if wd, err := os.Getwd(); err == nil && strings.HasPrefix(wd, filepath.Join(goroot, "src")) {
		return true
	}
	for _, p := range patterns {
		if p == "std" || p == "cmd" || strings.HasPrefix(filepath.Clean(p), filepath.Join(goroot, "src")) {
			return true
		}
		first, _, _ := strings.Cut(p, "/")
		if !strings.HasPrefix(p, ".") && !filepath.IsAbs(p) && !strings.Contains(first, ".") {
			return true // an import path without a domain: a std package
		}
	}
	return false
}

// GoEnv asks the go command for the named settings.
func GoEnv(names ...string) (map[string]string, error) {
	out, err := exec.Command("go", append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		return nil, err
	}
	env := make(map[string]string)
	return env, json.Unmarshal(out, &env)
}
