package weakrand_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/weakrand"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), weakrand.Analyzer,
		"a", "clean", "v2", "limitations", "testhelper")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), weakrand.Analyzer,
		"fix", "fixcrand", "fiximported")
}

func TestTestsFlag(t *testing.T) {
	if err := weakrand.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer weakrand.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, analysistest.TestData(), weakrand.Analyzer, "tests")
}
