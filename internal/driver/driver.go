// Package driver runs analyzers over a package graph one package at a
// time, in dependency order, and lets each package go once it is done.
//
// x/tools' checker is given every package loaded whole and keeps their
// syntax, type information, SSA and results until the run ends, so its
// peak memory grows with the code under review. This driver starts from
// metadata alone (go/packages without NeedSyntax or NeedTypes). It reads
// each dependency that is not under review from the compiler's export
// data, once, and parses and type-checks the rest as their imports
// finish, at most one package per worker at a time. A package's results
// go to the caller as soon as they are ready; then everything but the
// package's types and the facts its analysis exported, which is all its
// importers read, is dropped. go vet gets the same effect by running one
// process per package and passing facts through files.
package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A Mode says how much the driver does with one package.
type Mode int

const (
	// Export reads the package's types from its export data.
	Export Mode = iota
	// Types type-checks the package from source but runs no analyzer.
	Types
	// Facts type-checks the package and runs the analyzers that carry
	// facts (with what they require), for its importers to read.
	Facts
	// Report type-checks the package, runs every analyzer and hands the
	// results to the caller.
	Report
)

// Options configures a run.
type Options struct {
	Analyzers []*analysis.Analyzer

	// Mode says what to do with each package in the graph. A package
	// that imports one checked from source is itself checked from
	// source, whatever Mode says: its export data would describe a
	// second copy of that package's types.
	Mode func(*packages.Package) Mode

	// ParseFile parses one file; nil means go/parser with comments.
	ParseFile func(fset *token.FileSet, filename string, src []byte) (*ast.File, error)

	// Lenient, if set, reports whether soft type errors are ignored in a
	// package, such as one parsed without its function bodies.
	Lenient func(*packages.Package) bool

	// Workers bounds the packages checked at once; 0 means GOMAXPROCS.
	Workers int

	// KnownFact, if set, answers for packages that are not analyzed
	// (read from export data or checked for types only): it reports
	// whether obj has the fact of fact's type, and may fill *fact. Facts
	// that analysis of those packages would give, such as that os.Exit
	// never returns, can be known without it.
	KnownFact func(obj types.Object, fact analysis.Fact) bool
}

// A Unit is one analyzed package, as handed to the caller: its Package
// has Syntax, Types, TypesInfo and Errors set until the visit returns.
type Unit struct {
	Package *packages.Package
	Mode    Mode // Facts or Report

	// Actions has one action per analyzer of Options.Analyzers, in
	// order, for a package of mode Report; for one of mode Facts, one per
	// analyzer that ran.
	Actions []*Action
}

// An Action is the outcome of one analyzer on one package.
type Action struct {
	Analyzer    *analysis.Analyzer
	Result      any
	Err         error
	Diagnostics []analysis.Diagnostic
}

// Run analyzes the packages reachable from roots. It calls visit for
// each package of mode Facts or Report, one call at a time, and returns once all
// are done. Afterwards every package in the graph has Types (when they
// could be read), Errors and IllTyped set, and no Syntax or TypesInfo.
// Only invalid analyzers are an error; what goes wrong with a package is
// recorded on it or on its actions.
func Run(roots []*packages.Package, opts *Options, visit func(*Unit)) error {
	if err := analysis.Validate(opts.Analyzers); err != nil {
		return err
	}
	d := newRun(roots, opts)
	d.loadExports()
	d.checkSources(visit)
	return nil
}

// A node is the driver's state for one package.
type node struct {
	pkg       *packages.Package
	mode      Mode
	importers []*node // those checked from source
	pending   atomic.Int32
	done      atomic.Bool // analysis finished: its facts are complete

	// Facts exported by the package's analyses, and which analyzers
	// failed on it, read-only once done.
	objFacts map[objectFactKey]analysis.Fact
	pkgFacts map[packageFactKey]analysis.Fact
	failed   map[*analysis.Analyzer]bool
}

type run struct {
	opts    *Options
	fset    *token.FileSet
	order   []*node // dependencies before their importers
	nodes   map[string]*node
	byTypes map[*types.Package]*node // packages checked from source

	factual  []*analysis.Analyzer // what runs on Facts packages
	visitMu  sync.Mutex
	factsMu  sync.Mutex // guards byTypes
	exportMu sync.Mutex
}

func newRun(roots []*packages.Package, opts *Options) *run {
	d := &run{
		opts:    opts,
		fset:    token.NewFileSet(),
		nodes:   make(map[string]*node),
		byTypes: make(map[*types.Package]*node),
		factual: factual(opts.Analyzers),
	}
	// A post-order visit puts dependencies first, which also settles a
	// package's mode before its importers look at it.
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &node{pkg: p, mode: opts.Mode(p)}
		if p.PkgPath == "unsafe" {
			n.mode = Export
		}
		for path, imp := range p.Imports {
			// go/packages breaks import cycles, but were one left, its
			// closing edge would lead to a package not yet visited.
			if dep := d.nodes[imp.ID]; dep == nil {
				delete(p.Imports, path)
			} else if n.mode == Export && dep.mode != Export {
				n.mode = Types
			}
		}
		// Export data is read into these, so that a dependency's types
		// exist once whichever package mentions them first.
		p.Types = types.NewPackage(p.PkgPath, p.Name)
		p.Fset = d.fset
		p.Syntax, p.TypesInfo, p.TypeErrors = nil, nil, nil
		d.nodes[p.ID] = n
		d.order = append(d.order, n)
	})
	for _, n := range d.order {
		if n.mode == Export {
			continue
		}
		for _, imp := range n.pkg.Imports {
			if dep := d.nodes[imp.ID]; dep.mode != Export {
				dep.importers = append(dep.importers, n)
				n.pending.Add(1)
			}
		}
	}
	return d
}

