package insecurecookie_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/insecurecookie"
	"github.com/scaile/seclint/analyzers/rule"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), insecurecookie.Analyzer,
		"a", "clean", "gorilla", "gincontrib", "frameworks", "handlertest", "testfiles", "limitations")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), insecurecookie.Analyzer, "fix")
}

// TestTestsFlag shows that -tests brings _test.go files back in scope.
func TestTestsFlag(t *testing.T) {
	a := insecurecookie.Analyzer
	if err := a.Flags.Set(rule.FlagTests, "true"); err != nil {
		t.Fatal(err)
	}
	defer a.Flags.Set(rule.FlagTests, "false")
	analysistest.Run(t, analysistest.TestData(), a, "testfilesflag")
}
