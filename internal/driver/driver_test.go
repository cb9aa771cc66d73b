package driver_test

import (
	"errors"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/internal/driver"
	"github.com/scaile/seclint/internal/load"
)

const metadata = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes |
	packages.NeedExportFile

func metadataOf(t *testing.T, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: metadata, Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// rootsReport analyzes the named packages whole and the rest of the
// module for its facts, as the command does.
func rootsReport(roots []*packages.Package) func(*packages.Package) driver.Mode {
	return func(p *packages.Package) driver.Mode {
		switch {
		case slices.Contains(roots, p):
			return driver.Report
		case p.Module != nil && p.Module.Main:
			return driver.Facts
		}
		return driver.Export
	}
}

// diagnostics runs the driver and returns its diagnostics as
// "file:line: analyzer: message", sorted, and the action errors.
func diagnostics(t *testing.T, pkgs []*packages.Package, opts *driver.Options) (diags, errs []string) {
	t.Helper()
	err := driver.Run(pkgs, opts, func(u *driver.Unit) {
		if u.Package.Syntax == nil && len(u.Package.CompiledGoFiles) > 0 {
			t.Errorf("%s: no syntax during the visit", u.Package.PkgPath)
		}
		for _, act := range u.Actions {
			if act.Err != nil {
				errs = append(errs, fmt.Sprintf("%s: %s: %v", u.Package.PkgPath, act.Analyzer.Name, act.Err))
			}
			if u.Mode != driver.Report {
				continue
			}
			for _, d := range act.Diagnostics {
				diags = append(diags, describe(u.Package, act.Analyzer, d))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(diags)
	slices.Sort(errs)
	return diags, errs
}

func describe(p *packages.Package, a *analysis.Analyzer, d analysis.Diagnostic) string {
	posn := p.Fset.Position(d.Pos)
	return fmt.Sprintf("%s:%d: %s: %s", filepath.Base(posn.Filename), posn.Line, a.Name, d.Message)
}

// TestSameAsChecker runs every rule over a module whose findings depend
// on facts, once with x/tools' checker over everything loaded whole and
// once with the driver, and wants the same findings.
func TestSameAsChecker(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "e2e", "facts")
	want := checkerDiagnostics(t, dir, analyzers.Analyzers()...)
	if len(want) == 0 {
		t.Fatal("the checker finds nothing: the fixture no longer tests anything")
	}

	pkgs := metadataOf(t, dir, "./...")
	got, errs := diagnostics(t, pkgs, &driver.Options{Analyzers: analyzers.Analyzers(), Mode: rootsReport(pkgs)})
	if len(errs) > 0 {
		t.Errorf("driver errors: %v", errs)
	}
	if !slices.Equal(got, want) {
		t.Errorf("driver found\n\t%s\nchecker found\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// Named alone, use still sees the facts of the packages it imports,
	// which are analyzed for their facts only.
	use := metadataOf(t, dir, "./use")
	alone, _ := diagnostics(t, use, &driver.Options{Analyzers: analyzers.Analyzers(), Mode: rootsReport(use)})
	var wantUse []string
	for _, w := range want {
		if strings.HasPrefix(w, "use.go:") {
			wantUse = append(wantUse, w)
		}
	}
	if len(wantUse) == 0 || !slices.Equal(alone, wantUse) {
		t.Errorf("use alone: found\n\t%s\nwant\n\t%s", strings.Join(alone, "\n\t"), strings.Join(wantUse, "\n\t"))
	}
}

// checkerDiagnostics runs as over the module in dir with x/tools'
// checker, everything loaded whole.
func checkerDiagnostics(t *testing.T, dir string, as ...*analysis.Analyzer) []string {
	t.Helper()
	whole, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	env, err := load.GoEnv("GOROOT", "GOMODCACHE")
	if err != nil {
		t.Fatal(err)
	}
	load.NewTrimmer(env).Prune(whole) // the checker runs facts only on what has syntax
	graph, err := checker.Analyze(as, whole, nil)
	if err != nil {
		t.Fatal(err)
	}
	var diags []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			diags = append(diags, describe(act.Package, act.Analyzer, d))
		}
	}
	slices.Sort(diags)
	return diags
}

// TestBrokenPackage checks that a package that does not type-check is
// recorded with its errors, that its importers are skipped, and that the
// other packages are still analyzed.
func TestBrokenPackage(t *testing.T) {
	pkgs := metadataOf(t, filepath.Join("..", "..", "testdata", "e2e", "bad"), "./...")
	diags, errs := diagnostics(t, pkgs, &driver.Options{Analyzers: analyzers.Analyzers(), Mode: rootsReport(pkgs)})
	if !slices.ContainsFunc(diags, func(d string) bool { return strings.HasPrefix(d, "tlsconf.go:") }) {
		t.Errorf("no finding in tlsconf, which builds: %v", diags)
	}
	for _, p := range pkgs {
		switch p.Name {
		case "broken":
			if !p.IllTyped || !slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError }) {
				t.Errorf("broken: IllTyped %v, errors %v; want a type error", p.IllTyped, p.Errors)
			}
		case "usesbroken":
			if !p.IllTyped {
				t.Error("usesbroken is not marked IllTyped")
			}
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.HasPrefix(e, "example.com/bad/usesbroken:") }) {
				t.Errorf("usesbroken was analyzed: %v", errs)
			}
		case "tlsconf":
			if p.IllTyped {
				t.Errorf("tlsconf: %v", p.Errors)
			}
		}
		if p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s: syntax kept after the run", p.PkgPath)
		}
	}
}

// A fact analyzer over a generated module: a exports a fact about each
// function it declares, b reads a's, and c stands apart.
type mark struct{ Name string }

