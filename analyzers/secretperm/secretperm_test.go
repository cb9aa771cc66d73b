package secretperm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/secretperm"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), secretperm.Analyzer, "a", "clean", "limitations")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), secretperm.Analyzer, "fix")
}
