// Package analyzers lists seclint's rules. The seclint command, its go vet
// mode and the golangci-lint plugin all take their analyzers from here.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers/cleartext"
	"github.com/scaile/seclint/analyzers/constanttime"
	"github.com/scaile/seclint/analyzers/hardcodedsecret"
	"github.com/scaile/seclint/analyzers/httptimeout"
	"github.com/scaile/seclint/analyzers/ignorederror"
	"github.com/scaile/seclint/analyzers/insecurecookie"
	"github.com/scaile/seclint/analyzers/insecuretls"
	"github.com/scaile/seclint/analyzers/jwtvalidation"
	"github.com/scaile/seclint/analyzers/leakyerror"
	"github.com/scaile/seclint/analyzers/rule"
	"github.com/scaile/seclint/analyzers/secretperm"
	"github.com/scaile/seclint/analyzers/tokeninurl"
	"github.com/scaile/seclint/analyzers/unvalidatedconfig"
	"github.com/scaile/seclint/analyzers/weakcrypto"
	"github.com/scaile/seclint/analyzers/weakrand"
)

// Rules returns every seclint rule, sorted by name. The slice is new on
// each call; the rules themselves are shared and must not be changed.
func Rules() []*rule.Rule {
	return []*rule.Rule{
		cleartext.Rule,
		constanttime.Rule,
		hardcodedsecret.Rule,
		httptimeout.Rule,
		ignorederror.Rule,
		insecurecookie.Rule,
		insecuretls.Rule,
		jwtvalidation.Rule,
		leakyerror.Rule,
		secretperm.Rule,
		tokeninurl.Rule,
		unvalidatedconfig.Rule,
		weakcrypto.Rule,
		weakrand.Rule,
	}
}

// Analyzers returns the analyzers of Rules, in the same order.
func Analyzers() []*analysis.Analyzer {
	rules := Rules()
	as := make([]*analysis.Analyzer, len(rules))
	for i, r := range rules {
		as[i] = r.Analyzer
	}
	return as
}

// Lookup returns the rule with the given name, or nil.
func Lookup(name string) *rule.Rule {
	for _, r := range Rules() {
		if r.Name() == name {
			return r
		}
	}
	return nil
}
