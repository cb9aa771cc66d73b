package leakyerror_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/leakyerror"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), leakyerror.Analyzer,
		"a", "names", "whole", "httpleak", "loggers", "secrets", "usesecrets",
		"lexer", "wire", "results", "limitations")
}
