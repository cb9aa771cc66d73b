package weakcrypto

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/constval"
	"github.com/scaile/seclint/analyzers/internal/lazyssa"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "weakcrypto",
	Requires: []*analysis.Analyzer{inspect.Analyzer, lazyssa.Analyzer},
	Run:      run,
}

// Names of the analyzer's own flags.
const (
	flagStrict     = "strict"
	flagIterations = "pbkdf2-iterations"
)

// defaultIterations is the lowest PBKDF2 iteration count not reported.
// It is a floor for old code, well under what is recommended for new
// code (600,000 for HMAC-SHA-256).
const defaultIterations = 100000

func init() {
	Analyzer.Flags.Bool(flagStrict, false,
		"also report HMAC-SHA1, which is still sound but deprecated")
	Analyzer.Flags.Int(flagIterations, defaultIterations,
		"report PBKDF2 with a constant iteration count below this")
	rule.Validate(&Analyzer.Flags, flagIterations, func(v string) error {
		if n, err := strconv.Atoi(v); err == nil && n < 1 {
			return errors.New("want a count of 1 or more")
		}
		return nil
	})
}

var Rule = rule.New(Analyzer, rule.Meta{
	CWE:      []int{327, 328, 326, 1204},
	Severity: rule.High,
	Doc: &lint.RawDocumentation{
		Title: "check for broken or weak uses of cryptography",
		Text: `Reports cryptography that is broken or too weak for what it protects.
Merely importing crypto/md5 or crypto/sha1 is not reported: a checksum,
an ETag, a cache key, a content address, a git object ID, a UUIDv3 or
v5 or a hash ring is not a security use, and MD5 or SHA-1 is fine
there. Reported are:

- DES, Triple DES and RC4 (\'des.NewCipher\', \'des.NewTripleDESCipher\',
  \'rc4.NewCipher\'), called or passed as a value: broken or
  64-bit-block ciphers (CWE-327).
- MD5 or SHA-1 where collisions matter: \'rsa.SignPKCS1v15\',
  \'rsa.SignPSS\', \'rsa.VerifyPKCS1v15\', \'rsa.VerifyPSS\' and a
  \'crypto.Signer\' \'Sign\' with \'crypto.MD5\' or \'crypto.SHA1\'; an
  \'x509.Certificate\', \'CertificateRequest\' or \'RevocationList\'
  whose \'SignatureAlgorithm\' is MD5, SHA-1 or MD2 based (CWE-327,
  CWE-328).
- \'hmac.New\' with MD5 or MD4. HMAC-SHA1 stays sound, since HMAC does
  not rest on collision resistance, and protocols such as TOTP and many
  webhooks require it, so it is reported only with -strict.
- A password hashed with a fast hash (MD5, SHA-1, SHA-2, SHA-3, BLAKE2),
  with or without a salt: \'sha256.Sum256([]byte(password))\', or
  \'h.Write\' on such a hash. The data is a password when a name in it
  says so as a word (\'password\', \'passwd\', \'passphrase\', \'pwd\',
  \'passcode\', \'pin\'). A GPU tries billions of fast hashes a second;
  use bcrypt, scrypt or argon2id (CWE-328, CWE-916). Left alone is a
  function that also calls bcrypt, scrypt, argon2 or PBKDF2 (the fast
  hash pre-hashes the password); one that takes a work factor
  (\'rounds\', \'iter\', \'cost\', \'memory\': it implements a slow
  hash); one whose name or parameters name a server challenge
  (\'scramble\', \'challenge\', \'nonce\', \'realm\': a protocol
  response); and one that hashes two passwords and compares them with
  \'subtle.ConstantTimeCompare\' or \'hmac.Equal\' (equal lengths for a
  comparison, nothing stored).
- \'pbkdf2.Key\' (golang.org/x/crypto/pbkdf2 or crypto/pbkdf2) with MD5,
  or with a constant iteration count below -pbkdf2-iterations (100000
  by default, whatever the hash; OWASP asks 600000 for SHA-256). One
  iteration is PBKDF2 used as a key expander, as scrypt does, and is
  not reported.
- \'rsa.GenerateKey\' and \'rsa.GenerateMultiPrimeKey\' with a constant
  (or a variable set once to a constant and never changed)
  size under 2048 bits, and \'dsa.GenerateParameters\' with
  \'dsa.L1024N160\' (CWE-326).
- A constant or all-zero IV or nonce given to \'cipher.NewCBCEncrypter\',
  \'NewCFBEncrypter\', \'NewCTR\', \'NewOFB\', \'chacha20.NewUnauthenticatedCipher\'
  or an AEAD's \'Seal\' (CWE-1204, CWE-329). The value is followed with
  SSA, through phis (a constant default IV counts): a string constant,
  a literal, a hex or base64 constant, or a
  buffer (local or package-level) that is only ever read is constant; a
  buffer that reaches any other call, such as \'io.ReadFull(rand.Reader,
  iv)\' or a counter written with \'binary.BigEndian.PutUint64\', is not.
  Decryption (\'NewCBCDecrypter\', \'Open\') is not reported: the fault
  is on the encrypting side, which may be another program. Nor is a
  \'Seal\' with neither plaintext nor additional data.
- ECB mode: \'Block.Encrypt\' in a loop over a message, with the slice
  offset advancing by a block each turn (\'i += bs\', \'src[n*bs:]\',
  or \'src = src[bs:]\' in the body) and nothing but the call and that
  arithmetic in the loop, so that hand-written CBC or CTR loops are left
  alone (CWE-327).

Suggested fixes replace a weak x509 signature algorithm with its SHA-256
counterpart and a literal RSA key size with 2048. A weak hash in an
RSA signature has no fix: the digest passed in must change too.

Flags: -strict also reports HMAC-SHA1; -pbkdf2-iterations sets the
PBKDF2 floor; -tests also reports findings in test files,
-generated in generated files.

Limitations: a password is recognised by name only, followed through
local variables, conversions, concatenation, \'append\' and
\'fmt.Sprintf\'; a password under a neutral name, or hashed by a helper
in another function, is missed. Client code that must compute a
protocol's password hash (MySQL native auth, PostgreSQL MD5 auth, HTTP
Digest) is reported like storage. An IV derived from the key, a nonce
reused from a field, and key sizes or iteration counts computed at run
time are not checked. A zero nonce is reported even where each message
has a fresh key or a random first block, which makes it safe (age,
OTR, Kerberos); suppress it with a reason. A protocol's password hash
is left alone only when a parameter names the challenge. ECB written
with the offset advanced outside the loop's post statement by
anything but reslicing is missed.`,
		Before: `sum := sha256.Sum256([]byte(salt + password))
store(user, sum[:])`,
		After: `hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
if err != nil {
	return err
}
store(user, hash)`,
		Options: []string{flagStrict, flagIterations, rule.FlagTests, rule.FlagGenerated},
	},
})

