package unvalidatedconfig_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/unvalidatedconfig"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unvalidatedconfig.Analyzer,
		"a", "client", "lib", "app", "limitations", "document")
}

func TestFlags(t *testing.T) {
	flags := &unvalidatedconfig.Analyzer.Flags
	set := func(name, value string) {
		if err := flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	set("types", "flagged.Settings")
	set("validators", "(*github.com/go-playground/validator/v10.Validate).Struct")
	defer set("types", "")
	defer set("validators", "")
	analysistest.Run(t, analysistest.TestData(), unvalidatedconfig.Analyzer, "flagged")
}
