// Command lintcmd runs seclint's rules through staticcheck's lintcmd front
// end. It exists only to measure that front end against cmd/seclint (see
// bench/FRONTEND.md); it is not how seclint is shipped.
package main

import (
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/lintcmd"

	"github.com/scaile/seclint/analyzers"
)

func main() {
	cmd := lintcmd.NewCommand("seclint-lintcmd")
	for _, r := range analyzers.Rules() {
		cmd.AddAnalyzers(&lint.Analyzer{Doc: r.Doc, Analyzer: r.Analyzer})
	}
	cmd.Run()
}
