package hardcodedsecret

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/zricethezav/gitleaks/v8/detect"

	"github.com/scaile/seclint/analyzers/rule"
)

// A TextSecret is a secret found in a file that is not Go source: a YAML
// or JSON config, a .env file, a shell script, a Dockerfile.
type TextSecret struct {
	Line, Column int    // where the secret starts, from 1; Column counts bytes
	Rule         string // the gitleaks rule ID, or "password in URL"
	Redacted     string // the secret's first characters, never all of it
}

// Message is the finding's text, in the words the analyzer uses.
func (s TextSecret) Message() string {
	return fmt.Sprintf("secret (%s) %q in a file; remove it, revoke it and load it "+
		"from the environment or a secret store", s.Rule, s.Redacted)
}

// ScanText returns the secrets in data, the contents of the file at path,
// judged with the analyzer's current flags: -config extends the rules,
// -allow exempts values, and -tests keeps files under testdata. Path
// allowlists of the rules apply to path. Binary files and Go source,
// which the analyzer reads with its types, yield nothing.
func ScanText(path string, data []byte) ([]TextSecret, error) {
	opts, err := readOptions(Analyzer)
	if err != nil {
		return nil, err
	}
	if filepath.Ext(path) == ".go" || isBinary(data) {
		return nil, nil
	}
	if !opts.tests && slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "testdata") {
		return nil, nil // fixtures, as for Go files
	}
	text := string(data)
	lines := strings.SplitAfter(text, "\n")

	var ms []match
	for _, f := range opts.engine.det.Detect(detect.Fragment{Raw: text, FilePath: path}) {
		ms = append(ms, match{rule: f.RuleID, secret: f.Secret, line: f.StartLine})
	}
	// A match is judged with its own line as the value, so that -allow
	// exempts a secret or its line, never the whole file.
	c := &checker{opts: opts}
	ignored := func(m match) bool {
		line := ""
		if m.line >= 0 && m.line < len(lines) {
			line = lines[m.line]
		}
		return c.ignored(&candidate{value: line}, m)
	}
	var out []TextSecret
	seen := make(map[[2]int]bool)
	for _, f := range eachSecret(slices.DeleteFunc(ms, ignored)) {
		if s, ok := locate(lines, f.line, f.secret, f.rule); ok && !seen[[2]int{s.Line, s.Column}] {
			seen[[2]int{s.Line, s.Column}] = true
			out = append(out, s)
		}
	}

	// Passwords in URLs, line by line, where no rule matched already.
	for i, l := range lines {
		pw, ok := urlPassword(l)
		if !ok || c.allowed(&candidate{value: l}, pw) {
			continue
		}
		if s, ok := locate(lines, i, pw, "password in URL"); ok && !seen[[2]int{s.Line, s.Column}] {
			seen[[2]int{s.Line, s.Column}] = true
			out = append(out, s)
		}
	}
	// Random values bound to a credential name, as the analyzer judges
	// them in Go: DB_PASSWORD=..., "client_secret": "...", token: ...
	hit := make(map[int]bool)
	for _, s := range out {
		hit[s.Line] = true
	}
	for i, l := range lines {
		if hit[i+1] {
			continue
		}
		name, value, ok := assignment(l)
		if !ok {
			continue
		}
		kind := credentialKind(name)
		if kind == "" || !looksSecret(value, opts.minEntropy) || c.allowed(&candidate{value: l}, value) {
			continue
		}
		if s, ok := locate(lines, i, value, "generic "+kind); ok {
			out = append(out, s)
		}
	}

	slices.SortFunc(out, func(a, b TextSecret) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out, nil
}

// assignLine matches a name given a value on one line, in the forms of
// .env and shell files, YAML, JSON, TOML and INI: NAME=value,
// export NAME="value", name: value, "name": "value".
var assignLine = regexp.MustCompile(`^\s*(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*` +
	`(?:"([^"]*)"|'([^']*)'|([^\s"']+?))[,;]?(?:\s+#.*)?\s*$`)

// assignment returns the name and value of line if it binds one.
func assignment(line string) (name, value string, ok bool) {
	m := assignLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2] + m[3] + m[4], true
}

// locate finds secret on line i (from 0) of lines, or on a later line
// when the rule's match started earlier than the secret itself.
func locate(lines []string, i int, secret, rule string) (TextSecret, bool) {
	first, _, _ := strings.Cut(secret, "\n")
	for j := max(i, 0); j < len(lines) && j <= i+64; j++ {
		if col := strings.Index(lines[j], first); col >= 0 {
			return TextSecret{Line: j + 1, Column: col + 1, Rule: rule, Redacted: redact(secret)}, true
		}
	}
	return TextSecret{}, false
}

// isBinary reports whether data looks like a binary file: a NUL byte in
// its first 8 KiB, as git judges.
func isBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0
}

// ScanExcludedGo returns the secrets in a Go file that the build leaves
// out (x_windows.go on Linux, //go:build ignore), which no package holds
// and so no pass sees. Without types, it scans the file's string literals
// and, under -comments, its comments with gitleaks' provider rules only:
// the generic rules and the credential-name check need the context that
// the type checker gives. //seclint:ignore directives for the rule apply.
// A file that does not parse yields nothing.
func ScanExcludedGo(path string, data []byte) ([]TextSecret, error) {
	opts, err := readOptions(Analyzer)
	if err != nil {
		return nil, err
	}
	if !opts.tests && slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "testdata") {
		return nil, nil // fixtures, as for Go files
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, data, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil
	}
	var texts []string
	var prose []bool
	var at []token.Pos
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.BasicLit:
			if v, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && strings.TrimSpace(v) != "" {
				texts, prose, at = append(texts, v), append(prose, false), append(at, n.Pos())
			}
		}
		return true
	})
	if opts.comments {
		for _, g := range file.Comments {
			texts, prose, at = append(texts, g.Text()), append(prose, true), append(at, g.Pos())
		}
	}
	dirs := rule.ParseDirectives(fset, file)
	c := &checker{opts: opts}
	var out []TextSecret
	for i, ms := range opts.engine.scan(texts, prose) {
		cand := &candidate{value: texts[i], comment: prose[i]}
		ms = slices.DeleteFunc(ms, func(m match) bool {
			return strings.HasPrefix(m.rule, "generic") || c.ignored(cand, m)
		})
		if len(ms) == 0 {
			continue
		}
		f := best(ms)
		posn := fset.Position(at[i])
		if prose[i] || f.line > 0 {
			// Find the secret's own line in the source.
			lines := strings.SplitAfter(string(data), "\n")
			if s, ok := locate(lines, posn.Line-1, f.secret, f.rule); ok {
				posn.Line, posn.Column = s.Line, s.Column
			}
		}
		if suppressed(dirs, posn.Line) {
			continue
		}
		what := f.rule
		if f.more > 0 {
			what += fmt.Sprintf(" and %d more", f.more)
		}
		out = append(out, TextSecret{Line: posn.Line, Column: posn.Column, Rule: what, Redacted: redact(f.secret)})
	}
	return out, nil
}

// suppressed reports whether a //seclint:ignore directive silences the
// rule on line.
func suppressed(dirs []*rule.Directive, line int) bool {
	return slices.ContainsFunc(dirs, func(d *rule.Directive) bool { return d.Silences(Analyzer.Name, line) })
}
