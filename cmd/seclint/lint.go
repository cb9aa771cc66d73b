package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

// Exit codes, as in the x/tools analysis drivers.
const (
	exitClean    = 0
	exitFailure  = 1
	exitUsage    = 2
	exitFindings = 3
)

// A finding is one diagnostic, resolved to a position.
type finding struct {
	pkg      string // package ID
	analyzer string
	posn     token.Position
	message  string
}

// report is everything one run produced.
type report struct {
	findings []finding
	errs     []error // packages that failed to load or analyze
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], stdout, stderr)
	}
	all := analyzers.Analyzers()
	fs, opts, enabled := newFlagSet(stderr, all)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage // the flag package has printed the error
	}
	if opts.format != "text" && opts.format != "json" {
		fmt.Fprintf(stderr, "seclint: unknown -format %q (want text or json)\n", opts.format)
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		fs.Usage()
		return exitUsage
	}
	selected := selectAnalyzers(all, enabled)
	if len(selected) == 0 {
		fmt.Fprintln(stderr, "seclint: every rule is turned off")
		return exitUsage
	}

	rep, err := lint(selected, patterns, opts)
	if err != nil {
		fmt.Fprintf(stderr, "seclint: %v\n", err)
		return exitFailure
	}
	if err := write(stdout, opts.format, rep); err != nil {
		fmt.Fprintf(stderr, "seclint: %v\n", err)
		return exitFailure
	}
	for _, e := range rep.errs {
		fmt.Fprintf(stderr, "seclint: %v\n", e)
	}
	switch {
	case len(rep.errs) > 0:
		return exitFailure
	case len(rep.findings) > 0:
		return exitFindings
	}
	return exitClean
}

// lint loads the packages and runs the analyzers over them. A package that
// fails to load is recorded in the report and the others are still
// analyzed; only a failure of the loader as a whole is returned.
func lint(as []*analysis.Analyzer, patterns []string, opts *options) (*report, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax,
		Tests: opts.tests || anyTestsFlag(as),
	}
	if needFacts(as) {
		// Facts are computed from the syntax of every dependency.
		cfg.Mode = packages.LoadAllSyntax
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}

	rep := &report{}
	broken := make(map[*packages.Package]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			broken[p] = true
			rep.errs = append(rep.errs, fmt.Errorf("package %s: %s", p.PkgPath, e))
		}
	})

	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		return nil, err
	}
	seen := make(map[finding]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			if !broken[act.Package] {
				rep.errs = append(rep.errs, fmt.Errorf("analyzer %s failed on %s: %v",
					act.Analyzer.Name, act.Package.PkgPath, act.Err))
			}
			continue
		}
		for _, d := range act.Diagnostics {
			f := finding{
				pkg:      act.Package.PkgPath,
				analyzer: act.Analyzer.Name,
				posn:     act.Package.Fset.Position(d.Pos),
				message:  d.Message,
			}
			if !seen[f] { // a file shared by a package and its test variant
				seen[f] = true
				rep.findings = append(rep.findings, f)
			}
		}
	}
	sortFindings(rep.findings)
	slices.SortStableFunc(rep.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	rep.errs = slices.CompactFunc(rep.errs, func(a, b error) bool { return a.Error() == b.Error() })
	return rep, nil
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		if c := strings.Compare(a.posn.Filename, b.posn.Filename); c != 0 {
			return c
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line - b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column - b.posn.Column
		}
		if c := strings.Compare(a.analyzer, b.analyzer); c != 0 {
			return c
		}
		return strings.Compare(a.message, b.message)
	})
}

// needFacts reports whether any analyzer, or anything it requires, uses
// facts, which forces analysis of every dependency from source.
func needFacts(as []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}

// anyTestsFlag reports whether some analyzer was asked to report in test
// files, which only helps if test files are loaded.
func anyTestsFlag(as []*analysis.Analyzer) bool {
	for _, a := range as {
		if f := a.Flags.Lookup(rule.FlagTests); f != nil && f.Value.String() == "true" {
			return true
		}
	}
	return false
}

// relPath shortens name to a path relative to the working directory when
// it lies below it, as go vet prints positions.
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return name
	}
	return rel
}
