package constanttime

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/credname"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "constanttime",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/auth.go",
	CWE:       []int{208},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for secrets compared in variable time",
		Text: `Reports comparisons of secrets with \'==\', \'!=\', a switch case
(\'switch tok { case secret: }\'), \'bytes.Equal\',
\'strings.EqualFold\', \'strings.Compare\' and, on byte slices or
strings, \'reflect.DeepEqual\'. These stop at the first byte
that differs, so the time a check takes tells an attacker how much of a
guessed MAC, token or password hash was right; repeated guesses recover
the secret byte by byte (CWE-208, observable timing discrepancy). Compare
secrets with \'subtle.ConstantTimeCompare\' or \'hmac.Equal\'.

One operand must be a secret by its data: the result of \'Sum\' on a hash
built with \'hmac.New\' (or on a hash named like a MAC), a variable, field,
parameter, constant or function named as a credential, the password from
\'Request.BasicAuth\', or the value of a request header, form field or
query parameter named as one (\'Authorization\', \'X-Api-Key\'). A
function whose name opens with verify, validate, check, is or has checks
a credential rather than returns one (\'VerifySignature\' returns the
payload it verified), so its result is not a secret. Names are
judged by their words: \'csrfToken\', \'apiKey\' and \'passwordHash\' are
secrets, \'tokenCount\', \'maxTokens\', \'tokenType\' and a bare \'key\' are
not. Values pass through conversions, hex and base64 encoding, trimming
and local variables. Comparisons with the empty string, nil or a literal
constant are never reported: \'token == ""\' and \'tokenType == "Bearer"\'
are fine. A named constant is a secret only if its value could be one:
\'HeaderAuthorization = "Authorization"\' and an error code such as
\'errInvalidPassword = "28P01"\' name or label a secret. Also left alone:
bytes written in the source (the expected result of a known-answer
self-test, or an unexported package variable the package never changes,
such as a file format's magic \'signature = []byte("PACK")\', unless it is
named as a credential and long enough to be one), a value compared with a function of itself
(\'path.Clean(tok) != tok\'), and a password read twice at the terminal
to confirm it.

The suggested fix replaces \'a == b\' on strings with
\'subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1\' and
\'bytes.Equal\' with \'hmac.Equal\', adding the import.
\'strings.EqualFold\' and \'strings.Compare\' get no fix: a constant-time
version must first decide how to fold case.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: the analysis is local to a function. A secret returned by
a function whose name does not say so, or stored in a field with a
neutral name, is not recognised. A secret compared with a literal string
is not reported (a pasted secret is the hardcodedsecret rule's finding).
Comparisons of two secrets neither of which an attacker controls (a
client comparing its own token with one its caller passed) are reported
all the same; suppress them with a reason. Requiring one operand to come
from a request, a network read or an exported parameter would drop
them, but also the real findings whose input arrives through a buffer
or an unexported helper (a packet's reset token, a SCRAM server
signature), so the rule does not. For the same reason two tokens that
both come from the request (a bearer token and a form field, compared
to refuse a request that repeats one) are reported, although the client
chose both. Only the update idiom
\'if a != b { a = b }\' is recognised and skipped. Names are judged
out of context: a token in the lexical sense (a word of a header list,
a lexer's token), a TLS session ID and a public-key signature are
taken as secrets.`,
		Before: `if r.Header.Get("X-Api-Key") != cfg.APIKey {
	http.Error(w, "forbidden", http.StatusForbidden)
	return
}`,
		After: `if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Api-Key")), []byte(cfg.APIKey)) != 1 {
	http.Error(w, "forbidden", http.StatusForbidden)
	return
}`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// origin is one value a local variable was assigned: the expression, and
// for a multi-value call the index of the result taken.
type origin struct {
	expr  ast.Expr
	index int
}

type checker struct {
	pass    *analysis.Pass
	origins map[*types.Var][]origin
	globals map[*types.Var]ast.Expr // initial values, on first use
	changed map[*types.Var]bool     // globals the package changes
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, origins: make(map[*types.Var][]origin)}
	c.collectOrigins(ins)

	filter := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.SwitchStmt)(nil)}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if !isUpdateIfChanged(n, stack) {
				c.checkBinary(n)
			}
		case *ast.CallExpr:
			c.checkCall(n)
		case *ast.SwitchStmt:
			c.checkSwitch(n)
		}
		return true
	})
	return nil, nil
}

// isUpdateIfChanged matches "if a != b { a = b }": a cache refreshed
// with a new value, where nobody measures the comparison.
func isUpdateIfChanged(b *ast.BinaryExpr, stack []ast.Node) bool {
	if b.Op != token.NEQ || len(stack) < 2 {
		return false
	}
	ifs, ok := stack[len(stack)-2].(*ast.IfStmt)
	if !ok || ifs.Cond != b {
		return false
	}
	x, y := types.ExprString(b.X), types.ExprString(b.Y)
	for _, st := range ifs.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		l, r := types.ExprString(as.Lhs[0]), types.ExprString(as.Rhs[0])
		if (l == x && r == y) || (l == y && r == x) {
			return true
		}
	}
	return false
}

