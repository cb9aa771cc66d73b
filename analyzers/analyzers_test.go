package analyzers_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/scaile/seclint/analyzers"
	"github.com/scaile/seclint/analyzers/rule"
)

var lowerWord = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

func TestRegistry(t *testing.T) {
	rules := analyzers.Rules()
	if len(rules) == 0 {
		t.Fatal("no rules registered")
	}
	if err := analysis.Validate(analyzers.Analyzers()); err != nil {
		t.Fatalf("invalid analyzers: %v", err)
	}
	seen := make(map[string]bool)
	for _, r := range rules {
		name := r.Name()
		if seen[name] {
			t.Errorf("rule %s registered twice", name)
		}
		seen[name] = true
		if !lowerWord.MatchString(name) {
			t.Errorf("rule name %q is not one lowercase word", name)
		}
		checkMeta(t, r)
	}
	names := slices.Collect(func(yield func(string) bool) {
		for _, r := range rules {
			if !yield(r.Name()) {
				return
			}
		}
	})
	if !slices.IsSorted(names) {
		t.Errorf("rules are not sorted by name: %v", names)
	}
}

func checkMeta(t *testing.T, r *rule.Rule) {
	t.Helper()
	name := r.Name()
	title := r.Compiled.Title
	switch {
	case title == "":
		t.Errorf("%s: no title", name)
	case len(title) > 60:
		t.Errorf("%s: title longer than 60 characters: %q", name, title)
	case strings.HasSuffix(title, "."):
		t.Errorf("%s: title ends with a period: %q", name, title)
	case title != strings.ToLower(title[:1])+title[1:]:
		t.Errorf("%s: title does not start lowercase: %q", name, title)
	}
	if r.Compiled.Text == "" {
		t.Errorf("%s: no documentation text", name)
	}
	if !strings.HasPrefix(r.Analyzer.Doc, title) {
		t.Errorf("%s: Analyzer.Doc does not start with the title", name)
	}
	if len(r.CWE) == 0 {
		t.Errorf("%s: no CWE", name)
	}
	if r.Analyzer.URL != rule.DocsBase+name+".md" {
		t.Errorf("%s: URL %q", name, r.Analyzer.URL)
	}
	if analyzers.Lookup(name) != r {
		t.Errorf("Lookup(%q) does not return the rule", name)
	}
}
