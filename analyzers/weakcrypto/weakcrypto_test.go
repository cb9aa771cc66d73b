package weakcrypto_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/weakcrypto"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), weakcrypto.Analyzer, "a", "clean", "limitations")
}

func TestStrict(t *testing.T) {
	setFlag(t, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), weakcrypto.Analyzer, "strict")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), weakcrypto.Analyzer, "fix")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	old := weakcrypto.Analyzer.Flags.Lookup(name).Value.String()
	if err := weakcrypto.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { weakcrypto.Analyzer.Flags.Set(name, old) })
}
