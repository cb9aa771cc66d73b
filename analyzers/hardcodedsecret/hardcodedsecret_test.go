package hardcodedsecret_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scaile/seclint/analyzers/hardcodedsecret"
)

func TestProviders(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer,
		"providers", "names", "urls", "negatives", "example.com/testdata/fixture",
		"generated", "limitations", "keys")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hardcodedsecret.Analyzer,
		"fix", "fiximport", "fixblock")
}

// setFlags sets the analyzer's flags for one test and restores them after.
func setFlags(t *testing.T, kv ...string) {
	t.Helper()
	for i := 0; i < len(kv); i += 2 {
		f := hardcodedsecret.Analyzer.Flags.Lookup(kv[i])
		if f == nil {
			t.Fatalf("no flag -%s", kv[i])
		}
		old := f.Value.String()
		if err := f.Value.Set(kv[i+1]); err != nil {
			t.Fatalf("-%s=%s: %v", kv[i], kv[i+1], err)
		}
		t.Cleanup(func() { f.Value.Set(old) })
	}
}

func TestFlags(t *testing.T) {
	setFlags(t, "allow", "^sk_live_Gq8", "entropy", "4.5", "comments", "false")
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "flags")
}

func TestTestsFlag(t *testing.T) {
	setFlags(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "testsflag")
}

func TestCustomRules(t *testing.T) {
	setFlags(t, "config", "testdata/extra.toml")
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "customrules")
}

// A config that does not parse, or whose pattern does not compile, is an
// error when the flag is set, never a panic and never a silent default.
func TestBadConfig(t *testing.T) {
	f := hardcodedsecret.Analyzer.Flags.Lookup("config")
	for _, path := range []string{"testdata/bad.toml", "testdata/badregex.toml", "testdata/missing.toml"} {
		err := f.Value.Set(path)
		if err == nil {
			t.Errorf("-config=%s: no error", path)
			continue
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("-config=%s: error %q does not name the file", path, err)
		}
		if f.Value.String() != "" {
			t.Errorf("-config=%s: flag kept the bad value %q", path, f.Value.String())
		}
	}
}

func TestScanText(t *testing.T) {
	tests := []struct {
		file, path string // path is where the file is said to be
		want       []string
	}{
		{"config.yaml", "deploy/config.yaml", []string{
			`5:15 stripe-access-token "sk_l…"`,
			`7:10 github-pat "ghp_…"`,
			`9:26 password in URL "0Jj…"`,
		}},
		{"Dockerfile", "Dockerfile", []string{`2:21 slack-bot-token "xoxb…"`}},
		{"service.env", "service.env", []string{
			`2:20 generic password "Zq8#…"`,
			`5:17 generic-api-key "k3P9…"`,
		}},
		{"client.json", "deploy/client.json", []string{`3:21 generic-api-key "Vx7q…"`}},
		{"clean.env", ".env", nil},
		{"keybindings.json", ".vscode/keybindings.json", nil},
		{"binary.bin", "bin/tool", nil},
		{"config.yaml", "internal/testdata/config.yaml", nil},
		{"config.yaml", "main.go", nil}, // Go source is the analyzer's
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", "text", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		found, err := hardcodedsecret.ScanText(tt.path, data)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		var got []string
		for _, s := range found {
			got = append(got, fmt.Sprintf("%d:%d %s %q", s.Line, s.Column, s.Rule, s.Redacted))
			if strings.Count(s.Message(), "…") != 1 || len(s.Redacted) > 8 {
				t.Errorf("%s: message %q shows too much", tt.path, s.Message())
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.path, got, tt.want)
		}
	}
}

// -allow exempts the secrets it matches, not every secret of the file.
func TestScanTextAllow(t *testing.T) {
	setFlags(t, "allow", "ghp_")
	data, err := os.ReadFile(filepath.Join("testdata", "text", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	found, err := hardcodedsecret.ScanText("deploy/config.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, s := range found {
		rules = append(rules, s.Rule)
	}
	if want := []string{"stripe-access-token", "password in URL"}; !slices.Equal(rules, want) {
		t.Errorf("with -allow ghp_: %q, want %q", rules, want)
	}
}

// TestStopwords checks that gitleaks' stopwords still exempt a value
// from its generic rule, those of the rule's allowlist and those of the
// global one alike, although seclint keeps them out of gitleaks' tries.
// (seclint's own rule for credential names still judges such values.)
func TestStopwords(t *testing.T) {
	data := []byte(`SESSION_SECRET='k3P9vQ2xL7mZ4tR8wN6y'
SESSION_SECRET='k3P9vQ2x_ec2_L7mZ4tR8wN6y'
SESSION_SECRET='k3P9abcdefghijklmnopqrstuvwxyzZ4tR8wN6y'
`)
	found, err := hardcodedsecret.ScanText("service.env", data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, s := range found {
		if s.Rule == "generic-api-key" {
			lines = append(lines, s.Line)
		}
	}
	if !slices.Equal(lines, []int{1}) {
		t.Errorf("generic-api-key matched lines %v, want line 1 only", lines)
	}
}
