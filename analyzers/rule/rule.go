// Package rule holds what every seclint check shares: the metadata that
// travels with an analyzer (title, CWE, severity, documentation) and the
// filter around pass.Report that applies //seclint:ignore directives and
// drops findings in test and generated files.
//
// An analyzer package declares its Rule next to its Analyzer:
//
//	var Analyzer = &analysis.Analyzer{Name: "insecuretls", Run: run, ...}
//
//	var Rule = rule.New(Analyzer, rule.Meta{
//		CWE:      []int{295},
//		Severity: rule.High,
//		Doc:      &lint.RawDocumentation{Title: "...", Text: "..."},
//	})
//
// New completes the Analyzer in place: it sets Doc and URL from the
// structured documentation, adds the shared flags, and wraps Run so that
// the filter works in every host (the seclint command, go vet -vettool,
// golangci-lint and nogo alike).
package rule

import (
	"flag"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/facts/generated"
	"honnef.co/go/tools/analysis/lint"
)

// DocsBase is where the rule pages live; Analyzer.URL is DocsBase + name.
const DocsBase = "https://github.com/scaile/seclint/blob/main/docs/rules/"

// Severity ranks how much a finding matters. It maps onto SARIF levels and
// the security-severity score that code-scanning tools sort by.
type Severity int

const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Score is the CVSS-like number that SARIF consumers read from the
// security-severity property.
func (s Severity) Score() string {
	switch s {
	case Low:
		return "3.0"
	case Medium:
		return "5.5"
	case High:
		return "7.5"
	case Critical:
		return "9.0"
	}
	return "0.0"
}

// Meta is the metadata of one rule, written once beside its analyzer.
type Meta struct {
	// CWE lists the weakness IDs the rule detects, most specific first.
	CWE []int
	// Severity of a typical finding.
	Severity Severity
	// Doc is the single source of the rule's documentation: title, text,
	// bad and good example, options. Analyzer.Doc, `seclint help`, the
	// rule pages and SARIF rule help are all rendered from it.
	Doc *lint.RawDocumentation
	// Compliant names the file of package secureclient that shows the
	// compliant pattern, e.g. "secureclient/transport.go".
	Compliant string
	// KeepGenerated keeps findings in generated files by default. Only
	// checks for which generated code is no excuse set it (a key pasted
	// into a generated file is leaked all the same).
	KeepGenerated bool
}

// Rule is a seclint check: its analyzer and its metadata.
type Rule struct {
	Meta
	Analyzer *analysis.Analyzer
	// Compiled is Doc with its markup resolved, for rendering.
	Compiled *lint.Documentation

	run func(*analysis.Pass) (any, error)
}

// Name is the rule's stable ID, the analyzer's name.
func (r *Rule) Name() string { return r.Analyzer.Name }

// CWEs renders the CWE list as "CWE-295, CWE-326".
func (r *Rule) CWEs() string {
	ids := make([]string, len(r.CWE))
	for i, id := range r.CWE {
		ids[i] = "CWE-" + strconv.Itoa(id)
	}
	return strings.Join(ids, ", ")
}

// Names of the flags that New adds to every analyzer.
const (
	FlagTests     = "tests"
	FlagGenerated = "generated"
	// FlagNamed starts every message with "RULE: ". go vet prints a
	// finding without the name of the rule that made it, which a
	// //seclint:ignore directive needs; seclint sets it there.
	FlagNamed = "named"
)

// Validate makes the flag name of fs refuse, with check's error, the
// values check rejects, so that a bad value is a usage error when it is
// given rather than a failure of every pass. check sees the text given.
func Validate(fs *flag.FlagSet, name string, check func(v string) error) {
	f := fs.Lookup(name)
	f.Value = validated{f.Value, check}
}

type validated struct {
	flag.Value
	check func(string) error
}

// Get returns the value as the flag underneath has it.
func (v validated) Get() any {
	if g, ok := v.Value.(flag.Getter); ok {
		return g.Get()
	}
	return v.Value.String()
}

func (v validated) Set(s string) error {
	if err := v.check(s); err != nil {
		return err
	}
	return v.Value.Set(s)
}

// Outcome is the result of every rule's pass. Drivers that want to report
// unused directives read it; other hosts ignore it.
type Outcome struct {
	// Used holds the directives that suppressed at least one finding.
	Used []*Directive
}

// New binds meta to a and completes a in place. It must be called during
// package initialisation, before any driver sees the analyzer.
func New(a *analysis.Analyzer, meta Meta) *Rule {
	if a.Run == nil || meta.Doc == nil || len(meta.CWE) == 0 || meta.Severity == 0 {
		panic(fmt.Sprintf("rule %s: Run, Doc, CWE and Severity are required", a.Name))
	}
	r := &Rule{Meta: meta, Analyzer: a, Compiled: meta.Doc.Compile(), run: a.Run}
	a.Doc = r.Compiled.Format(false)
	a.URL = DocsBase + a.Name + ".md"
	a.Run = r.filteredRun
	a.ResultType = reflect.TypeFor[*Outcome]()
	if !slices.Contains(a.Requires, generated.Analyzer) {
		a.Requires = append(a.Requires, generated.Analyzer)
	}
	a.Flags.Bool(FlagTests, false, "also report findings in test files (_test.go, or importing testing or a test framework)")
	a.Flags.Bool(FlagGenerated, meta.KeepGenerated, "also report findings in generated files")
	a.Flags.Bool(FlagNamed, false, "start each message with the rule's name")
	return r
}

// filteredRun runs the rule's own Run with a pass whose Report applies
// the shared filter.
func (r *Rule) filteredRun(pass *analysis.Pass) (any, error) {
	f := newFilter(pass, BoolFlag(r.Analyzer, FlagTests), BoolFlag(r.Analyzer, FlagGenerated))
	inner := *pass
	inner.Report = f.report
	if BoolFlag(r.Analyzer, FlagNamed) {
		inner.Report = func(d analysis.Diagnostic) {
			d.Message = r.Name() + ": " + d.Message
			f.report(d)
		}
	}
	if _, err := r.run(&inner); err != nil {
		return nil, err
	}
	if BoolFlag(r.Analyzer, FlagNamed) {
		f.prefix = r.Name() + ": "
	}
	f.reportMalformed()
	return &Outcome{Used: f.used()}, nil
}

// BoolFlag reads one of a's boolean flags, false if it has none of that
// name. Flags are set before any pass runs and only read afterwards.
func BoolFlag(a *analysis.Analyzer, name string) bool {
	f := a.Flags.Lookup(name)
	if f == nil {
		return false
	}
	v, _ := strconv.ParseBool(f.Value.String())
	return v
}
