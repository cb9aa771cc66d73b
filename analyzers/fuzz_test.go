package analyzers_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

// stdImporter reads the standard library's export data (go list -export
// builds it once into the build cache) and shares the imported packages
// between fuzz iterations.
var stdImporter = sync.OnceValue(func() types.Importer {
	return importer.ForCompiler(token.NewFileSet(), "gc", nil)
})

// FuzzAnalyzers type-checks mutated Go source in memory and runs every
// rule on it. Nothing may panic, whatever the input. Seeds are the
// analyzers' own test files.
func FuzzAnalyzers(f *testing.F) {
	for _, src := range seedFiles(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 {
			return // keep iterations fast; size is not what this explores
		}
		pkg := typeCheck(src)
		if pkg == nil {
			return // not Go
		}
		graph, err := checker.Analyze(analyzers.Analyzers(), []*packages.Package{pkg}, &checker.Options{Sequential: true})
		if err != nil {
			t.Fatalf("analysis failed to start: %v", err)
		}
		for act := range graph.All() {
			if act.Err != nil && !strings.Contains(act.Err.Error(), "errors in package") &&
				!strings.Contains(act.Err.Error(), "failed prerequisites") {
				t.Errorf("%s: %v", act, act.Err)
			}
		}
	})
}

// typeCheck builds the package that checker.Analyze expects from one file
// of source, or returns nil if the source does not parse.
func typeCheck(src string) *packages.Package {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	pkg := &packages.Package{
		ID:         "fuzz",
		Name:       file.Name.Name,
		PkgPath:    "example.com/fuzz",
		Fset:       fset,
		Syntax:     []*ast.File{file},
		TypesSizes: types.SizesFor("gc", "amd64"),
		TypesInfo: &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		},
	}
	conf := types.Config{
		Importer: stdImporter(),
		Sizes:    pkg.TypesSizes,
		Error: func(err error) {
			pkg.Errors = append(pkg.Errors, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
			pkg.TypeErrors = append(pkg.TypeErrors, err.(types.Error))
		},
	}
	pkg.Types, _ = conf.Check(pkg.PkgPath, fset, pkg.Syntax, pkg.TypesInfo)
	pkg.IllTyped = len(pkg.Errors) > 0
	return pkg
}

// seedFiles returns the single-file test packages of every analyzer that
// import only the standard library, which the fuzzer can type-check.
func seedFiles(f *testing.F) []string {
	var seeds []string
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || !strings.Contains(path, "testdata") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil && !strings.Contains(string(data), `"github.com/`) && !strings.Contains(string(data), `"golang.org/x/`) {
			seeds = append(seeds, string(data))
		}
		return nil
	})
	if len(seeds) == 0 {
		f.Fatal("no seed files found")
	}
	return seeds
}

// FuzzScanText runs the secret rules over arbitrary text, as seclint
// secrets does over configuration files, and over the redaction of error
// messages. Nothing may panic, every finding must lie inside the text,
// and no finding may show more than the first characters of its secret.
func FuzzScanText(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("hardcodedsecret", "testdata", "text", "*"))
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(name), data)
	}
	f.Add("url.txt", []byte("postgres://u:Zq8mW3zLp7Xv2Rk9@db.example.com/x\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(data) > 1<<14 {
			return // the rules' cost grows with size; crashes do not need it
		}
		found, err := hardcodedsecret.ScanText(name, data)
		if err != nil {
			t.Fatalf("ScanText: %v", err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		for _, s := range found {
			if s.Line < 1 || s.Line > len(lines) || s.Column < 1 || s.Column > len(lines[s.Line-1]) {
				t.Errorf("finding at %d:%d outside the text", s.Line, s.Column)
			}
			if n := utf8.RuneCountInString(s.Redacted); n > 5 || !strings.HasSuffix(s.Redacted, "…") {
				t.Errorf("finding shows %d characters: %q", n, s.Redacted)
			}
		}
		hardcodedsecret.Redact(string(data))
	})
}
