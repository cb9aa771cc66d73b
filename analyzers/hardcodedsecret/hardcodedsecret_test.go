package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

func TestProviders(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "providers", "names", "urls", "negatives", "example.com/testdata/fixture", "generated")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hardcodedsecret.Analyzer,
		"fix", "fiximport", "fixblock")
}
