// Command seclint checks Go code against a security checklist: hardcoded
// secrets, disabled TLS verification, unvalidated configuration, secrets
// leaking into errors and logs, and more. Run `seclint help` for the list.
//
// Usage:
//
//	seclint [flags] packages...          # lint packages, as go vet does
//	seclint help [rule]                  # list the rules, or explain one
//	go vet -vettool=$(command -v seclint) ./...
//
// The exit code is 0 when nothing was found, 3 when there are findings,
// 1 when something failed, and 2 for bad usage.
package main

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

// version is reported in SARIF output.
const version = "0.1.0"

func main() {
	args := os.Args[1:]
	if vetMode(args) {
		// go vet drives the analysis one package at a time; unitchecker
		// speaks its protocol and exits by itself. go vet prints findings
		// without the analyzer's name, so the messages carry it.
		as := analyzers.Analyzers()
		for _, a := range as {
			a.Flags.Set(rule.FlagNamed, "true")
		}
		if factsOnly(args) {
			for _, a := range as {
				if len(a.FactTypes) == 0 {
					a.Run = idle
				}
			}
		}
		unitchecker.Main(as...)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// factsOnly reports whether go vet asks for the facts of a dependency
// alone (VetxOnly in the unit's config), whose findings it discards.
// unitchecker then runs every analyzer that requires one with facts
// (x/tools issue 443099), and buildssa requires ctrlflow, so the rules
// without facts would analyze the whole dependency graph for nothing: a
// third of the time of go vet -vettool=seclint on caddy. They stay
// registered, since go vet passes their flags to every unit, but idle.
func factsOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// idle stands in for a rule's run on a unit analyzed for facts only.
func idle(pass *analysis.Pass) (any, error) {
	return reflect.Zero(pass.Analyzer.ResultType).Interface(), nil
}

// vetMode reports whether the command was started by go vet: either to
// describe itself (-V=full, -flags) or to analyze one unit (a .cfg file).
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