// checker holds what one pass needs.
type checker struct {
	pass       *analysis.Pass
	strict     bool
	iterations int
	origins    map[types.Object][]ast.Expr
	vars       *constval.Vars
	hashed     map[ast.Node]*hashedPasswords // by function body
	bodies     []ast.Node                    // keys of hashed, in order
}

func run(pass *analysis.Pass) (any, error) {
	if !importsCrypto(pass.Pkg) {
		return nil, nil // no cryptography here
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{
		pass:       pass,
		strict:     rule.BoolFlag(pass.Analyzer, flagStrict),
		iterations: intFlag(pass.Analyzer, flagIterations, defaultIterations),
		origins:    collectOrigins(pass, ins),
		vars:       constval.New(pass.Pkg, pass.TypesInfo, ins),
		hashed:     make(map[ast.Node]*hashedPasswords),
	}
	filter := []ast.Node{
		(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.Ident)(nil),
	}
	for cur := range ins.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.checkCall(cur, n)
		case *ast.CompositeLit:
			c.checkTemplate(n)
		case *ast.AssignStmt:
			c.checkTemplateAssign(n)
		case *ast.Ident:
			c.checkCipher(cur, n)
		}
	}
	c.reportPasswords()
	if usesIVSink(pass.TypesInfo) {
		checkIVs(pass, lazyssa.Of(pass))
	}
	return nil, nil
}

