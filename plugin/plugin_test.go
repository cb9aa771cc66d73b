package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("seclint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != len(analyzers.Rules()) {
		t.Errorf("%d analyzers, want every rule (%d)", len(as), len(analyzers.Rules()))
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}

func TestSettings(t *testing.T) {
	first := analyzers.Rules()[0].Name()
	p, err := New(map[string]any{"disable": []any{first}})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	for _, a := range as {
		if a.Name == first {
			t.Errorf("%s still enabled after disable", first)
		}
	}
	for _, tc := range []struct {
		settings map[string]any
		msg      string
	}{
		{map[string]any{"disabel": []any{first}}, "field disabel not found"},
		{map[string]any{"enable": []any{"nosuchrule"}}, `no rule named "nosuchrule"`},
		{map[string]any{"exclude": []any{"gen/**"}}, "exclude is not a plugin setting"},
	} {
		if _, err := New(tc.settings); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("New(%v) error %v, want %q", tc.settings, err, tc.msg)
		}
	}
}

// golangci-lint puts the rule's name before each message itself (the
// end-to-end test checks it appears once); the rules must not add it too.
func TestUnnamedMessages(t *testing.T) {
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	for _, a := range as {
		if f := a.Flags.Lookup(rule.FlagNamed); f == nil || f.Value.String() != "false" {
			t.Errorf("%s: -%s is set", a.Name, rule.FlagNamed)
		}
	}
}