func (*mark) AFact() {}

func TestFacts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("a/a.go", "package a\n\nfunc F() {}\n\nfunc g() {}\n")
	write("b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nfunc B() { a.F() }\n")
	write("c/c.go", "package c\n\nfunc C() { panic(0) }\n")
	write("d/d.go", "package d\n\nimport \"example.com/m/c\"\n\nfunc D() { c.C() }\n")
	write("e/e.go", "package e\n\nimport \"example.com/m/b\"\n\nfunc E() { b.B() }\n")

	marks := &analysis.Analyzer{
		Name:      "marks",
		Doc:       "mark every function, and report the marks of those called",
		FactTypes: []analysis.Fact{new(mark)},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "c" {
				return nil, errors.New("c is refused")
			}
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], &mark{n.Name.Name})
					case *ast.CallExpr:
						id, _ := n.Fun.(*ast.SelectorExpr)
						if id == nil {
							break
						}
						var m mark
						if pass.ImportObjectFact(pass.TypesInfo.Uses[id.Sel], &m) {
							pass.Reportf(n.Pos(), "calls marked %s", m.Name)
						}
					}
					return true
				})
			}
			var names []string
			for _, f := range pass.AllObjectFacts() {
				names = append(names, f.Object.Pkg().Name()+"."+f.Object.Name())
			}
			slices.Sort(names)
			pass.Reportf(pass.Files[0].Package, "sees %s", strings.Join(names, " "))
			return nil, nil
		},
	}
	panics := &analysis.Analyzer{
		Name: "panics",
		Doc:  "panic on package a",
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "a" {
				panic("analyzer bug")
			}
			return nil, nil
		},
	}

	pkgs := metadataOf(t, dir, "./...")
	diags, errs := diagnostics(t, pkgs, &driver.Options{
		Analyzers: []*analysis.Analyzer{marks, panics},
		Mode:      rootsReport(pkgs),
	})
	want := []string{
		"a.go:1: marks: sees a.F a.g",
		"b.go:1: marks: sees a.F b.B",
		"b.go:5: marks: calls marked F",
		"e.go:1: marks: sees b.B e.E", // a's functions are two imports away
		"e.go:5: marks: calls marked B",
	}
	if !slices.Equal(diags, want) {
		t.Errorf("found\n\t%s\nwant\n\t%s", strings.Join(diags, "\n\t"), strings.Join(want, "\n\t"))
	}
	if fromChecker := checkerDiagnostics(t, dir, marks); !slices.Equal(diags, fromChecker) {
		t.Errorf("found\n\t%s\nthe checker found\n\t%s", strings.Join(diags, "\n\t"), strings.Join(fromChecker, "\n\t"))
	}
	if len(errs) != 3 ||
		!strings.HasPrefix(errs[0], "example.com/m/a: panics: panic: analyzer bug") ||
		!strings.Contains(errs[0], "driver_test.go") ||
		errs[1] != "example.com/m/c: marks: c is refused" ||
		errs[2] != "example.com/m/d: marks: failed prerequisites: marks@example.com/m/c" {
		t.Errorf("errors:\n\t%s", strings.Join(errs, "\n\t"))
	}
	for _, p := range pkgs {
		if p.Types == nil || !p.Types.Complete() {
			t.Errorf("%s: no types after the run", p.PkgPath)
		}
	}
	// Every package's types are the ones its importers saw.
	a := pkgs[slices.IndexFunc(pkgs, func(p *packages.Package) bool { return p.Name == "a" })]
	b := pkgs[slices.IndexFunc(pkgs, func(p *packages.Package) bool { return p.Name == "b" })]
	if !slices.Contains(b.Types.Imports(), a.Types) {
		t.Errorf("b imports %v, not a's types %p", b.Types.Imports(), a.Types)
	}
}

// BenchmarkDriver runs every rule over this module's own packages, the
// fixed corpus of `go test -bench Rules ./analyzers`, loaded as the
// command loads them. Besides time and allocations it reports what the
// run keeps, as live heap after a collection: the driver's point is
// that this grows with the types of the code, not with its syntax, SSA
// and results.
func BenchmarkDriver(b *testing.B) {
	b.ReportAllocs()
	var kept uint64
	for b.Loop() {
		b.StopTimer()
		pkgs, err := packages.Load(&packages.Config{Mode: metadata, Dir: filepath.Join("..", "..")}, "./...")
		if err != nil {
			b.Fatal(err)
		}
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()

		err = driver.Run(pkgs, &driver.Options{Analyzers: analyzers.Analyzers(), Mode: rootsReport(pkgs)}, func(*driver.Unit) {})
		if err != nil {
			b.Fatal(err)
		}

		b.StopTimer()
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept += after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
		runtime.KeepAlive(pkgs)
		b.StartTimer()
	}
	b.ReportMetric(float64(kept)/float64(b.N)/(1<<20), "MiB-kept/op")
}

// TestCycle checks that an import cycle left in the graph, which
// go/packages normally breaks itself, neither hangs nor crashes the run.
func TestCycle(t *testing.T) {
	a := &packages.Package{ID: "a", PkgPath: "a", Name: "a", Imports: map[string]*packages.Package{}}
	b := &packages.Package{ID: "b", PkgPath: "b", Name: "b", Imports: map[string]*packages.Package{"a": a}}
	a.Imports["b"] = b
	visited := 0
	err := driver.Run([]*packages.Package{a}, &driver.Options{
		Analyzers: analyzers.Analyzers(),
		Mode:      func(*packages.Package) driver.Mode { return driver.Report },
	}, func(*driver.Unit) { visited++ })
	if err != nil || visited != 2 {
		t.Errorf("Run: %v, %d packages visited, want 2", err, visited)
	}
}