// importsCrypto reports whether pkg imports any cryptographic package.
// Types such as cipher.Block reach a package through crypto/aes alone,
// so any crypto import counts.
func importsCrypto(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		p := imp.Path()
		if strings.HasPrefix(p, "crypto/") || strings.HasPrefix(p, "golang.org/x/crypto/") {
			return true
		}
	}
	return false
}

// intFlag reads one of the analyzer's integer flags, which are set
// before any pass runs and only read afterwards.
func intFlag(a *analysis.Analyzer, name string, def int) int {
	v, ok := a.Flags.Lookup(name).Value.(flag.Getter).Get().(int)
	if !ok {
		return def
	}
	return v
}

// brokenCiphers are constructors of ciphers that must not be used.
var brokenCiphers = map[string]string{
	"crypto/des.NewCipher":          "DES, a broken 56-bit cipher",
	"crypto/des.NewTripleDESCipher": "Triple DES, a 64-bit block cipher open to Sweet32",
	"crypto/rc4.NewCipher":          "RC4, a broken stream cipher",
}

// signHashArg gives the index of the crypto.Hash argument of RSA
// signing and verification functions.
var signHashArg = map[string]int{
	"crypto/rsa.SignPKCS1v15":   2,
	"crypto/rsa.SignPSS":        2,
	"crypto/rsa.VerifyPKCS1v15": 1,
	"crypto/rsa.VerifyPSS":      1,
}

func (c *checker) checkCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	name := fn.FullName()
	if i, ok := signHashArg[name]; ok && i < len(call.Args) {
		c.checkSignHash(fn, call.Args[i])
		return
	}
	switch name {
	case "crypto/hmac.New":
		c.checkHMAC(call)
	case "crypto/rsa.GenerateKey":
		c.checkRSASize(fn, call, 1)
	case "crypto/rsa.GenerateMultiPrimeKey":
		c.checkRSASize(fn, call, 2)
	case "crypto/dsa.GenerateParameters":
		c.checkDSA(call)
	case "golang.org/x/crypto/pbkdf2.Key":
		c.checkPBKDF2(fn, call, 4, 2)
	case "crypto/pbkdf2.Key":
		c.checkPBKDF2(fn, call, 0, 3)
	default:
		if isSignerSign(fn) && len(call.Args) == 3 {
			c.checkSignHash(fn, call.Args[2])
			return
		}
		c.checkPasswordHash(cur, call, fn)
		c.checkECB(cur, call, fn)
	}
}

// checkCipher reports a broken cipher's constructor, called or passed
// as a value: des.NewCipher(key), or {newBlock: des.NewTripleDESCipher}.
func (c *checker) checkCipher(cur inspector.Cursor, id *ast.Ident) {
	fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	what, ok := brokenCiphers[fn.FullName()]
	if !ok {
		return
	}
	var n ast.Node = id
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		n = sel // des.NewCipher, not just NewCipher
	}
	c.reportf(n, "%s uses %s; use AES-GCM or ChaCha20-Poly1305", shortName(fn), what)
}

func (c *checker) reportf(n ast.Node, format string, args ...any) {
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(format, args...)})
}

// shortName renders pkg.Func or Type.Method for a message.
func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// isSignerSign reports whether fn is a Sign method shaped like
// crypto.Signer's: Sign(io.Reader, []byte, crypto.SignerOpts).
func isSignerSign(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Sign" || sig.Recv() == nil || sig.Params().Len() != 3 {
		return false
	}
	return isNamed(sig.Params().At(2).Type(), "crypto", "SignerOpts")
}

func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// weakHashes are the crypto.Hash values that are open to collisions,
// by value: crypto.MD4, crypto.MD5 and crypto.SHA1. crypto.MD5SHA1 is
// left out: only TLS 1.0 and 1.1 use it, and they are checked elsewhere.
var weakHashes = map[int64]string{1: "crypto.MD4", 2: "crypto.MD5", 3: "crypto.SHA1"}