// collectOrigins records what each local variable is assigned, so that a
// secret can be followed through "sig := mac.Sum(nil)".
func (c *checker) collectOrigins(ins *inspector.Inspector) {
	record := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				continue // only locals: a global may be set anywhere
			}
			switch {
			case len(lhs) == len(rhs):
				c.origins[v] = append(c.origins[v], origin{rhs[i], 0})
			case len(rhs) == 1:
				c.origins[v] = append(c.origins[v], origin{rhs[0], i})
			}
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				record(n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			record(lhs, n.Values)
		}
	})
}

func (c *checker) checkBinary(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	if !isStringLike(c.pass.TypesInfo.TypeOf(b.X)) {
		return // not a string or byte array comparison
	}
	secret, ok := c.secretOperand(b.X, b.Y)
	if !ok {
		return
	}
	d := analysis.Diagnostic{
		Pos: b.OpPos,
		End: b.OpPos + token.Pos(len(b.Op.String())),
		Message: "secret " + describe(secret) + " compared with " + b.Op.String() +
			", which takes time that depends on the matching prefix; " +
			"use subtle.ConstantTimeCompare",
	}
	if isString(c.pass.TypesInfo.TypeOf(b.X)) && isString(c.pass.TypesInfo.TypeOf(b.Y)) {
		d.SuggestedFixes = c.subtleFix(b)
	}
	c.pass.Report(d)
}

// checkSwitch checks "switch tag { case x: }", which compares tag with
// each case value by ==.
func (c *checker) checkSwitch(sw *ast.SwitchStmt) {
	if sw.Tag == nil || !isStringLike(c.pass.TypesInfo.TypeOf(sw.Tag)) {
		return
	}
	for _, st := range sw.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			secret, ok := c.secretOperand(sw.Tag, e)
			if !ok {
				continue
			}
			c.pass.Report(analysis.Diagnostic{
				Pos: e.Pos(),
				End: e.End(),
				Message: "secret " + describe(secret) + " compared by a switch case, which takes " +
					"time that depends on the matching prefix; use subtle.ConstantTimeCompare",
			})
		}
	}
}

// variableTime lists the comparison functions that return early.
var variableTime = map[string]bool{
	"bytes.Equal":       true,
	"strings.EqualFold": true,
	"strings.Compare":   true,
	"bytes.Compare":     true,
	"bytes.EqualFold":   true,
	"reflect.DeepEqual": true, // on bytes or strings, it compares them as bytes.Equal does
}

func (c *checker) checkCall(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || len(call.Args) != 2 || !variableTime[fn.FullName()] {
		return
	}
	if t := c.pass.TypesInfo.TypeOf(call.Args[0]); fn.FullName() == "reflect.DeepEqual" && !isStringLike(t) && !isByteSlice(t) {
		return // structs, maps and the like: not a comparison of secret bytes
	}
	secret, ok := c.secretOperand(call.Args[0], call.Args[1])
	if !ok {
		return
	}
	d := analysis.Diagnostic{
		Pos: call.Fun.Pos(),
		End: call.Fun.End(),
		Message: "secret " + describe(secret) + " compared with " + fn.FullName() +
			", which takes time that depends on the matching prefix; " +
			"use hmac.Equal or subtle.ConstantTimeCompare",
	}
	if fn.FullName() == "bytes.Equal" {
		d.SuggestedFixes = c.hmacFix(call)
	}
	c.pass.Report(d)
}

// secretOperand returns the operand that holds a secret, if one does and
// neither operand is nil, the empty string or a literal constant.
func (c *checker) secretOperand(x, y ast.Expr) (ast.Expr, bool) {
	for _, e := range []ast.Expr{x, y} {
		if c.isNilOrLiteral(e) {
			return nil, false // "token == """ or "tokenType == "Bearer""
		}
	}
	if c.isFixedBytes(x, 0) || c.isFixedBytes(y, 0) {
		return nil, false // a known-answer self-test: bytes.Equal(got, want)
	}
	if c.derivedFrom(x, y, 0) || c.derivedFrom(y, x, 0) {
		return nil, false // "p := clean(tok); p != tok": no other value to learn
	}
	if c.fromTerminal(x, 0) && c.fromTerminal(y, 0) {
		return nil, false // a password typed twice to confirm it
	}
	for _, e := range []ast.Expr{x, y} {
		if c.isSecret(e, 0) {
			return e, true
		}
	}
	return nil, false
}

// isNilOrLiteral reports whether e is nil, the empty string or a constant
// that is not itself named as a secret.
func (c *checker) isNilOrLiteral(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	if tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "" {
		return true
	}
	// A named constant with a credential name is a secret, and comparing
	// input against it leaks it.
	return !c.isSecretConst(e)
}

