package hardcodedsecret

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedsecret",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/config.go",
	CWE:       []int{798},
	Severity:  rule.High,
	// A key in a generated file is leaked all the same.
	KeepGenerated: true,
	Doc: &lint.RawDocumentation{
		Title: "check for secrets hardcoded in string literals and comments",
		Text: `Reports API keys, tokens, private keys, passwords and URLs with a
password that are written into the source as string constants or in
comments. A secret in source code reaches every clone, fork, build log and
binary, and cannot be rotated without a release (CWE-798, use of
hard-coded credentials). Load secrets from the environment or a secret
manager instead.

The values scanned are the string constants as the type checker sees
them: literals, raw strings, []byte("…") conversions, elements of struct,
map and slice literals, call arguments, fallback values and constant
concatenations ("sk_" + "live_…", including constants declared in another
file or package). Each value goes through gitleaks' default rules (about
220 provider formats: cloud keys, source-host, chat and payment tokens, AI
API keys, PEM private keys, JWTs, …) and through a check for passwords in
the user info of URLs.

A value bound to a credential name (a variable, field, map key, parameter
or the key argument before it, such as Header.Set("X-Api-Key", v),
whose last word is password, pwd, pw, secret, token, bearer,
authorization, credential, cred, or key after api, private, priv,
secret, access, signing, sign, sig, auth, client, master, encryption,
enc, aes, hmac, jwt, session, cookie or csrf) is also reported when no
provider rule knows its format, if it is at least 8 characters long, a
single word, not made of letters alone, and random enough (Shannon
entropy at or above -entropy). The name alone never makes a finding, and
names are matched by words, a trailing number aside (token2,
password_1): maxTokens, passwordMinLength, Passthrough and secretaryName
are not credential names.

A constant passed where a secret key goes is reported whatever it looks
like, because the call says what it is: the key of hmac.New,
aes.NewCipher, des.NewCipher, des.NewTripleDESCipher, rc4.NewCipher and
x/crypto's chacha20poly1305.New and NewX; the key given to
(*jwt.Token).SignedString or returned by the key function of jwt.Parse
and ParseWithClaims (golang-jwt v4 and v5, dgrijalva/jwt-go); and the
keys of gorilla's securecookie.New, sessions.NewCookieStore,
sessions.NewFilesystemStore and csrf.Protect. The constant is followed
through conversions, named constants and variables of the package that
are set once and never changed, and reported where it is written. A key
that contains a space is a published label that keeps one construction's
uses apart (HMAC-SHA512 keyed with "Bitcoin seed" in BIP-32), not a
secret.

Never reported: environment variable names (os.Getenv("API_KEY")),
regular expressions passed to package regexp, placeholders (changeme,
<your-key>, xxxx, ${TOKEN}, REPLACE_ME, anything with "example"),
providers' documentation keys, empty strings, format strings and
templates, UUIDs and hashes that are not bound to a credential name,
password hashes in modular crypt format ($2a$..., $argon2id$...), which
are what a server stores in place of a secret, names, routes and labels,
values of gitleaks' generic rules made of letter words and separators
(a key binding such as "key": "ctrl+shift+down"), header and field names that end in a
credential word (headerSessionToken = "x-amz-s3session-token"), words
and numbers passed to a parameter named as a credential
(hasToken(h, "100-continue")), URL syntax such as [user[:pwd]@], and
packages under a testdata directory. In comments, which illustrate
formats, a URL's password is reported only when it looks random.

Each secret is reported once, where it is written, with the rule that
matched it and at most its first four characters. Where the literal is an
expression, a suggested fix replaces it with os.Getenv("NAME"), NAME taken
from the credential name (apiKey becomes API_KEY) or the rule.

Findings in generated files are kept (the generated flag defaults to
true); findings in test files are dropped unless -tests is set.

Go files that the build leaves out (x_windows.go on Linux, a
//go:build ignore program, a directory of such files) belong to no
package, so no pass sees them. The seclint command scans them too, in
every run and in the pre-commit hook: without types, only their string
literals and comments, and only with the provider rules, so a generic
or name-based finding needs the file built (GOOS=windows seclint ./...).

Test vectors and fixture keys in test files are secrets by their
format and are reported under -tests; suppress them with a reason.

Limitations: values are checked where they are written, so a secret
assembled at run time (strings.Join, fmt.Sprintf, a byte slice built
element by element, base64 decoding) is not seen, and the credential-name
check looks only at the immediate context of a literal: a password
assigned to a variable named v after os.Getenv("PASSWORD") returned ""
is missed unless a provider rule knows its format.`,
		Before: `var client = github.NewClient(nil).WithAuthToken("ghp_…")`,
		After:  `var client = github.NewClient(nil).WithAuthToken(os.Getenv("GITHUB_TOKEN"))`,
		Options: []string{
			"hardcodedsecret.entropy",
			"hardcodedsecret.allow",
			"hardcodedsecret.config",
			"hardcodedsecret.comments",
		},
	},
})