// factual returns the analyzers, among as and what they require, that
// carry facts, with what they require in turn: the ones a package's
// importers depend on.
func factual(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var add func(a *analysis.Analyzer, needed bool)
	add = func(a *analysis.Analyzer, needed bool) {
		needed = needed || len(a.FactTypes) > 0
		if needed && !slices.Contains(out, a) {
			out = append(out, a)
		}
		if seen[a] && !needed {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			add(req, needed)
		}
	}
	for _, a := range as {
		add(a, false)
	}
	return out
}

// loadExports reads the export data of every dependency that a package
// checked from source imports. It runs before any source is checked:
// reading export data can add objects to the types of any dependency,
// and those must not change while another package is analyzed.
func (d *run) loadExports() {
	needed := make(map[*node]bool)
	for _, n := range d.order {
		if n.mode == Export {
			continue
		}
		for _, imp := range n.pkg.Imports {
			needed[d.nodes[imp.ID]] = true
		}
	}
	for _, n := range d.order {
		p := n.pkg
		if n.mode == Export {
			if p.PkgPath == "unsafe" {
				p.Types = types.Unsafe
			} else if needed[n] {
				if err := d.readExport(p); err != nil {
					p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
				}
			}
			p.IllTyped = len(p.Errors) > 0 || importsIllTyped(p)
		}
	}
}

func importsIllTyped(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if imp.IllTyped {
			return true
		}
	}
	return false
}

// readExport fills p.Types from p's export data.
func (d *run) readExport(p *packages.Package) error {
	d.exportMu.Lock()
	defer d.exportMu.Unlock()
	if p.Types.Complete() {
		return nil
	}
	if p.ExportFile == "" {
		return errors.New("no export data: the package did not build")
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}

	// gcexportdata knows packages by path, not by ID; the view holds
	// this package's own dependencies, which are the ones its export
	// data can mention, and the package itself.
	view := map[string]*types.Package{p.PkgPath: p.Types}
	seen := make(map[*packages.Package]bool)
	var walk func(*packages.Package)
	walk = func(q *packages.Package) {
		for _, imp := range q.Imports {
			if !seen[imp] {
				seen[imp] = true
				view[imp.PkgPath] = imp.Types
				walk(imp)
			}
		}
	}
	walk(p)
	if _, err := gcexportdata.Read(r, d.fset, view, p.PkgPath); err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return nil
}

// checkSources checks and analyzes every package not read from export
// data, each once the packages it imports are done, on Workers
// goroutines.
func (d *run) checkSources(visit func(*Unit)) {
	var source []*node
	for _, n := range d.order {
		if n.mode != Export {
			source = append(source, n)
		}
	}
	workers := d.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ready := make(chan *node, len(source)) // never blocks
	for _, n := range source {
		if n.pending.Load() == 0 {
			ready <- n
		}
	}
	var wg sync.WaitGroup
	wg.Add(len(source))
	for range min(workers, len(source)) {
		go func() {
			for n := range ready {
				d.process(n, visit)
				for _, up := range n.importers {
					if up.pending.Add(-1) == 0 {
						ready <- up
					}
				}
				wg.Done()
			}
		}()
	}
	wg.Wait()
	close(ready)
}

// process checks one package, analyzes it as its mode says, and
// releases what its importers do not need.
func (d *run) process(n *node, visit func(*Unit)) {
	p := n.pkg
	d.typeCheck(p)
	d.factsMu.Lock()
	d.byTypes[p.Types] = n
	d.factsMu.Unlock()

	var acts []*Action
	switch n.mode {
	case Facts:
		acts = d.analyze(n, d.factual)
	case Report:
		acts = d.analyze(n, d.opts.Analyzers)
	}
	n.done.Store(true)
	if acts != nil {
		d.visitMu.Lock()
		visit(&Unit{Package: p, Mode: n.mode, Actions: acts})
		d.visitMu.Unlock()
	}
	p.Syntax, p.TypesInfo = nil, nil
}

// typeCheck parses and type-checks p from source, recording what goes
// wrong in p.Errors the way go/packages does.
func (d *run) typeCheck(p *packages.Package) {
	addError := func(err error) {
		var el scanner.ErrorList
		var te types.Error
		var pe *os.PathError
		switch {
		case errors.As(err, &el):
			for _, e := range el {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case errors.As(err, &te):
			p.TypeErrors = append(p.TypeErrors, te)
			p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
		case errors.As(err, &pe):
			p.Errors = append(p.Errors, packages.Error{Pos: pe.Path + ":1", Msg: pe.Err.Error(), Kind: packages.ParseError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	for _, name := range p.CompiledGoFiles {
		f, err := d.parse(name)
		if err != nil {
			addError(err)
		}
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
	}

	p.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			switch {
			case imp == nil:
				return nil, fmt.Errorf("no metadata for %s", path)
			case imp.Types == nil || !imp.Types.Complete():
				// Its own errors say why.
				return nil, fmt.Errorf("could not import %s: it has errors", path)
			}
			return imp.Types, nil
		}),
		Error: addError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	var soft []types.Error
	if d.opts.Lenient != nil && d.opts.Lenient(p) {
		conf.Error = func(err error) {
			if te, ok := err.(types.Error); ok && te.Soft {
				soft = append(soft, te)
				return
			}
			addError(err)
		}
	}
	err := types.NewChecker(conf, d.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 && len(soft) == 0 {
		addError(err) // an error the checker did not hand to conf.Error
	}
	p.IllTyped = len(p.Errors) > 0 || importsIllTyped(p)
}

func (d *run) parse(name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if d.opts.ParseFile != nil {
		return d.opts.ParseFile(d.fset, name, src)
	}
	return parser.ParseFile(d.fset, name, src, parser.AllErrors|parser.ParseComments)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