// isSecretConst reports whether e is a named constant that holds a
// secret: its name is a credential's and its value could be one. A
// constant whose value is a word or a short code names or labels a
// secret instead of holding one: HeaderAuthorization = "Authorization",
// ErrInvalidPassword = "28P01".
func (c *checker) isSecretConst(e ast.Expr) bool {
	id := constIdent(e)
	if id == nil {
		return false
	}
	k, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Const)
	if !ok || !credname.IsSecret(id.Name) {
		return false
	}
	if k.Val().Kind() != constant.String {
		return true
	}
	v := constant.StringVal(k.Val())
	return len(v) >= minSecretLen && !nameLike.MatchString(v)
}

// isConst reports whether e names a constant.
func (c *checker) isConst(e ast.Expr) bool {
	id := constIdent(e)
	if id == nil {
		return false
	}
	_, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Const)
	return ok
}

func constIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// minSecretLen is the shortest constant value judged a secret; codes
// such as SQLSTATE "28P01" are shorter.
const minSecretLen = 8

// nameLike matches header names, field names and labels: letters and
// separators only.
var nameLike = regexp.MustCompile(`^[A-Za-z][A-Za-z_. -]*$`)

// maxDepth bounds how far isSecret follows local assignments.
const maxDepth = 6

// isSecret reports whether e holds a secret by its data.
func (c *checker) isSecret(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if c.isConst(e) {
		return c.isSecretConst(e)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if credname.IsSecret(e.Name) {
			return true
		}
		v, ok := c.pass.TypesInfo.ObjectOf(e).(*types.Var)
		if !ok {
			return false
		}
		for _, o := range c.origins[v] {
			if c.isSecretOrigin(o, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr:
		return credname.IsSecret(e.Sel.Name)
	case *ast.IndexExpr:
		// claims["password"] or fields[secretKey]
		return c.isSecretKey(e.Index)
	case *ast.SliceExpr:
		return c.isSecret(e.X, depth+1)
	case *ast.CallExpr:
		return c.isSecretCall(e, depth)
	}
	return false
}

func (c *checker) isSecretOrigin(o origin, depth int) bool {
	if o.index == 0 {
		return c.isSecret(o.expr, depth)
	}
	call, ok := ast.Unparen(o.expr).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	// user, password, ok := r.BasicAuth()
	return ok && fn.FullName() == "(*net/http.Request).BasicAuth" && o.index == 1
}

// passThrough lists functions whose result is secret when their first
// argument is.
var passThrough = map[string]bool{
	"encoding/hex.EncodeToString":                true,
	"encoding/hex.DecodeString":                  true,
	"(*encoding/base64.Encoding).EncodeToString": true,
	"(*encoding/base64.Encoding).DecodeString":   true,
	"strings.TrimSpace":                          true,
	"strings.TrimPrefix":                         true,
	"strings.TrimSuffix":                         true,
	"bytes.TrimSpace":                            true,
}

// namedLookups read a request value by name; the result is secret when
// the name is a credential's: r.Header.Get("Authorization").
var namedLookups = map[string]bool{
	"(net/http.Header).Get":             true,
	"(net/url.Values).Get":              true,
	"(*net/http.Request).FormValue":     true,
	"(*net/http.Request).PostFormValue": true,
	"(net/textproto.MIMEHeader).Get":    true,
}

func (c *checker) isSecretCall(call *ast.CallExpr, depth int) bool {
	// Conversions: []byte(token), string(sig).
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return len(call.Args) == 1 && c.isSecret(call.Args[0], depth+1)
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	name := fn.FullName()
	switch {
	case name == "(hash.Hash).Sum":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && (c.isHMAC(sel.X, depth+1) || c.isSecret(sel.X, depth+1))
	case passThrough[name]:
		return len(call.Args) > 0 && c.isSecret(call.Args[0], depth+1)
	case namedLookups[name]:
		return len(call.Args) == 1 && c.isSecretKey(call.Args[0])
	}
	// computeSignature(body), s.expectedMAC(), user.GetPassword()
	return credname.IsSecret(fn.Name()) && !verifies(fn.Name())
}

// checkVerbs open the names of functions that check a credential
// rather than produce one: VerifySignature returns the signed payload
// or a verdict, which an attacker already knows.
var checkVerbs = map[string]bool{
	"verify": true, "validate": true, "check": true, "is": true, "has": true,
}

// verifies reports whether a function's name says it checks a
// credential: verifySignature, ValidateToken, isValidMAC.
func verifies(name string) bool {
	words := credname.Words(name)
	return len(words) > 1 && checkVerbs[words[0]]
}

// isSecretKey reports whether e is a constant string naming a credential.
func (c *checker) isSecretKey(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return credname.IsSecret(constant.StringVal(tv.Value))
}

// isHMAC reports whether e is a hash built by hmac.New.
func (c *checker) isHMAC(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		return ok && fn.FullName() == "crypto/hmac.New"
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(e).(*types.Var)
		if !ok {
			return false
		}
		for _, o := range c.origins[v] {
			if o.index == 0 && c.isHMAC(o.expr, depth+1) {
				return true
			}
		}
	}
	return false
}

// isStringLike reports whether t is a string or an array of bytes, the
// types whose == compares contents byte by byte.
func isStringLike(t types.Type) bool {
	return isString(t) || isByteArray(t)
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
