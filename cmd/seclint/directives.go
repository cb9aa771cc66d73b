package main

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
	"github.com/scaile/seclint/internal/driver"
)

// A directiveKey identifies a directive across a package and its test
// variant, which share files.
type directiveKey struct {
	file string
	line int
}

// A directiveLog collects, package by package, the //seclint:ignore
// directives and what the rules did with them, so that the ones that
// name no rule, name an unknown one, or suppressed nothing although
// every rule they name ran on their package can be reported once all
// packages are done. A stale suppression hides the next real finding on
// that line, so it is worth removing.
type directiveLog struct {
	used map[directiveKey]bool
	ran  map[string]map[string]bool // file → rules that ran on it
	seen map[string]bool            // files whose directives are read
	test map[string]bool            // test files, by rule.IsTestFile
	dirs []loggedDirective
}

type loggedDirective struct {
	dir     *rule.Directive
	pkg, id string
	posn    token.Position
}

func newDirectiveLog() *directiveLog {
	return &directiveLog{
		used: make(map[directiveKey]bool),
		ran:  make(map[string]map[string]bool),
		seen: make(map[string]bool),
		test: make(map[string]bool),
	}
}

// add records one analyzed package, while its syntax is at hand.
func (l *directiveLog) add(u *driver.Unit) {
	p := u.Package
	var ran []string
	for _, act := range u.Actions {
		if act.Err != nil {
			continue
		}
		ran = append(ran, act.Analyzer.Name)
		if out, ok := act.Result.(*rule.Outcome); ok {
			for _, d := range out.Used {
				l.used[directiveKey{d.File, d.Line}] = true
			}
		}
	}
	for _, file := range p.Syntax {
		name := p.Fset.PositionFor(file.Pos(), false).Filename
		if l.ran[name] == nil {
			l.ran[name] = make(map[string]bool)
		}
		for _, r := range ran {
			l.ran[name][r] = true
		}
		if l.seen[name] {
			continue
		}
		l.seen[name] = true
		l.test[name] = rule.IsTestFile(name, file)
		for _, d := range rule.ParseDirectives(p.Fset, file) {
			l.dirs = append(l.dirs, loggedDirective{d, p.PkgPath, p.ID, p.Fset.Position(d.Pos)})
		}
	}
}

// unused returns a finding for each directive that is wrong or stale.
func (l *directiveLog) unused() []finding {
	var out []finding
	for _, ld := range l.dirs {
		d := ld.dir
		msg := directiveProblem(d, l.used[directiveKey{d.File, d.Line}], l.ran[d.File], l.test[d.File])
		if msg != "" {
			out = append(out, finding{
				pkgID:    ld.id,
				pkg:      ld.pkg,
				analyzer: directiveRule,
				posn:     ld.posn,
				end:      ld.posn,
				message:  msg,
			})
		}
	}
	return out
}

// directiveProblem says what is wrong with d, or returns "".
func directiveProblem(d *rule.Directive, used bool, ran map[string]bool, test bool) string {
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
		if !ran[name] || test && !flagOn(a, rule.FlagTests) {
			return "" // cannot tell whether it would have matched
		}
	}
	return fmt.Sprintf("unused seclint:ignore directive: no %s finding here to suppress; remove it",
		strings.Join(d.Names, " or "))
}
