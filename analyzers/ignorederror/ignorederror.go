package ignorederror

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/credname"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "ignorederror",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/client.go",
	CWE:       []int{252, 391},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for dropped errors from security checks",
		Text: `Reports errors that are dropped (the call is a statement, is deferred,
or its error is assigned to the blank identifier) when the call is a
security check or its failure leaves a security property broken
(CWE-252, unchecked return value; CWE-391, unchecked error condition):

- certificate and signature verification: \'x509.Certificate.Verify\',
\'VerifyHostname\', \'CheckSignature\', \'CheckSignatureFrom\',
\'tls.Conn.VerifyHostname\', \'rsa.VerifyPKCS1v15\', \'rsa.VerifyPSS\',
\'ed25519.VerifyWithOptions\'; and x/crypto's
\'bcrypt.CompareHashAndPassword\', whose error is the only sign of a
wrong password;
- any function or method whose name starts with the word Verify or
Validate and whose last result is an error;
- \'crypto/rand.Read\' and \'io.ReadFull(rand.Reader, ...)\' in files for
Go versions before 1.24, where they can fail and leave the buffer
zeroed; since Go 1.24 they never return an error and are not reported;
- \'io.Copy\', \'io.CopyN\' and \'io.CopyBuffer\' into a hash or MAC: the
hash cannot fail, but the source can, and the MAC then covers a
truncated input;
- \'Token\' methods returning an oauth2 token (\'TokenSource.Token\'):
a failed refresh yields no token;
- \'os.File.Close\' on a file opened for writing that holds a secret
(by a credential-named path or by a secret written to it): a failed
close can leave a truncated key or token on disk.

Calls whose errors cannot occur or do not matter are never reported:
\'hash.Hash.Write\', \'bytes.Buffer\' and \'strings.Builder\' writes,
\'fmt.Print\' and friends, and every call not listed above. An error
assigned to a variable counts as handled. There is no suggested fix:
what to do on failure is the caller's decision.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: a file is known to hold a secret only from its path or
what this function writes to it; a secret written by a helper is not
seen. An error assigned to a variable and then never read is treated as
handled. Files with no known Go version are treated as Go 1.24 or later.`,
		Before: `cert.VerifyHostname(host)
mac := hmac.New(sha256.New, key)
io.Copy(mac, body)`,
		After: `if err := cert.VerifyHostname(host); err != nil {
	return err
}
mac := hmac.New(sha256.New, key)
if _, err := io.Copy(mac, body); err != nil {
	return err
}`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// verifiers are security checks whose only output is their error.
var verifiers = map[string]bool{
	"(*crypto/x509.Certificate).Verify":                   true,
	"(*crypto/x509.Certificate).VerifyHostname":           true,
	"(*crypto/x509.Certificate).CheckSignature":           true,
	"(*crypto/x509.Certificate).CheckSignatureFrom":       true,
	"(*crypto/x509.Certificate).CheckCRLSignature":        true,
	"(*crypto/x509.CertificateRequest).CheckSignature":    true,
	"(*crypto/x509.RevocationList).CheckSignatureFrom":    true,
	"(*crypto/tls.Conn).VerifyHostname":                   true,
	"crypto/rsa.VerifyPKCS1v15":                           true,
	"crypto/rsa.VerifyPSS":                                true,
	"crypto/ed25519.VerifyWithOptions":                    true,
	"(*golang.org/x/crypto/ssh.CertChecker).CheckCert":    true,
	"(*golang.org/x/crypto/ssh.CertChecker).CheckHostKey": true,
	// A password check that answers only through its error: dropped,
	// every password logs in.
	"golang.org/x/crypto/bcrypt.CompareHashAndPassword": true,
}

// copies are the io functions whose error comes from their source.
var copies = map[string]bool{
	"io.Copy": true, "io.CopyN": true, "io.CopyBuffer": true,
}

type checker struct {
	pass *analysis.Pass
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass}
	filter := []ast.Node{
		(*ast.ExprStmt)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.DeferStmt)(nil),
		(*ast.GoStmt)(nil),
	}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		if call, how := dropped(c.pass, n); call != nil {
			c.check(call, how, stack)
		}
		return true
	})
	return nil, nil
}