// Names of the analyzer's own flags.
const (
	flagEntropy  = "entropy"
	flagAllow    = "allow"
	flagConfig   = "config"
	flagComments = "comments"
)

func init() {
	Analyzer.Flags.Float64(flagEntropy, 3.0,
		"minimum Shannon entropy, in bits per character, of a value bound to a credential name")
	Analyzer.Flags.String(flagAllow, "",
		"regular expression of values or secrets never to report")
	Analyzer.Flags.Var(new(configFlag), flagConfig,
		"path to a gitleaks TOML config whose rules and allowlists extend the default rules")
	Analyzer.Flags.Bool(flagComments, true, "also scan comments")
	rule.Validate(&Analyzer.Flags, flagEntropy, func(v string) error {
		if e, err := strconv.ParseFloat(v, 64); err == nil && (e < 0 || e > 8) {
			return errors.New("want bits per character, from 0 to 8")
		}
		return nil // the float flag reports what does not parse
	})
	rule.Validate(&Analyzer.Flags, flagAllow, func(v string) error {
		_, err := regexp.Compile(v)
		return err
	})
}

// configFlag holds the -config path and the engine built from it. Set
// runs while flags are parsed, before any pass, and builds the engine at
// once, so that a missing or malformed config is a usage error rather
// than a failure of every pass; the engine is only read afterwards.
type configFlag struct {
	path string
	eng  *engine
}

func (f *configFlag) String() string { return f.path }

func (f *configFlag) Set(path string) error {
	if path == "" {
		f.path, f.eng = "", nil
		return nil
	}
	eng, err := newEngine(path)
	if err != nil {
		return err
	}
	f.path, f.eng = path, eng
	return nil
}

func (f *configFlag) engine() (*engine, error) {
	if f.eng == nil {
		return defaultEngine()
	}
	return f.eng, nil
}

// options are the flag values of one run.
type options struct {
	minEntropy float64
	allow      *regexp.Regexp // nil: allow nothing extra
	comments   bool
	tests      bool
	engine     *engine
}

// readOptions reads the flags of a, the running analyzer. (Reading
// Analyzer itself from run would make an initialization cycle.)
func readOptions(a *analysis.Analyzer) (*options, error) {
	flags := &a.Flags
	get := func(name string) string { return flags.Lookup(name).Value.String() }
	o := &options{
		comments: get(flagComments) == "true",
		tests:    get(rule.FlagTests) == "true",
	}
	if _, err := fmt.Sscan(get(flagEntropy), &o.minEntropy); err != nil {
		return nil, fmt.Errorf("-%s: %w", flagEntropy, err)
	}
	if pat := get(flagAllow); pat != "" {
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("-%s: %w", flagAllow, err)
		}
		o.allow = re
	}
	e, err := flags.Lookup(flagConfig).Value.(*configFlag).engine()
	if err != nil {
		return nil, fmt.Errorf("-%s: %w", flagConfig, err)
	}
	o.engine = e
	return o, nil
}

