package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/scaile/seclint/analyzers/internal/constval"
)

// A keySink is a function that takes a secret key: a constant passed to it
// is a hardcoded key whatever it looks like, because the call says what it
// is. first is the index of the first key argument; with rest, every
// argument from there on is a key (sessions.NewCookieStore(keyPairs...)).
type keySink struct {
	first int
	rest  bool
}

var keySinks = map[string]keySink{
	"crypto/hmac.New":                                    {first: 1},
	"crypto/aes.NewCipher":                               {first: 0},
	"crypto/des.NewCipher":                               {first: 0},
	"crypto/des.NewTripleDESCipher":                      {first: 0},
	"crypto/rc4.NewCipher":                               {first: 0},
	"golang.org/x/crypto/chacha20poly1305.New":           {first: 0},
	"golang.org/x/crypto/chacha20poly1305.NewX":          {first: 0},
	"(*github.com/golang-jwt/jwt/v5.Token).SignedString": {first: 0},
	"(*github.com/golang-jwt/jwt/v4.Token).SignedString": {first: 0},
	"(*github.com/dgrijalva/jwt-go.Token).SignedString":  {first: 0},
	"github.com/gorilla/securecookie.New":                {first: 0, rest: true},
	"github.com/gorilla/sessions.NewCookieStore":         {first: 0, rest: true},
	"github.com/gorilla/sessions.NewFilesystemStore":     {first: 1, rest: true},
	"github.com/gorilla/csrf.Protect":                    {first: 0},
}

// keyFuncParsers are JWT parsers, by the index of their key function
// argument: what that function returns is the verification key.
var keyFuncParsers = map[string]int{
	"github.com/golang-jwt/jwt/v5.Parse":                     1,
	"github.com/golang-jwt/jwt/v5.ParseWithClaims":           2,
	"(*github.com/golang-jwt/jwt/v5.Parser).Parse":           1,
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims": 2,
	"github.com/golang-jwt/jwt/v4.Parse":                     1,
	"github.com/golang-jwt/jwt/v4.ParseWithClaims":           2,
	"(*github.com/golang-jwt/jwt/v4.Parser).Parse":           1,
	"(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims": 2,
	"github.com/dgrijalva/jwt-go.Parse":                      1,
	"github.com/dgrijalva/jwt-go.ParseWithClaims":            2,
	"(*github.com/dgrijalva/jwt-go.Parser).Parse":            1,
	"(*github.com/dgrijalva/jwt-go.Parser).ParseWithClaims":  2,
}

// keyPackages are the packages of keySinks and keyFuncParsers: a
// package that imports none of them passes no key to one.
var keyPackages = func() map[string]bool {
	m := make(map[string]bool)
	for name := range keySinks {
		m[pkgOfFullName(name)] = true
	}
	for name := range keyFuncParsers {
		m[pkgOfFullName(name)] = true
	}
	return m
}()

// pkgOfFullName returns the package path in a types.Func full name:
// crypto/hmac.New, (*github.com/golang-jwt/jwt/v5.Token).SignedString.
func pkgOfFullName(name string) string {
	if recv, ok := strings.CutPrefix(name, "("); ok {
		name, _, _ = strings.Cut(strings.TrimPrefix(recv, "*"), ")")
	}
	return name[:strings.LastIndex(name, ".")]
}

// importsKeySink reports whether pkg imports one of keyPackages.
func importsKeySink(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if keyPackages[imp.Path()] {
			return true
		}
	}
	return false
}

// keys finds constants passed where a secret key goes and reports each
// one where it is written, unless the value's own check already reported
// it there.
type keys struct {
	pass     *analysis.Pass
	opts     *options
	reported map[token.Pos]bool // literals reported as secrets already
	vars     *constval.Vars
	funcs    map[*types.Func]*ast.FuncDecl
}

func newKeys(pass *analysis.Pass, opts *options, in *inspector.Inspector, reported map[token.Pos]bool) *keys {
	k := &keys{
		pass:     pass,
		opts:     opts,
		reported: reported,
		vars:     constval.New(pass.Pkg, pass.TypesInfo, in),
		funcs:    make(map[*types.Func]*ast.FuncDecl),
	}
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			k.funcs[fn] = decl
		}
	}
	return k
}

// check looks at one call.
func (k *keys) check(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(k.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	name := fn.FullName()
	if sink, ok := keySinks[name]; ok {
		for i := sink.first; i < len(call.Args); i++ {
			k.checkKey(call.Args[i], shortName(fn))
			if !sink.rest {
				break
			}
		}
		return
	}
	if i, ok := keyFuncParsers[name]; ok && i < len(call.Args) {
		for _, ret := range k.returns(call.Args[i]) {
			if len(ret.Results) > 0 {
				k.checkKey(ret.Results[0], "the key function of "+shortName(fn))
			}
		}
	}
}

// returns finds the return statements of the function that e denotes: a
// function literal or a function of this package.
func (k *keys) returns(e ast.Expr) []*ast.ReturnStmt {
	var body *ast.BlockStmt
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident:
		if fn, ok := k.pass.TypesInfo.Uses[e].(*types.Func); ok && k.funcs[fn] != nil {
			body = k.funcs[fn].Body
		}
	}
	if body == nil {
		return nil
	}
	var out []*ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			out = append(out, n)
		}
		return true
	})
	return out
}

// checkKey reports e when it is a constant key.
func (k *keys) checkKey(e ast.Expr, sink string) {
	c, lit := k.vars.Value(e)
	if c == nil || c.Kind() != constant.String {
		return
	}
	v := constant.StringVal(c)
	switch {
	case strings.TrimSpace(v) == "", k.reported[lit.Pos()]:
		return
	case strings.ContainsFunc(v, unicode.IsSpace):
		// "Bitcoin seed", "Noise_XX_25519": a published label that
		// separates uses of one construction, not a secret.
		return
	case k.opts.allow != nil && k.opts.allow.MatchString(v):
		return
	}
	k.reported[lit.Pos()] = true
	k.pass.Report(analysis.Diagnostic{
		Pos: lit.Pos(),
		End: lit.End(),
		Message: fmt.Sprintf("hardcoded key %s is passed to %s; load it from the environment or a secret manager at startup",
			strconv.Quote(redact(v)), sink),
	})
}

// shortName names fn as its callers write it: hmac.New,
// (*jwt.Token).SignedString.
func shortName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv := types.TypeString(sig.Recv().Type(), func(p *types.Package) string { return p.Name() })
		return "(" + recv + ")." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
