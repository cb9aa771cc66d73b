package rule

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// Text renders the rule's documentation as plain text, for `seclint help`
// and SARIF's help.text. Markdown renders the same content for the rule
// pages and SARIF's help.markdown; both come from the one Doc value.
func (r *Rule) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.Name(), r.Compiled.Title)
	fmt.Fprintf(&b, "%s, severity %s\n%s\n\n", r.CWEs(), r.Severity, r.Analyzer.URL)
	fmt.Fprintf(&b, "%s\n", r.Compiled.Text)
	if r.Compiled.Before != "" {
		fmt.Fprintf(&b, "\nBad:\n\n%s\n\nGood:\n\n%s\n", indent(r.Compiled.Before), indent(r.Compiled.After))
	}
	fmt.Fprintf(&b, "\nOptions:\n\n")
	r.visitOptions(func(f *flag.Flag) {
		fmt.Fprintf(&b, "    -%s.%s (default %s)\n        %s\n", r.Name(), f.Name, defValue(f), f.Usage)
	})
	if r.Compliant != "" {
		fmt.Fprintf(&b, "\nCompliant pattern: %s\n", r.Compliant)
	}
	return b.String()
}

// Markdown renders the rule page.
func (r *Rule) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.Name(), r.Compiled.TitleMarkdown)
	links := make([]string, len(r.CWE))
	for i, id := range r.CWE {
		links[i] = fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", id, id)
	}
	fmt.Fprintf(&b, "| CWE | Severity |\n|---|---|\n| %s | %s |\n\n", strings.Join(links, ", "), r.Severity)
	fmt.Fprintf(&b, "%s\n", r.Compiled.TextMarkdown)
	if r.Compiled.Before != "" {
		fmt.Fprintf(&b, "\n## Bad\n\n```go\n%s\n```\n\n## Good\n\n```go\n%s\n```\n", r.Compiled.Before, r.Compiled.After)
	}
	fmt.Fprintf(&b, "\n## Options\n\n| flag | default | meaning |\n|---|---|---|\n")
	r.visitOptions(func(f *flag.Flag) {
		fmt.Fprintf(&b, "| `-%s.%s` | `%s` | %s |\n", r.Name(), f.Name, defValue(f), f.Usage)
	})
	if r.Compliant != "" {
		fmt.Fprintf(&b, "\n## Compliant pattern\n\n[`%s`](../../%s) shows how to do it right.\n",
			r.Compliant, r.Compliant)
	}
	fmt.Fprintf(&b, "\n## Suppressing\n\n```go\n//seclint:ignore %s why this finding does not apply here\n```\n", r.Name())
	return b.String()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// defValue is the flag's default, quoted when it is an empty string.
func defValue(f *flag.Flag) string {
	if f.DefValue == "" {
		return strconv.Quote("")
	}
	return f.DefValue
}

// visitOptions visits the flags a user sets. FlagNamed is left out: the
// hosts that need it set it themselves.
func (r *Rule) visitOptions(fn func(*flag.Flag)) {
	r.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if f.Name != FlagNamed {
			fn(f)
		}
	})
}
