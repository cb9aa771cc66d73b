package leakyerror

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/lazyssa"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:      "leakyerror",
	Requires:  []*analysis.Analyzer{lazyssa.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(funcFact), new(printsFact)},
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/secret.go",
	CWE:       []int{209, 532},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for secrets and internal errors that leak out",
		Text: `Reports credentials that reach an error message, a log, a panic, standard
output or an HTTP response, and internal detail (error text, stack traces,
panic values) written to an HTTP response that is not a 4xx client error.

Secrets are found by type and by name: fields, parameters and variables of
string type whose name has a credential word (APIKey, Token, Password,
Secret, PrivateKey, ClientSecret, Authorization), values of declared
secret types ("type APIKey string"), os.Getenv of a credential-named
variable, the request's Authorization header, cookie values, the password
of a URL's user info and of basic auth. A secret put in user info with
url.UserPassword goes wherever the user info or its URL goes: both print
the password (URL.Redacted does not). Names are read as words: maxTokens,
tokenCount, nextPageToken, TokenURL, passwordMinLength and
authorityFromCreds are not secrets, nor is a name whose last word says
where a credential is or what kind it is (CREDENTIALS_FULL_URI,
TOKEN_EXCHANGE_URL). The bare word "token" names a piece of text in a lexer
and a field of a protocol message: it is not a secret as a field or
method parameter of a type named for a lexer, scanner, tokenizer, frame,
packet, header or challenge, nor anywhere in a package that declares a
lexer, scanner or tokenizer type. Qualified names (accessToken,
authToken, sessionToken) are secrets everywhere.

A struct that holds a secret field and has no String, GoString, Format or
LogValue method that hides it is reported when printed with %v or %s or
given to a logger whole. Encoded with encoding/json, the same holds for
its exported fields not tagged json:"-" and without a MarshalJSON that
hides them: json.NewEncoder(os.Stdout or an http.ResponseWriter).Encode
is a sink, and the document json.Marshal returns carries the secret to
wherever it goes next.

The analysis follows values through SSA inside a function and across
functions and packages through facts: functions that return a secret
(and in which of their results), functions whose parameter reaches a
sink, masking helpers that return something else, and error types whose
Error method prints a field. It never reports the name of a secret, len
or presence checks, %T, hashes, a fixed short prefix such as s[:4], a
4xx validation error sent to the client, or secrets given to their
proper users (request headers, tls.Config, hmac.New). The error a call
returns does not carry the secrets of its other results or of its
arguments (the error of base64 decoding names an offset), and an error
message that its caller drops (out, _ := f(secret)) is not a leak. The
status of a response is the one written before it on every path, or
the function's only WriteHeader. The result of a failed comma-ok type
assertion is nil wherever only the failure leads. The error of a write
to the response itself only says that the client went away, and is not
internal detail when sent back; nor is the error of a method of the
request (ParseForm, FormFile), which describes what the client sent. Nor is detail sent where only a debug
setting leads (if cfg.Debug, if exposeErrors()): the operator asked for
it; secrets there are still reported. Tokens and API keys
in HTTP responses are not reported: endpoints that issue them exist.
Error text is internal detail only in responses; in logs it is what
logs are for.

Leaking credentials is CWE-532 (sensitive information in a log) and
CWE-209 (error message with sensitive information).

Flags: -stdout=false stops reporting secrets printed to standard output
or standard error, for command-line tools that show a token on purpose.

Limitations: code of other modules (the module cache, vendor
directories) and of the standard library is not summarized; their sinks
and loggers are known by hand, so a dependency's own helper that prints
or wraps its argument is not followed, under every host alike. Local
variables are known by name only when assigned from
an expression (not from another variable); a secret stored in a
non-secret field of a struct is lost once the struct leaves the function
that built it; calls through interfaces and function values carry no
secret, apart from Error and String methods; only the first secret in an
argument is named; runtime.Stack output is followed only in the buffer
passed to it. Paths are not told apart by the values that choose them:
a panic that prints a struct with %#v when a constant field name is
missing is reported although that field exists, and a dropped error is
known only through direct calls.`,
		Before: `func newClient(cfg Config) (*Client, error) {
	if !valid(cfg.APIKey) {
		return nil, fmt.Errorf("invalid API key %q", cfg.APIKey)
	}
	...
}`,
		After: `func newClient(cfg Config) (*Client, error) {
	if !valid(cfg.APIKey) {
		return nil, fmt.Errorf("invalid API key (%d characters)", len(cfg.APIKey))
	}
	...
}`,
		Options: []string{"stdout"},
	},
})

