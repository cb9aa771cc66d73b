package analyzers_test

import (
	"flag"
	"os"
	"path/filepath"
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
	if r.Compliant != "" {
		if _, err := os.Stat(filepath.Join("..", r.Compliant)); err != nil || !strings.HasPrefix(r.Compliant, "secureclient/") {
			t.Errorf("%s: compliant pattern %q is not a file of secureclient", name, r.Compliant)
		}
	}
	if analyzers.Lookup(name) != r {
		t.Errorf("Lookup(%q) does not return the rule", name)
	}
}

var update = flag.Bool("update", false, "rewrite the rule pages under docs/rules")

// TestRulePages checks that docs/rules holds one page per rule, rendered
// from the rule's documentation value, so the pages, `seclint help` and
// SARIF help cannot drift apart. Run `go test ./analyzers -update` after
// changing a rule's Doc.
func TestRulePages(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := make(map[string]bool)
	for _, r := range analyzers.Rules() {
		name := r.Name() + ".md"
		want[name] = true
		path := filepath.Join(dir, name)
		page := r.Markdown()
		if *update {
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != page {
			t.Errorf("%s is missing or stale; run go test ./analyzers -update", path)
		}
		// The help text and the page carry the same content.
		first, _, _ := strings.Cut(r.Compiled.Before, "\n")
		for _, part := range []string{r.Compiled.Title, r.CWEs(), first} {
			if !strings.Contains(r.Text(), part) {
				t.Errorf("%s: help text lacks %q", r.Name(), part)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("%s has no rule; remove it", filepath.Join(dir, e.Name()))
		}
	}
}

// TestREADMETable checks that the rules table of README.md lists exactly
// the registered rules, each with its CWE IDs.
func TestREADMETable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "<!-- rules:")
	table, _, ok2 := strings.Cut(table, "<!-- end rules -->")
	if !ok || !ok2 {
		t.Fatal("README.md has no rules table between its markers")
	}
	rows := make(map[string]string)
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		rows[strings.Trim(strings.TrimSpace(cells[1]), "`")] = strings.TrimSpace(cells[3])
	}
	for _, r := range analyzers.Rules() {
		cwe, ok := rows[r.Name()]
		if !ok {
			t.Errorf("README.md does not list %s", r.Name())
			continue
		}
		delete(rows, r.Name())
		if want := strings.ReplaceAll(r.CWEs(), "CWE-", ""); cwe != want {
			t.Errorf("README.md gives %s the CWEs %q, want %q", r.Name(), cwe, want)
		}
	}
	for name := range rows {
		t.Errorf("README.md lists %s, which is not a rule", name)
	}
}
