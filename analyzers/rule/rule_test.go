package rule_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/rule"
)

// toy reports every call to a package-level function named bad. It stands
// in for a real rule so that the shared filter can be tested alone.
func newToy() (*analysis.Analyzer, *rule.Rule) {
	a := &analysis.Analyzer{
		Name:     "toy",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
				call := n.(*ast.CallExpr)
				if fn := typeutil.StaticCallee(pass.TypesInfo, call); fn != nil && fn.Name() == "bad" {
					pass.Reportf(call.Pos(), "call to bad")
				}
			})
			return nil, nil
		},
	}
	r := rule.New(a, rule.Meta{
		CWE:      []int{1},
		Severity: rule.Low,
		Doc:      &lint.RawDocumentation{Title: "check for calls to bad", Text: "Calls to bad are bad."},
	})
	return a, r
}

func TestDirectives(t *testing.T) {
	a, _ := newToy()
	results := analysistest.Run(t, analysistest.TestData(), a, "directives")
	out := results[0].Result.(*rule.Outcome)
	if len(out.Used) != 2 {
		t.Errorf("%d directives used, want 2", len(out.Used))
	}
	for _, d := range out.Used {
		if d.Reason == "" || d.Names[0] != "toy" {
			t.Errorf("used directive %+v", d)
		}
	}
}

func TestScope(t *testing.T) {
	a, _ := newToy()
	analysistest.Run(t, analysistest.TestData(), a, "scope")
}

func TestScopeWithTestsAndGenerated(t *testing.T) {
	a, _ := newToy()
	for _, name := range []string{rule.FlagTests, rule.FlagGenerated} {
		if err := a.Flags.Set(name, "true"); err != nil {
			t.Fatal(err)
		}
	}
	// The same package, now with every file in scope. Its want comments
	// describe the default, so findings are counted instead; the package
	// and its test variant share files, so count positions.
	results := analysistest.Run(&nopT{}, analysistest.TestData(), a, "scope")
	lines := make(map[string]bool)
	for _, res := range results {
		for _, d := range res.Diagnostics {
			lines[res.Pass.Fset.Position(d.Pos).String()] = true
		}
	}
	if len(lines) != 6 {
		t.Errorf("findings at %v with tests and generated files kept, want 6", lines)
	}
}

func TestMeta(t *testing.T) {
	a, r := newToy()
	if a.Doc == "" || !strings.HasPrefix(a.Doc, "check for calls to bad") {
		t.Errorf("Doc = %q", a.Doc)
	}
	if a.URL != rule.DocsBase+"toy.md" {
		t.Errorf("URL = %q", a.URL)
	}
	if r.CWEs() != "CWE-1" || r.Name() != "toy" {
		t.Errorf("CWEs() = %q, Name() = %q", r.CWEs(), r.Name())
	}
	for _, name := range []string{rule.FlagTests, rule.FlagGenerated} {
		if a.Flags.Lookup(name) == nil {
			t.Errorf("flag %s not registered", name)
		}
	}
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Error(err)
	}
}

func TestNewPanicsWithoutMetadata(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New accepted a rule without CWE")
		}
	}()
	a := &analysis.Analyzer{Name: "nometa", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	rule.New(a, rule.Meta{Severity: rule.Low, Doc: &lint.RawDocumentation{Title: "t"}})
}

// nopT swallows analysistest's complaints about unexpected diagnostics,
// for runs whose findings are counted instead.
type nopT struct{}

func (*nopT) Errorf(string, ...any) {}

// With -named, as go vet and golangci-lint run the rules, every message
// starts with the rule's name.
func TestNamed(t *testing.T) {
	a, _ := newToy()
	if err := a.Flags.Set(rule.FlagNamed, "true"); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(&nopT{}, analysistest.TestData(), a, "scope")
	n := 0
	for _, res := range results {
		for _, d := range res.Diagnostics {
			n++
			if !strings.HasPrefix(d.Message, "toy: ") {
				t.Errorf("message %q does not start with the rule's name", d.Message)
			}
		}
	}
	if n == 0 {
		t.Error("no findings")
	}
}
