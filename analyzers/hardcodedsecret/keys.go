package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"
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

// keys finds constants passed where a secret key goes, in the files that
// files admits, and reports each one where it is written unless the
// value's own check already reported it there.
type keys struct {
	pass     *analysis.Pass
	opts     *options
	reported map[token.Pos]bool // literals reported as secrets already

	// Of the package's variables: the expression each is initialized
	// with, when it has exactly one, and the ones assigned again or
	// whose address is taken.
	inits   map[types.Object]ast.Expr
	changed map[types.Object]bool
	funcs   map[*types.Func]*ast.FuncDecl
}

func newKeys(pass *analysis.Pass, opts *options, in *inspector.Inspector, reported map[token.Pos]bool) *keys {
	k := &keys{
		pass:     pass,
		opts:     opts,
		reported: reported,
		inits:    make(map[types.Object]ast.Expr),
		changed:  make(map[types.Object]bool),
		funcs:    make(map[*types.Func]*ast.FuncDecl),
	}
	info := pass.TypesInfo
	// init binds names to values; a name bound twice, or to a tuple, has
	// no single value.
	init := func(names []*ast.Ident, values []ast.Expr) {
		for i, id := range names {
			obj := info.Defs[id]
			if obj == nil {
				if obj = info.Uses[id]; obj != nil {
					k.changed[obj] = true // redeclared by :=
				}
				continue
			}
			if len(values) == len(names) {
				k.inits[obj] = values[i]
			}
		}
	}
	// mark records the variable an assignment or & changes.
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := info.Uses[id]; obj != nil {
				k.changed[obj] = true
			}
		} else if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if obj := info.Uses[sel.Sel]; obj != nil {
				k.changed[obj] = true
			}
		}
	}
	in.Preorder([]ast.Node{
		(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil),
	}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ValueSpec:
			init(n.Names, n.Values)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				var ids []*ast.Ident
				for _, l := range n.Lhs {
					id, _ := l.(*ast.Ident)
					ids = append(ids, id)
				}
				if len(n.Lhs) == len(n.Rhs) {
					init(ids, n.Rhs)
				} else {
					init(ids, nil)
				}
				return
			}
			for _, l := range n.Lhs {
				mark(l)
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			}
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				k.funcs[fn] = n
			}
		}
	})
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
	lit, v, ok := k.constant(e, 0)
	switch {
	case !ok, strings.TrimSpace(v) == "", k.reported[lit.Pos()]:
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

// maxHops bounds how many variables constant follows.
const maxHops = 8

// constant follows e through conversions and through variables that are
// set once and never changed to the constant string it holds, and returns
// the expression where that constant is written.
func (k *keys) constant(e ast.Expr, hops int) (ast.Expr, string, bool) {
	e = ast.Unparen(e)
	info := k.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		v, ok := code.ExprToString(k.pass, e)
		if !ok {
			return nil, "", false
		}
		// A named constant is reported where it is declared.
		if obj := objectOf(info, e); obj != nil {
			if init := k.inits[obj]; init != nil && hops < maxHops {
				if lit, _, ok := k.constant(init, hops+1); ok {
					return lit, v, true
				}
			}
		}
		return e, v, true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		// []byte("…"), string(…), a named byte slice type
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return k.constant(x.Args[0], hops)
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj, ok := objectOf(info, x).(*types.Var)
		if !ok || obj.Pkg() != k.pass.Pkg || k.changed[obj] || hops >= maxHops {
			return nil, "", false
		}
		if init := k.inits[obj]; init != nil {
			return k.constant(init, hops+1)
		}
	}
	return nil, "", false
}

// objectOf returns the object an identifier or qualified name uses.
func objectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := e.(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
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