// dropped returns the call of a statement that drops its error, and how.
func dropped(pass *analysis.Pass, n ast.Node) (*ast.CallExpr, string) {
	switch n := n.(type) {
	case *ast.ExprStmt:
		call, _ := ast.Unparen(n.X).(*ast.CallExpr)
		return call, "is dropped"
	case *ast.DeferStmt:
		return n.Call, "is dropped by defer"
	case *ast.GoStmt:
		return n.Call, "is dropped by go"
	case *ast.AssignStmt:
		if len(n.Rhs) != 1 {
			return nil, "" // one value per call: not a multi-result call
		}
		call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return nil, ""
		}
		last, ok := ast.Unparen(n.Lhs[len(n.Lhs)-1]).(*ast.Ident)
		if !ok || last.Name != "_" || !returnsError(pass, call) {
			return nil, ""
		}
		return call, "is assigned to _"
	}
	return nil, ""
}

// returnsError reports whether the last result of call is an error.
func returnsError(pass *analysis.Pass, call *ast.CallExpr) bool {
	t := pass.TypesInfo.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		if tuple.Len() == 0 {
			return false
		}
		t = tuple.At(tuple.Len() - 1).Type()
	}
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func (c *checker) check(call *ast.CallExpr, how string, stack []ast.Node) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || !returnsError(c.pass, call) {
		return // a builtin, a func value, or nothing to drop
	}
	name := fn.FullName()
	var why string
	switch {
	case verifiers[name]:
		why = "the check's result is its error"
	case isVerifyName(fn):
		why = "the check's result is its error"
	case name == "crypto/rand.Read" || c.isRandReadFull(call, name):
		if !c.beforeGo124(call) {
			return // since Go 1.24 crypto/rand never fails
		}
		why = "before Go 1.24 it can fail and leave the buffer zeroed"
	case copies[name] && len(call.Args) > 0 && c.isHash(call.Args[0]):
		why = "a short read leaves the hash over a truncated input"
	case c.isOAuthToken(fn):
		why = "a failed refresh yields no valid token"
	case name == "(*os.File).Close":
		if inErrorBranch(c.pass, stack) || !c.closesSecretFile(call, stack) {
			return // cleanup on a failure path, or not a file of secrets
		}
		why = "a failed close can leave the secret file truncated"
	default:
		return
	}
	c.pass.Reportf(call.Pos(), "error from %s %s; %s: check it", shortName(fn), how, why)
}

// isVerifyName reports whether fn is named Verify... or Validate...,
// judged by its first word: VerifySignature, Validate, but not
// Verifier or Validated.
func isVerifyName(fn *types.Func) bool {
	words := credname.Words(fn.Name())
	if len(words) == 0 {
		return false
	}
	return words[0] == "verify" || words[0] == "validate"
}

func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			return named.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// isRandReadFull matches io.ReadFull(rand.Reader, buf).
func (c *checker) isRandReadFull(call *ast.CallExpr, name string) bool {
	if name != "io.ReadFull" || len(call.Args) != 2 {
		return false
	}
	sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "crypto/rand" && v.Name() == "Reader"
}

// beforeGo124 reports whether the file of pos is for a Go version known
// to be older than 1.24, when crypto/rand could still return errors.
func (c *checker) beforeGo124(n ast.Node) bool {
	for _, f := range c.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() <= f.FileEnd {
			v := c.pass.TypesInfo.FileVersions[f]
			return v != "" && version.Compare(v, "go1.24") < 0
		}
	}
	return false
}

// isHash reports whether e has the method set of hash.Hash.
func (c *checker) isHash(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false
	}
	for _, m := range []string{"Sum", "Size", "BlockSize", "Reset", "Write"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m)
		if _, ok := obj.(*types.Func); !ok {
			return false
		}
	}
	return true
}

// isOAuthToken matches a Token method that returns an oauth2 token.
func (c *checker) isOAuthToken(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Token" || sig.Recv() == nil || sig.Results().Len() != 2 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Pkg() != nil &&
		strings.HasSuffix(named.Obj().Pkg().Path(), "golang.org/x/oauth2") &&
		named.Obj().Name() == "Token"
}

// inErrorBranch reports whether the statement is inside the body of an
// "if err != nil" block: cleanup on a path that already returns an
// error, where the close error adds nothing.
func inErrorBranch(pass *analysis.Pass, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		ifs, ok := stack[i].(*ast.IfStmt)
		if !ok || stack[i+1] != ifs.Body {
			continue
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if ok && cond.Op == token.NEQ && isNil(pass, cond.Y) &&
			types.Identical(pass.TypesInfo.TypeOf(cond.X), types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

func isNil(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}
