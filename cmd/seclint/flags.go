package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers/rule"
	"github.com/scaile/seclint/internal/config"
)

// options are the command's own flags.
type options struct {
	format        string // text, json or sarif
	json          bool   // -json, which check turns into format
	tests         bool   // load test files too
	tags          string // build tags
	config        string // settings file
	baseline      string // report only findings not in this file
	writeBaseline string // write the findings to this file instead
	fix, diff     bool   // apply suggested fixes, or show them
	cache         bool   // reuse the findings of unchanged packages
	deps          string // how dependencies are loaded: depsExport, depsDecls or depsFull
}

// How dependencies are loaded when rules use facts; see internal/load.
const (
	depsExport = "export" // types from the build cache's export data
	depsDecls  = "decls"  // declarations parsed from source, bodies dropped
	depsFull   = "full"   // everything from source, analyzed as well
)

func (o *options) check() error {
	if o.json {
		if o.format != "text" && o.format != "json" {
			return fmt.Errorf("-json and -format=%s exclude each other", o.format)
		}
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		return fmt.Errorf("unknown -format %q (want text, json or sarif)", o.format)
	}
	if o.fix && o.diff {
		return fmt.Errorf("-fix and -diff exclude each other")
	}
	if o.baseline != "" && o.writeBaseline != "" {
		return fmt.Errorf("-baseline and -write-baseline exclude each other")
	}
	return nil
}

// triState is a boolean flag that remembers whether it was set, so that
// `-NAME` alone can mean "only these rules" as in the x/tools drivers.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) String() string {
	switch *t {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (t *triState) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if v {
		*t = setTrue
	} else {
		*t = setFalse
	}
	return nil
}

func (t *triState) IsBoolFlag() bool { return true }

// jsonFlag is -json, the go vet spelling of -format=json.
type jsonFlag struct{ opts *options }

func (j jsonFlag) String() string {
	if j.opts == nil {
		return "false"
	}
	return strconv.FormatBool(j.opts.json)
}

func (j jsonFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err == nil {
		j.opts.json = v
	}
	return err
}

func (jsonFlag) IsBoolFlag() bool { return true }

// prefixedValue forwards an analyzer's own flag under NAME.flag.
type prefixedValue struct{ flag.Value }

// String is called on the zero value too, by the flag package when it
// prints the defaults.
func (p prefixedValue) String() string {
	if p.Value == nil {
		return ""
	}
	return p.Value.String()
}

func (p prefixedValue) IsBoolFlag() bool {
	b, ok := p.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// newFlagSet declares the command's flags, one enable flag per analyzer
// and NAME.flag for each analyzer option.
func newFlagSet(as []*analysis.Analyzer) (*flag.FlagSet, *options, map[*analysis.Analyzer]*triState) {
	fs := flag.NewFlagSet("seclint", flag.ContinueOnError)
	// Parse errors are printed by run as one line; the long usage is
	// printed only when asked for.
	fs.SetOutput(io.Discard)
	opts := &options{deps: depsExport}
	fs.StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	fs.Var(jsonFlag{opts}, "json", "same as -format=json")
	fs.BoolVar(&opts.tests, "test", false, "also load _test.go files (implied by any -NAME.tests flag)")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags")
	fs.StringVar(&opts.config, "config", "", "settings file (default "+config.FileName+" if present)")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings that are not in this baseline file")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "write the current findings to this baseline file")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes")
	fs.Func("deps", "how dependencies are loaded: export (types from the build, the default),\n"+
		"decls (declarations from source, no build) or full (analyzed too)", func(v string) error {
		switch v {
		case depsExport, depsDecls, depsFull:
			opts.deps = v
			return nil
		}
		return fmt.Errorf("want %s, %s or %s", depsExport, depsDecls, depsFull)
	})
	fs.BoolVar(&opts.cache, "cache", true, "reuse the findings of unchanged packages;\nSECLINT_CACHE names the directory, or off")
	fs.BoolVar(&opts.diff, "diff", false, "print suggested fixes as a unified diff instead of findings")

	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range as {
		t := new(triState)
		enabled[a] = t
		fs.Var(t, a.Name, "enable "+a.Name+" ("+firstLine(a.Doc)+")")
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Name == rule.FlagNamed {
				return // the command prints the rule's name itself
			}
			fs.Var(prefixedValue{f.Value}, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {} // the flag package calls it on every error
	return fs, opts, enabled
}

// selectAnalyzers applies the x/tools convention on top of the settings
// file: if any -NAME flag is true, run only those; otherwise run what the
// file leaves on, less those set false.
func selectAnalyzers(as, fromFile []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	only := false
	for _, t := range enabled {
		only = only || *t == setTrue
	}
	var sel []*analysis.Analyzer
	for _, a := range as {
		t := *enabled[a]
		if t == setTrue || (!only && t != setFalse && slices.Contains(fromFile, a)) {
			sel = append(sel, a)
		}
	}
	return sel
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fs.SetOutput(w)
	defer fs.SetOutput(io.Discard)
	fmt.Fprint(w, `seclint checks Go code against a security checklist.

Usage:
	seclint [flags] packages...
	seclint files [flags] file.go...     # lint only these files (pre-commit)
	seclint secrets [flags] file...      # scan text files (not Go) for secrets
	seclint vuln [flags] [packages]      # known vulnerabilities the code reaches
	seclint help [rule]
	go vet -vettool=$(command -v seclint) [packages]

Exit codes: 0 no findings, 3 findings, 1 failure, 2 bad usage.

Flags:
`)
	fs.PrintDefaults()
}