func run(pass *analysis.Pass) (any, error) {
	opts, err := readOptions(pass.Analyzer)
	if err != nil {
		return nil, err
	}
	for _, seg := range strings.Split(pass.Pkg.Path(), "/") {
		if seg == "testdata" {
			return nil, nil // fixtures, out of scope like for the go tool
		}
	}

	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	reported := make(map[token.Pos]bool)
	var files []inspector.Cursor
	for cur := range in.Root().Children() {
		file := cur.Node().(*ast.File)
		name := pass.Fset.File(file.Pos()).Name()
		if !opts.tests && rule.IsTestFile(name, file) {
			continue // the shared filter would drop the findings anyway
		}
		files = append(files, cur)
		c := &checker{pass: pass, opts: opts, file: file, reported: reported}
		c.collect(cur)
		if opts.comments {
			c.collectComments()
		}
		c.judge()
	}

	// Then constants passed as keys, which may be written in a file
	// judged above: those already reported are not reported again.
	if !importsKeySink(pass.Pkg) {
		return nil, nil
	}
	k := newKeys(pass, opts, in, reported)
	for _, file := range files {
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			k.check(cur.Node().(*ast.CallExpr))
		}
	}
	return nil, nil
}

// A candidate is one string value that may hold a secret.
type candidate struct {
	node     ast.Node // string literal, constant expression or comment
	value    string
	comment  bool
	lines    []token.Pos // for a comment: where each line of value starts
	name     string      // credential name the value is bound to, or ""
	kind     string      // kind of secret the name holds, or ""
	near     string      // nearest name the value is bound to, or ""
	fixable  bool        // the node may be replaced by a call
	byCallee bool        // name is the callee's parameter or function name
	// parts are the values of named constants folded into value; a
	// secret inside one is reported where that constant is declared.
	parts []string
}

// checker collects and judges the candidates of one file.
type checker struct {
	pass     *analysis.Pass
	opts     *options
	file     *ast.File
	cands    []*candidate
	reported map[token.Pos]bool // where secrets were reported
}

var collectTypes = []ast.Node{
	(*ast.ImportSpec)(nil),
	(*ast.CallExpr)(nil),
	(*ast.BasicLit)(nil),
	(*ast.BinaryExpr)(nil),
}

// collect gathers the string values of a file: each maximal constant
// string expression once, so that a folded concatenation is scanned as a
// whole and its literal operands are not scanned again.
func (c *checker) collect(file inspector.Cursor) {
	file.Inspect(collectTypes, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.ImportSpec:
			return false // import paths
		case *ast.CallExpr:
			return !c.namesNoSecret(n)
		case *ast.BasicLit:
			if n.Kind == token.STRING && cur.ParentEdgeKind() != edge.Field_Tag {
				c.add(cur, n)
			}
		case *ast.BinaryExpr:
			if _, ok := c.constString(n); ok {
				c.add(cur, n)
				return false
			}
		}
		return true
	})
}

// noSecretArgs are functions whose string arguments name or describe a
// secret without holding one: environment variable names and patterns.
var noSecretArgs = map[string]bool{
	"os.Getenv":                              true,
	"os.LookupEnv":                           true,
	"os.Unsetenv":                            true,
	"syscall.Getenv":                         true,
	"regexp.Compile":                         true,
	"regexp.MustCompile":                     true,
	"regexp.CompilePOSIX":                    true,
	"regexp.MustCompilePOSIX":                true,
	"regexp.MatchString":                     true,
	"regexp.Match":                           true,
	"regexp/syntax.Parse":                    true,
	"github.com/dlclark/regexp2.MustCompile": true,
	"github.com/dlclark/regexp2.Compile":     true,
}

func (c *checker) namesNoSecret(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return ok && noSecretArgs[fn.FullName()]
}

// constString returns the constant string value of e, if it has one.
func (c *checker) constString(e ast.Expr) (string, bool) {
	return code.ExprToString(c.pass, e)
}