func init() {
	Analyzer.Flags.Bool("stdout", true, "report secrets printed to standard output or error")
}

// sinkImports are the packages a leak needs: one of them, a logger, or a
// fact about an imported function must be present for a package to be
// worth analysing.
var sinkImports = set("fmt", "errors", "log", "os", "net/http", "io", "runtime",
	"runtime/debug", "encoding/json")

func run(pass *analysis.Pass) (any, error) {
	if !relevant(pass) {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		stdout: pass.Analyzer.Flags.Lookup("stdout").Value.String() == "true",
		locals: secretLocals(pass),
		sums:   make(map[*ssa.Function]*funcFact),
		prints: make(map[*types.TypeName]*printsFact),
		seen:   make(map[token.Pos]bool),
	}
	res := lazyssa.Of(pass)
	c.prog = res.Pkg.Prog

	// Refine the summaries until they settle (call chains in the package
	// are short; the bound keeps recursion from spinning), then report.
	for round := 0; round < 6; round++ {
		changed := false
		for _, fn := range res.SrcFuncs {
			changed = c.summarize(fn) || changed
		}
		if !changed {
			break
		}
	}
	c.final = true
	for _, fn := range res.SrcFuncs {
		c.summarize(fn)
	}
	c.export(res.SrcFuncs)
	return nil, nil
}

// relevant skips the standard library and other modules' packages, whose
// sinks and loggers are modelled by hand, and packages that can neither
// leak nor call a function that does. Facts about dependencies' own
// functions would differ between hosts: go vet analyzes every dependency,
// the command by default none. Skipping them, every host reports the same.
func relevant(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || inGOROOT(pass) || dependency(pass) {
		return false
	}
	for _, imp := range pass.Pkg.Imports() {
		if sinkImports[imp.Path()] || loggerPaths[imp.Path()] {
			return true
		}
	}
	return len(pass.AllObjectFacts()) > 0
}

func inGOROOT(pass *analysis.Pass) bool {
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(name, root)
}

// dependency reports whether the package comes from another module: a
// versioned one from the module cache, or a vendored one.
func dependency(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Version != "" {
		return true
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	sep := string(filepath.Separator)
	cache := modCache()
	return strings.Contains(name, sep+"vendor"+sep) || cache != "" && strings.HasPrefix(name, cache+sep)
}

// modCache is the module cache's directory, as the go command sets it.
func modCache() string {
	if dir := os.Getenv("GOMODCACHE"); dir != "" {
		return filepath.Clean(dir)
	}
	if gopath := filepath.SplitList(build.Default.GOPATH); len(gopath) > 0 {
		return filepath.Join(gopath[0], "pkg", "mod")
	}
	return ""
}

func (c *checker) export(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		sum := c.sums[fn]
		if !ok || sum == nil || sum.empty() || obj.Pkg() != c.pass.Pkg {
			continue
		}
		c.pass.ExportObjectFact(obj, sum)
	}
	for obj, f := range c.prints {
		if obj.Pkg() == c.pass.Pkg {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// secretLocals maps the position of each value assigned to a local
// variable with a credential name to that name. SSA drops the names of
// locals; the position of the assigned expression finds the value again.
func secretLocals(pass *analysis.Pass) map[token.Pos]string {
	m := make(map[token.Pos]string)
	add := func(id *ast.Ident, rhs ast.Expr) {
		v, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() || secretVar(v, nil) == noKind {
			return
		}
		if pos := valuePos(rhs); pos.IsValid() {
			m[pos] = id.Name
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
						add(id, n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					return true
				}
				for i, id := range n.Names {
					add(id, n.Values[i])
				}
			}
			return true
		})
	}
	return m
}

// valuePos returns the position SSA gives the value of e.
func valuePos(e ast.Expr) token.Pos {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return e.Lparen
	case *ast.SelectorExpr:
		return e.Sel.Pos()
	case *ast.BinaryExpr:
		return e.OpPos
	case *ast.IndexExpr:
		return e.Lbrack
	case *ast.SliceExpr:
		return e.Lbrack
	case *ast.StarExpr:
		return e.Star
	case *ast.TypeAssertExpr:
		return e.Lparen
	}
	return token.NoPos
}
