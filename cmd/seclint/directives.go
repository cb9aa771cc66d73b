package main

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

// A directiveKey identifies a directive across a package and its test
// variant, which share files.
type directiveKey struct {
	file string
	line int
}

// unusedDirectives reports //seclint:ignore directives that name no rule,
// name an unknown one, or suppressed nothing although every rule they
// name ran on their package. A stale suppression hides the next real
// finding on that line, so it is worth removing.
func unusedDirectives(graph *checker.Graph) []finding {
	used := make(map[directiveKey]bool)
	ran := make(map[directiveKey]map[string]bool) // rules that ran on the file
	type located struct {
		dir     *rule.Directive
		pkg, id string
		fset    *token.FileSet
	}
	var dirs []located
	seenFile := make(map[string]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		if out, ok := act.Result.(*rule.Outcome); ok {
			for _, d := range out.Used {
				used[directiveKey{d.File, d.Line}] = true
			}
		}
		for _, file := range act.Package.Syntax {
			name := act.Package.Fset.PositionFor(file.Pos(), false).Filename
			if ran[directiveKey{file: name}] == nil {
				ran[directiveKey{file: name}] = make(map[string]bool)
			}
			ran[directiveKey{file: name}][act.Analyzer.Name] = true
			if seenFile[name] {
				continue
			}
			seenFile[name] = true
			for _, d := range rule.ParseDirectives(act.Package.Fset, file) {
				dirs = append(dirs, located{d, act.Package.PkgPath, act.Package.ID, act.Package.Fset})
			}
		}
	}

	var out []finding
	for _, l := range dirs {
		d := l.dir
		msg := directiveProblem(d, used[directiveKey{d.File, d.Line}], ran[directiveKey{file: d.File}])
		if msg != "" {
			out = append(out, finding{
				pkgID:    l.id,
				pkg:      l.pkg,
				analyzer: directiveRule,
				posn:     l.fset.Position(d.Pos),
				message:  msg,
			})
		}
	}
	return out
}

// directiveProblem says what is wrong with d, or returns "".
func directiveProblem(d *rule.Directive, used bool, ran map[string]bool) string {
	if len(d.Names) == 0 {
		return "seclint:ignore directive names no rule; write //seclint:ignore RULE reason"
	}
	for _, name := range d.Names {
		if analyzers.Lookup(name) == nil {
			return fmt.Sprintf("seclint:ignore directive names unknown rule %q; `seclint help` lists the rules", name)
		}
	}
	if used || d.Reason == "" {
		return "" // in use, or already reported by its rules for lacking a reason
	}
	for _, name := range d.Names {
		a := analyzers.Lookup(name).Analyzer
		if !ran[name] || !inScope(a, d.File) {
			return "" // cannot tell whether it would have matched
		}
	}
	return fmt.Sprintf("unused seclint:ignore directive: no %s finding here to suppress; remove it",
		strings.Join(d.Names, " or "))
}

// inScope reports whether the rule reports findings in file at all.
func inScope(a *analysis.Analyzer, file string) bool {
	return !strings.HasSuffix(file, "_test.go") || flagOn(a, rule.FlagTests)
}
