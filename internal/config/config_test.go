package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/rule"
)

func newRules() []*rule.Rule {
	var rules []*rule.Rule
	for _, name := range []string{"alpha", "beta", "gamma"} {
		a := &analysis.Analyzer{Name: name, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		a.Flags.String("mode", "off", "a string option")
		rules = append(rules, rule.New(a, rule.Meta{
			CWE: []int{1}, Severity: rule.Low,
			Doc: &lint.RawDocumentation{Title: "check " + name, Text: "Text."},
		}))
	}
	return rules
}

func names(as []*analysis.Analyzer) string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return strings.Join(ns, ",")
}

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		yaml, want string
	}{
		{"", "alpha,beta,gamma"},
		{"disable: [beta]", "alpha,gamma"},
		{"enable: [gamma, alpha]", "alpha,gamma"},
		{"enable: [alpha, beta]\ndisable: [beta]", "alpha"},
	} {
		s, err := decode([]byte(tc.yaml))
		if err != nil {
			t.Fatalf("decode(%q): %v", tc.yaml, err)
		}
		as, err := s.Select(newRules())
		if err != nil {
			t.Fatalf("Select(%q): %v", tc.yaml, err)
		}
		if got := names(as); got != tc.want {
			t.Errorf("Select(%q) = %s, want %s", tc.yaml, got, tc.want)
		}
	}
}

func TestOptions(t *testing.T) {
	rules := newRules()
	s, err := FromMap(map[string]any{
		"options": map[string]any{
			"beta": map[string]any{"mode": []any{"a", "b"}, "tests": true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Select(rules); err != nil {
		t.Fatal(err)
	}
	beta := rules[1].Analyzer
	if got := beta.Flags.Lookup("mode").Value.String(); got != "a,b" {
		t.Errorf("beta.mode = %q, want a,b", got)
	}
	if got := beta.Flags.Lookup(rule.FlagTests).Value.String(); got != "true" {
		t.Errorf("beta.tests = %q, want true", got)
	}
	if got := rules[0].Analyzer.Flags.Lookup("mode").Value.String(); got != "off" {
		t.Errorf("alpha.mode changed to %q", got)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, msg string }{
		{"enabel: [alpha]", "field enabel not found"},
		{"enable: [delta]", `enable: no rule named "delta"`},
		{"disable: [delta]", `disable: no rule named "delta"`},
		{"options: {delta: {mode: x}}", `options: no rule named "delta"`},
		{"options: {alpha: {colour: x}}", `rule has no option "colour"`},
		{"options: {alpha: {tests: maybe}}", "options.alpha.tests"},
		{"exclude: ['[']", "bad exclude pattern"},
		{"enable: alpha: beta", "invalid settings"},
	} {
		s, err := decode([]byte(tc.yaml))
		if err == nil {
			_, err = s.Select(newRules())
		}
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%q: error %v, want one containing %q", tc.yaml, err, tc.msg)
		}
	}
}

func TestLoadAndExclude(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte("exclude: ['gen/**', '**/*_mock.go']\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"gen/a/b.go":           true,
		"pkg/store_mock.go":    true,
		"pkg/store.go":         false,
		"generated/x.go":       false,
		"cmd/gen/main_mock.go": true,
	} {
		if got := s.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yml")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}
