package cleartext_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/cleartext"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), cleartext.Analyzer,
		"clients", "clean", "servers", "grpcclients", "grpcservers", "unixsocket", "limitations")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), cleartext.Analyzer, "fix")
}

func TestStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), cleartext.Analyzer, "strict")
}

func TestNoServers(t *testing.T) {
	setFlag(t, "servers", "false")
	analysistest.Run(t, analysistest.TestData(), cleartext.Analyzer, "noservers")
}

func TestTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), cleartext.Analyzer, "withtests")
}

// setFlag sets one of the analyzer's flags for the test and restores it.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := cleartext.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
