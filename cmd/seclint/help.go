package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

// help prints the list of rules, or one rule's documentation.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stdout, "seclint rules (run `seclint help NAME` for one):")
		fmt.Fprintln(stdout)
		for _, r := range analyzers.Rules() {
			fmt.Fprintf(stdout, "  %-18s %s\n", r.Name(), r.Compiled.Title)
		}
		return exitClean
	}
	status := exitClean
	for _, name := range args {
		r := analyzers.Lookup(name)
		if r == nil {
			fmt.Fprintf(stderr, "seclint: no rule named %q; `seclint help` lists them\n", name)
			status = exitUsage
			continue
		}
		fmt.Fprintln(stdout, r.Text())
	}
	return status
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

// lookupRule is analyzers.Lookup, for the output code.
func lookupRule(name string) *rule.Rule { return analyzers.Lookup(name) }
