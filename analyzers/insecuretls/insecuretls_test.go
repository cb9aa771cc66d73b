package insecuretls_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/insecuretls"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), insecuretls.Analyzer, "a", "limitations", "optin")
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), insecuretls.Analyzer, "tlsopts", "caller")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), insecuretls.Analyzer, "fix", "fixalias")
}

func TestStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), insecuretls.Analyzer, "strict")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := insecuretls.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