func (c *checker) add(cur inspector.Cursor, e ast.Expr) {
	v, ok := c.constString(e)
	if !ok || strings.TrimSpace(v) == "" {
		return // empty, or not a constant (a string in dead code)
	}
	cand := &candidate{node: e, value: v, fixable: c.fixable(cur, e)}
	names, strong := c.names(cur)
	for i, name := range names {
		if kind := credentialKind(name); kind != "" {
			cand.name, cand.kind, cand.byCallee = name, kind, i >= strong
			break
		}
	}
	if len(names) > 0 {
		cand.near = names[0]
	}
	if b, ok := e.(*ast.BinaryExpr); ok {
		cand.parts = c.namedParts(b, nil)
	}
	c.cands = append(c.cands, cand)
}

// namedParts returns the values of the named constants folded into b.
func (c *checker) namedParts(b *ast.BinaryExpr, parts []string) []string {
	for _, op := range []ast.Expr{b.X, b.Y} {
		switch op := ast.Unparen(op).(type) {
		case *ast.BinaryExpr:
			parts = c.namedParts(op, parts)
		case *ast.Ident, *ast.SelectorExpr:
			if v, ok := c.constString(op); ok {
				parts = append(parts, v)
			}
		}
	}
	return parts
}

// collectComments gathers one text per comment group, markers removed,
// so that a key pasted over several // lines is seen whole. lines holds
// the position of each line of the text.
func (c *checker) collectComments() {
	for _, group := range c.file.Comments {
		var b strings.Builder
		var lines []token.Pos
		for _, cm := range group.List {
			if strings.HasPrefix(cm.Text, "//go:") || strings.HasPrefix(cm.Text, rule.DirectivePrefix) {
				continue // directives
			}
			body := strings.TrimSuffix(cm.Text[2:], "*/")
			pos := cm.Pos() + 2
			for line := range strings.Lines(body) {
				lines = append(lines, pos)
				pos += token.Pos(len(line))
				b.WriteString(strings.TrimSuffix(line, "\n"))
				b.WriteByte('\n')
			}
		}
		if len(lines) > 0 {
			c.cands = append(c.cands, &candidate{
				node: group, value: b.String(), comment: true, lines: lines,
			})
		}
	}
}

// judge scans the file's candidates and reports the secrets in them.
func (c *checker) judge() {
	texts := make([]string, len(c.cands))
	prose := make([]bool, len(c.cands))
	for i, cand := range c.cands {
		texts[i], prose[i] = cand.value, cand.comment
	}
	matches := c.opts.engine.scan(texts, prose)
	for i, cand := range c.cands {
		for _, f := range c.find(cand, matches[i]) {
			if cand.comment {
				f.pos = commentPos(cand, f)
			}
			c.report(cand, f)
		}
	}
}

// A found secret, ready to report.
type found struct {
	rule   string // gitleaks rule ID or our own rule name
	secret string
	more   int // other secrets in the same value
	line   int // line of the secret within the value, from 0
	pos    token.Pos
}

// find decides what, if anything, cand leaks: first the gitleaks
// matches, then a password in a URL, then a random value bound to a
// credential name. A literal gets at most one finding; a comment, which
// may hold a whole file pasted in, gets one per secret.
func (c *checker) find(cand *candidate, ms []match) []found {
	var kept []match
	for _, m := range ms {
		if c.ignored(cand, m) {
			continue
		}
		kept = append(kept, m)
	}
	if len(kept) > 0 {
		if cand.comment {
			return eachSecret(kept)
		}
		return []found{best(kept)}
	}

	if pw, ok := urlPassword(cand.value); ok && !c.allowed(cand, pw) && !inParts(cand, pw) &&
		(!cand.comment || looksSecret(pw, c.opts.minEntropy)) {
		line := strings.Count(cand.value[:strings.Index(cand.value, pw)], "\n")
		return []found{{rule: "password in URL", secret: pw, line: line}}
	}
	if cand.comment || cand.kind == "" {
		return nil // no provider format, no credential name
	}
	if cand.byCallee && wordsAndNumbers.MatchString(cand.value) {
		return nil // hasToken(h, "100-continue"): a protocol word, not a key
	}
	if keyLike.MatchString(cand.value) && credentialKind(cand.value) != "" {
		return nil // headerSessionToken = "x-amz-s3session-token": a name
	}
	if looksSecret(cand.value, c.opts.minEntropy) && !c.allowed(cand, cand.value) {
		for _, p := range cand.parts {
			if looksSecret(p, c.opts.minEntropy) {
				return nil // reported at the constant's declaration
			}
		}
		return []found{{rule: "generic " + cand.kind, secret: cand.value}}
	}
	return nil
}

