package jwtvalidation_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/jwtvalidation"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), jwtvalidation.Analyzer,
		"a", "v4", "clean", "limitations")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), jwtvalidation.Analyzer, "fix")
}
