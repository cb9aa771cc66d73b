// Package plugin registers seclint as a golangci-lint v2 module plugin.
//
// Build a golangci-lint that includes it with `golangci-lint custom` and
// the .custom-gcl.yml at the root of this repository, then enable it in
// .golangci.yml:
//
//	linters:
//	  enable: [seclint]
//	  settings:
//	    custom:
//	      seclint:
//	        type: module
//	        settings:
//	          disable: [weakrand]
//	          options:
//	            insecuretls:
//	              strict: true
//
// The settings take the same keys as seclint's .seclint.yml, except
// exclude: golangci-lint has exclusions of its own.
package plugin

import (
	"errors"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/internal/config"
)

func init() {
	register.Plugin("seclint", New)
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from its golangci-lint settings. golangci-lint
// calls it once per process, so setting the rules' flags here is safe.
func New(settings any) (register.LinterPlugin, error) {
	s, err := config.FromMap(settings)
	if err != nil {
		return nil, err
	}
	if len(s.Exclude) > 0 {
		return nil, errors.New("seclint: exclude is not a plugin setting; use golangci-lint's linters.exclusions")
	}
	as, err := s.Select(analyzers.Rules())
	if err != nil {
		return nil, err
	}
	// golangci-lint starts each message with the analyzer's name, the
	// rule's, when it differs from the linter's: the rules' own -named
	// flag stays off, or the name would appear twice.
	return &plugin{analyzers: as}, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the rules need the type checker
// (under "syntax", pass.Pkg and TypesInfo are nil and facts do not work).
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
