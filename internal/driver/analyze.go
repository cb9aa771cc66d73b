package driver

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

// analyze runs as, and what they require, on n's package, and returns
// their actions in the order of as. They run one after another: running
// them in parallel, as x/tools' checker does, took more CPU time and
// memory for no gain in wall time, the packages already being checked
// in parallel.
func (d *run) analyze(n *node, as []*analysis.Analyzer) []*Action {
	n.objFacts = make(map[objectFactKey]analysis.Fact)
	n.pkgFacts = make(map[packageFactKey]analysis.Fact)
	n.failed = make(map[*analysis.Analyzer]bool)
	done := make(map[*analysis.Analyzer]*Action)
	var exec func(a *analysis.Analyzer) *Action
	exec = func(a *analysis.Analyzer) *Action {
		if act, ok := done[a]; ok {
			return act
		}
		inputs := make(map[*analysis.Analyzer]any)
		var failed []string
		for _, req := range a.Requires {
			if dep := exec(req); dep.Err != nil {
				failed = append(failed, req.Name)
			} else {
				inputs[req] = dep.Result
			}
		}
		act := &Action{Analyzer: a}
		if len(a.FactTypes) > 0 {
			// The analyzer needs its facts about every import.
			for _, imp := range n.pkg.Imports {
				if dep := d.nodes[imp.ID]; dep.failed[a] {
					failed = append(failed, a.Name+"@"+imp.PkgPath)
				}
			}
		}
		if failed != nil {
			slices.Sort(failed)
			act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		} else {
			d.exec(n, act, inputs)
		}
		n.failed[a] = act.Err != nil
		done[a] = act
		return act
	}
	acts := make([]*Action, len(as))
	for i, a := range as {
		acts[i] = exec(a)
	}
	return acts
}

// exec runs one analyzer on n's package, turning a panic into an error.
func (d *run) exec(n *node, act *Action, inputs map[*analysis.Analyzer]any) {
	p := n.pkg
	if p.IllTyped && !act.Analyzer.RunDespiteErrors {
		act.Err = fmt.Errorf("analysis skipped due to errors in package")
		return
	}
	module := &analysis.Module{}
	if m := p.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	pass := &analysis.Pass{
		Analyzer:     act.Analyzer,
		Fset:         d.fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report:       func(diag analysis.Diagnostic) { act.Diagnostics = append(act.Diagnostics, diag) },
		ReadFile:     readFile(p),
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		return d.importObjectFact(n, obj, ptr)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		return d.importPackageFact(n, pkg, ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != p.Types {
			panic(fmt.Sprintf("%s: exporting a %T fact about %s, which belongs to another package", act.Analyzer.Name, fact, obj))
		}
		n.objFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		n.pkgFacts[packageFactKey{p.Types, reflect.TypeOf(fact)}] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact { return d.allObjectFacts(n, act.Analyzer) }
	pass.AllPackageFacts = func() []analysis.PackageFact { return d.allPackageFacts(n, act.Analyzer) }

	defer func() {
		if x := recover(); x != nil {
			act.Result, act.Diagnostics = nil, nil
			act.Err = fmt.Errorf("panic: %v (%s)", x, panicSite())
		}
		// Facts may only be exported while the analyzer runs.
		pass.ExportObjectFact, pass.ExportPackageFact = nil, nil
	}()
	result, err := act.Analyzer.Run(pass)
	switch {
	case err != nil:
		act.Err = err
	case reflect.TypeOf(result) != act.Analyzer.ResultType:
		act.Err = fmt.Errorf("internal error: %s returned a result of type %T, but declared ResultType %v",
			act.Analyzer.Name, result, act.Analyzer.ResultType)
	default:
		act.Result = result
	}
}

// panicSite names the function and line that panicked, the first frame
// below the runtime's own.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s at %s:%d", f.Function, f.File, f.Line)
		}
		if !more {
			return "unknown location"
		}
	}
}

// owner returns the node whose facts describe pkg, if it is one this
// run has finished analyzing or n itself.
func (d *run) owner(n *node, pkg *types.Package) *node {
	if pkg == n.pkg.Types {
		return n
	}
	d.factsMu.Lock()
	o := d.byTypes[pkg]
	d.factsMu.Unlock()
	if o == nil || !o.done.Load() {
		return nil // read from export data, or not a dependency
	}
	return o
}

func (d *run) importObjectFact(n *node, obj types.Object, ptr analysis.Fact) bool {
	if obj.Pkg() == nil {
		return false // a universe object
	}
	o := d.owner(n, obj.Pkg())
	if o == nil || o.mode == Types {
		// Not analyzed (a package's importers run after it is done):
		// only what is known without analysis.
		return d.opts.KnownFact != nil && d.opts.KnownFact(obj, ptr)
	}
	if o != n && !visible(obj, d.imports(n, o)) {
		return false
	}
	fact, ok := o.objFacts[objectFactKey{obj, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	}
	return ok
}

// visible reports whether a fact about obj reaches a package that
// imports obj's package, directly or not. x/tools' checker keeps, at
// each import, the facts about objects the imported package's export
// data can hold: its own functions and variables at the first step
// only, methods, fields, types and constants at every step. The driver
// passes on the same facts, so that rules see what they see elsewhere.
func visible(obj types.Object, direct bool) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil || direct && obj.Exported()
	case *types.Var:
		return obj.IsField() || direct
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// imports reports whether n imports o directly.
func (d *run) imports(n, o *node) bool {
	for _, imp := range n.pkg.Imports {
		if imp == o.pkg {
			return true
		}
	}
	return false
}

func (d *run) importPackageFact(n *node, pkg *types.Package, ptr analysis.Fact) bool {
	o := d.owner(n, pkg)
	if o == nil {
		return false
	}
	fact, ok := o.pkgFacts[packageFactKey{pkg, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(fact).Elem())
	}
	return ok
}

// reachable returns n and the packages it imports, directly or not, that
// were analyzed: the ones whose facts it sees.
func (d *run) reachable(n *node) []*node {
	out := []*node{n}
	seen := map[*node]bool{n: true}
	for i := 0; i < len(out); i++ {
		for _, imp := range out[i].pkg.Imports {
			if dep := d.nodes[imp.ID]; !seen[dep] && dep.objFacts != nil {
				seen[dep] = true
				out = append(out, dep)
			}
		}
	}
	return out
}

func (d *run) allObjectFacts(n *node, a *analysis.Analyzer) []analysis.ObjectFact {
	want := factTypes(a)
	var out []analysis.ObjectFact
	for _, o := range d.reachable(n) {
		for k, fact := range o.objFacts {
			if want[k.typ] && (o == n || visible(k.obj, d.imports(n, o))) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: fact})
			}
		}
	}
	return out
}

func (d *run) allPackageFacts(n *node, a *analysis.Analyzer) []analysis.PackageFact {
	want := factTypes(a)
	var out []analysis.PackageFact
	for _, o := range d.reachable(n) {
		for k, fact := range o.pkgFacts {
			if want[k.typ] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: fact})
			}
		}
	}
	return out
}

func factTypes(a *analysis.Analyzer) map[reflect.Type]bool {
	m := make(map[reflect.Type]bool)
	for _, f := range a.FactTypes {
		m[reflect.TypeOf(f)] = true
	}
	return m
}

// readFile lets an analyzer read the files of its own package only, as
// analysis.Pass.ReadFile requires.
func readFile(p *packages.Package) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
			if slices.Contains(files, name) {
				return os.ReadFile(name)
			}
		}
		return nil, fmt.Errorf("%s is not among the files of package %s", name, p.PkgPath)
	}
}
