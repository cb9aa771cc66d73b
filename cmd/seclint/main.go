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
	"os"
	"strings"

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
		unitchecker.Main(as...)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
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