// eachSecret reports each distinct secret of ms once, under its best rule.
func eachSecret(ms []match) []found {
	var out []found
	done := make([]bool, len(ms))
	for i := range ms {
		if done[i] {
			continue
		}
		var same []match
		for j := i; j < len(ms); j++ {
			if !done[j] && sameSecret(ms[i], ms[j]) {
				same = append(same, ms[j])
				done[j] = true
			}
		}
		f := best(same)
		f.more = 0
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b found) int { return cmp.Compare(a.line, b.line) })
	return out
}

// sameSecret reports whether two matches found one secret: one secret
// contains the other, on the same line.
func sameSecret(a, b match) bool {
	return a.line == b.line && (strings.Contains(a.secret, b.secret) || strings.Contains(b.secret, a.secret))
}

// ignored reports whether a gitleaks match should not be reported.
func (c *checker) ignored(cand *candidate, m match) bool {
	switch {
	case cand.comment && strings.HasPrefix(m.rule, "generic"):
		return true // "key: value" prose in comments is rarely a key
	case strings.HasPrefix(m.rule, "generic") && letterWords.MatchString(m.secret):
		// "key": "ctrl+shift+down", "token": "read-write": words, as the
		// credential-name check judges a value of letters alone.
		return true
	case isPlaceholder(m.secret), c.allowed(cand, m.secret):
		return true
	case inParts(cand, m.secret):
		return true // reported at the constant's declaration
	}
	return false
}

func (c *checker) allowed(cand *candidate, secret string) bool {
	re := c.opts.allow
	return re != nil && (re.MatchString(secret) || re.MatchString(cand.value))
}

func inParts(cand *candidate, secret string) bool {
	for _, p := range cand.parts {
		if strings.Contains(p, secret) {
			return true
		}
	}
	return false
}

// best picks the match to report among several on one value: a provider
// rule before gitleaks' generic ones, then the longest secret. Matches
// whose secret lies inside the chosen one are the same secret found by
// another rule; the others are counted.
func best(ms []match) found {
	top := ms[0]
	for _, m := range ms[1:] {
		if better(m, top) {
			top = m
		}
	}
	f := found{rule: top.rule, secret: top.secret, line: top.line}
	seen := map[string]bool{top.secret: true}
	for _, m := range ms {
		if !seen[m.secret] && !sameSecret(m, top) {
			seen[m.secret] = true
			f.more++
		}
	}
	return f
}

func better(a, b match) bool {
	ga, gb := strings.HasPrefix(a.rule, "generic"), strings.HasPrefix(b.rule, "generic")
	if ga != gb {
		return gb
	}
	if len(a.secret) != len(b.secret) {
		return len(a.secret) > len(b.secret)
	}
	return a.rule < b.rule // deterministic, whatever order gitleaks used
}

// commentPos finds a secret in the source of a comment group.
func commentPos(cand *candidate, f found) token.Pos {
	if f.line >= len(cand.lines) {
		return cand.node.Pos()
	}
	text := strings.Split(cand.value, "\n")[f.line]
	first, _, _ := strings.Cut(f.secret, "\n")
	pos := cand.lines[f.line]
	if i := strings.Index(text, first); i >= 0 {
		pos += token.Pos(i)
	}
	return pos
}