// weakHashConst returns the name of the weak crypto.Hash constant e.
// The constant may be held in a variable set once (h := crypto.SHA1).
func (c *checker) weakHashConst(e ast.Expr) (string, bool) {
	if t := c.pass.TypesInfo.TypeOf(e); t == nil || !isNamed(t, "crypto", "Hash") {
		return "", false
	}
	cv, _ := c.vars.Value(e)
	if cv == nil || cv.Kind() != constant.Int {
		return "", false
	}
	v, ok := constant.Int64Val(cv)
	if !ok {
		return "", false
	}
	name, ok := weakHashes[v]
	return name, ok
}

// checkSignHash checks the hash a signature is made or checked with:
// a crypto.Hash, or the Hash of rsa.PSSOptions given as the SignerOpts.
func (c *checker) checkSignHash(fn *types.Func, arg ast.Expr) {
	if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok && isNamed(c.pass.TypesInfo.TypeOf(lit), "crypto/rsa", "PSSOptions") {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Hash" {
						c.checkSignHash(fn, kv.Value)
					}
				}
			}
			return
		}
	}
	name, ok := c.weakHashConst(arg)
	if !ok {
		return // a strong or run-time hash
	}
	c.reportf(arg, "%s with %s, a hash open to collisions; sign a SHA-256 digest "+
		"with crypto.SHA256", shortName(fn), name)
}

// hashFunc names the hash that a func() hash.Hash value builds:
// md5.New, sha1.New, crypto.SHA1.New, or a literal returning one.
func (c *checker) hashFunc(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if len(e.Body.List) != 1 {
			return ""
		}
		ret, ok := e.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return ""
		}
		call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return ""
		}
		return c.hashFunc(call.Fun)
	case *ast.SelectorExpr:
		if e.Sel.Name == "New" {
			if name, ok := c.weakHashConst(e.X); ok {
				return strings.ToLower(strings.TrimPrefix(name, "crypto."))
			}
		}
	}
	fn := funcObj(c.pass.TypesInfo, e)
	if fn == nil {
		return ""
	}
	return hashConstructors[fn.FullName()]
}

func (c *checker) checkHMAC(call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	switch h := c.hashFunc(call.Args[0]); {
	case h == "md5" || h == "md4":
		c.reportf(call, "hmac.New with %s.New, a broken hash; use sha256.New", h)
	case h == "sha1" && c.strict:
		c.reportf(call, "hmac.New with sha1.New, which is deprecated; use sha256.New "+
			"unless a protocol requires HMAC-SHA1")
	}
}

func (c *checker) intConst(e ast.Expr) (int64, bool) {
	v, _ := c.vars.Value(e)
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

func (c *checker) checkRSASize(fn *types.Func, call *ast.CallExpr, i int) {
	if i >= len(call.Args) {
		return
	}
	arg := call.Args[i]
	bits, ok := c.intConst(arg)
	if !ok || bits >= 2048 {
		return // large enough, or chosen at run time
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s with a %d-bit key; use at least 2048 bits",
			shortName(fn), bits),
	}
	if _, ok := ast.Unparen(arg).(*ast.BasicLit); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use a 2048-bit key",
			TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte("2048")}},
		}}
	}
	c.pass.Report(d)
}

// checkDSA reports dsa.GenerateParameters(params, rand, dsa.L1024N160).
func (c *checker) checkDSA(call *ast.CallExpr) {
	if len(call.Args) != 3 {
		return
	}
	obj := constObj(c.pass.TypesInfo, call.Args[2])
	if obj == nil || obj.Name() != "L1024N160" {
		return
	}
	c.reportf(call, "dsa.GenerateParameters with 1024-bit L1024N160 parameters; "+
		"DSA is deprecated, use Ed25519 or ECDSA")
}

// constObj returns the named constant that e refers to, if any.
func constObj(info *types.Info, e ast.Expr) *types.Const {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		k, _ := info.Uses[e].(*types.Const)
		return k
	case *ast.SelectorExpr:
		k, _ := info.Uses[e.Sel].(*types.Const)
		return k
	}
	return nil
}

// funcObj returns the package-level function that e names, if any.
func funcObj(info *types.Info, e ast.Expr) *types.Func {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return nil
	}
	return fn
}
