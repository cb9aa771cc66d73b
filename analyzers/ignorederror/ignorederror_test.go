package ignorederror_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/ignorederror"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ignorederror.Analyzer,
		"a", "oldgo", "clean", "limitations")
}
