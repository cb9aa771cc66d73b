package weakcrypto

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// maxDepth bounds how far passwordData follows local variables.
const maxDepth = 4

// hashConstructors build a fast hash.Hash, by the algorithm they give.
var hashConstructors = map[string]string{
	"crypto/md5.New":                     "md5",
	"crypto/sha1.New":                    "sha1",
	"crypto/sha256.New":                  "sha256",
	"crypto/sha256.New224":               "sha224",
	"crypto/sha512.New":                  "sha512",
	"crypto/sha512.New384":               "sha384",
	"crypto/sha512.New512_224":           "sha512",
	"crypto/sha512.New512_256":           "sha512",
	"crypto/sha3.New224":                 "sha3",
	"crypto/sha3.New256":                 "sha3",
	"crypto/sha3.New384":                 "sha3",
	"crypto/sha3.New512":                 "sha3",
	"golang.org/x/crypto/sha3.New224":    "sha3",
	"golang.org/x/crypto/sha3.New256":    "sha3",
	"golang.org/x/crypto/sha3.New384":    "sha3",
	"golang.org/x/crypto/sha3.New512":    "sha3",
	"golang.org/x/crypto/md4.New":        "md4",
	"golang.org/x/crypto/ripemd160.New":  "ripemd160",
	"golang.org/x/crypto/blake2b.New256": "blake2b",
	"golang.org/x/crypto/blake2b.New512": "blake2b",
}

// hashSums hash their first argument in one call.
var hashSums = map[string]bool{
	"crypto/md5.Sum":                     true,
	"crypto/sha1.Sum":                    true,
	"crypto/sha256.Sum224":               true,
	"crypto/sha256.Sum256":               true,
	"crypto/sha512.Sum384":               true,
	"crypto/sha512.Sum512":               true,
	"crypto/sha512.Sum512_224":           true,
	"crypto/sha512.Sum512_256":           true,
	"crypto/sha3.Sum224":                 true,
	"crypto/sha3.Sum256":                 true,
	"crypto/sha3.Sum384":                 true,
	"crypto/sha3.Sum512":                 true,
	"golang.org/x/crypto/sha3.Sum224":    true,
	"golang.org/x/crypto/sha3.Sum256":    true,
	"golang.org/x/crypto/sha3.Sum384":    true,
	"golang.org/x/crypto/sha3.Sum512":    true,
	"golang.org/x/crypto/blake2b.Sum256": true,
	"golang.org/x/crypto/blake2b.Sum384": true,
	"golang.org/x/crypto/blake2b.Sum512": true,
	"golang.org/x/crypto/blake2s.Sum256": true,
}

// slowKDFs hash passwords properly. A function that calls one and also
// a fast hash on the password is pre-hashing it (bcrypt stops at 72
// bytes), which is fine.
var slowKDFs = map[string]bool{
	"golang.org/x/crypto/bcrypt.GenerateFromPassword":   true,
	"golang.org/x/crypto/bcrypt.CompareHashAndPassword": true,
	"golang.org/x/crypto/scrypt.Key":                    true,
	"golang.org/x/crypto/argon2.Key":                    true,
	"golang.org/x/crypto/argon2.IDKey":                  true,
	"golang.org/x/crypto/pbkdf2.Key":                    true,
	"crypto/pbkdf2.Key":                                 true,
}

// passwordWords name a password when they end an identifier.
var passwordWords = map[string]bool{
	"password": true, "passwd": true, "passphrase": true, "pwd": true,
	"pw": true, "passcode": true, "pin": true,
}

// pinPinning precede "pin" in names of certificate or key pins, which
// are hashes of public keys, not secrets.
var pinPinning = map[string]bool{
	"cert": true, "key": true, "spki": true, "public": true, "pub": true,
	"tls": true, "ssl": true, "hpkp": true, "sha256": true,
}

// dataTrailers may follow a password word without changing what the
// value is: "passwordBytes", "pwdStr", "plainPassword" reversed.
var dataTrailers = map[string]bool{
	"bytes": true, "str": true, "string": true, "raw": true, "plain": true,
	"plaintext": true, "text": true, "data": true, "value": true, "val": true,
	"buf": true, "input": true, "in": true, "arg": true, "b": true,
}

// challengeWords, in the name or a parameter of the function that hashes
// a password, mark the answer to a server's challenge in a protocol that
// fixes the hash (MySQL native auth, HTTP Digest), not password storage.
var challengeWords = map[string]bool{
	"scramble": true, "challenge": true, "nonce": true, "cnonce": true,
	"realm": true,
}

// isPasswordName reports whether an identifier names a password, as a
// word: "password", "userPwd", "newPassphraseBytes"; not "passwordHash",
// "pinned" or "certPin".
func isPasswordName(name string) bool {
	words := credname.Words(name)
	for len(words) > 1 && dataTrailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if last == "pin" && len(words) > 1 && pinPinning[words[len(words)-2]] {
		return false
	}
	return passwordWords[last]
}

// checkPasswordHash records a password given to a fast hash:
// sha256.Sum256([]byte(pw)), h.Write([]byte(pw)), io.WriteString(h, pw).
// They are reported by reportPasswords once the whole function is seen.
func (c *checker) checkPasswordHash(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	var hash string
	var data ast.Expr
	switch {
	case hashSums[fn.FullName()] && len(call.Args) == 1:
		hash, data = shortName(fn), call.Args[0]
	case fn.FullName() == "io.WriteString" && len(call.Args) == 2:
		if h := c.hashOrigin(call.Args[0], 0); h != nil {
			hash, data = shortName(h), call.Args[1]
		}
	case fn.Name() == "Write" && fn.Signature().Recv() != nil && len(call.Args) == 1:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if h := c.hashOrigin(sel.X, 0); h != nil {
				hash, data = shortName(h), call.Args[0]
			}
		}
	}
	if data == nil || !c.passwordData(data, 0) {
		return
	}
	body, decl := enclosingFunc(cur)
	h := c.hashed[body]
	if h == nil {
		h = &hashedPasswords{decl: decl}
		c.hashed[body] = h
		c.bodies = append(c.bodies, body)
	}
	h.calls = append(h.calls, call)
	h.hashes = append(h.hashes, hash)
}

// hashedPasswords are the fast hashes of passwords in one function.
type hashedPasswords struct {
	decl   *ast.FuncDecl // nil in a function literal at package level
	calls  []*ast.CallExpr
	hashes []string
}

// compareFuncs compare in constant time.
var compareFuncs = map[string]bool{
	"crypto/subtle.ConstantTimeCompare": true,
	"crypto/hmac.Equal":                 true,
}

// reportPasswords reports the fast hashes of passwords, function by
// function, unless the function shows that they are not stored.
func (c *checker) reportPasswords() {
	for _, body := range c.bodies {
		h := c.hashed[body]
		switch {
		case c.calls(body, slowKDFs):
			continue // a pre-hash before bcrypt, scrypt, argon2 or PBKDF2
		case paramWords(h.decl, challengeWords):
			continue // a protocol's challenge response, not storage
		case paramWords(h.decl, workWords):
			continue // the function is a slow KDF itself, such as argon2 or bcrypt_pbkdf
		case len(h.calls) > 1 && c.calls(body, compareFuncs):
			// Both sides hashed in one function, then compared in
			// constant time: the hash evens out the lengths, nothing
			// is stored.
			continue
		}
		for i, call := range h.calls {
			c.reportf(call, "password hashed with %s, a fast hash; use bcrypt, scrypt or argon2id",
				h.hashes[i])
		}
	}
}

// hashOrigin returns the constructor of the fast hash that e holds:
// sha256.New() itself, or a local variable assigned it.
func (c *checker) hashOrigin(e ast.Expr, depth int) *types.Func {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := funcObj(c.pass.TypesInfo, e.Fun); fn != nil && hashConstructors[fn.FullName()] != "" {
			return fn
		}
	case *ast.Ident:
		for _, o := range c.origins[c.pass.TypesInfo.Uses[e]] {
			if fn := c.hashOrigin(o, depth+1); fn != nil {
				return fn
			}
		}
	}
	return nil
}

// passwordData reports whether e holds a password, by a name in it:
// password, []byte(user.Password), salt+pw, append(salt, pw...),
// fmt.Sprintf("%s%s", salt, pw), r.FormValue("password"), or a local
// variable assigned one of these.
func (c *checker) passwordData(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if isPasswordName(e.Name) {
			return true
		}
		for _, o := range c.origins[c.pass.TypesInfo.Uses[e]] {
			if c.passwordData(o, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr:
		return isPasswordName(e.Sel.Name)
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (c.passwordData(e.X, depth+1) || c.passwordData(e.Y, depth+1))
	case *ast.SliceExpr:
		return c.passwordData(e.X, depth+1)
	case *ast.IndexExpr:
		return c.namesPassword(e.Index) // form["password"]
	case *ast.CallExpr:
		return c.passwordCall(e, depth)
	}
	return false
}

// passThrough return a form of their arguments.
var passThrough = map[string]bool{
	"fmt.Sprintf": true, "fmt.Sprint": true, "strings.Join": true, "bytes.Join": true,
	"strings.TrimSpace": true, "strings.ToLower": true, "bytes.TrimSpace": true,
}

func (c *checker) passwordCall(call *ast.CallExpr, depth int) bool {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.passwordData(call.Args[0], depth+1) // []byte(password)
	}
	passes := false
	if b, ok := info.Uses[calleeIdent(call.Fun)].(*types.Builtin); ok {
		passes = b.Name() == "append"
	} else if fn := funcObj(info, call.Fun); fn != nil {
		passes = passThrough[fn.FullName()]
	}
	if passes {
		for _, a := range call.Args {
			if c.passwordData(a, depth+1) {
				return true
			}
		}
		return false
	}
	// A getter asked for the password by name: r.FormValue("password").
	t := info.TypeOf(call)
	if b, ok := types.Unalias(t).(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	return len(call.Args) > 0 && c.namesPassword(call.Args[0])
}

func calleeIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// namesPassword reports whether e is a string constant naming a
// password: "password", "db_password", "DB.Password".
func (c *checker) namesPassword(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return isPasswordName(constant.StringVal(tv.Value))
}

// calls reports whether body calls one of funcs.
func (c *checker) calls(body ast.Node, funcs map[string]bool) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := funcObj(c.pass.TypesInfo, call.Fun); fn != nil && funcs[fn.FullName()] {
				found = true
			}
		}
		return !found
	})
	return found
}

// workWords, in a parameter of the function that hashes a password,
// name a work factor: the function implements a slow password hash
// (argon2's initHash(password, salt, ..., memory), bcrypt_pbkdf's
// Key(password, salt, rounds, keyLen)) and the fast hash is one step.
var workWords = map[string]bool{
	"rounds": true, "iter": true, "iters": true, "iterations": true,
	"cost": true, "memory": true, "work": true,
}

// paramWords reports whether the function's name or a parameter
// contains one of words: scramblePassword(scramble, password).
func paramWords(decl *ast.FuncDecl, words map[string]bool) bool {
	if decl == nil {
		return false
	}
	names := []string{decl.Name.Name}
	for _, f := range decl.Type.Params.List {
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	for _, n := range names {
		for _, w := range credname.Words(n) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

// enclosingFunc returns the body of the outermost function around cur
// (closures share their parent's), and its declaration if it has one.
func enclosingFunc(cur inspector.Cursor) (ast.Node, *ast.FuncDecl) {
	var body ast.Node
	var decl *ast.FuncDecl
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
		case *ast.FuncDecl:
			body, decl = f.Body, f
		case *ast.FuncLit:
			body = f.Body
		}
	}
	return body, decl
}

// checkPBKDF2 reports PBKDF2 over MD5, or with too few iterations.
func (c *checker) checkPBKDF2(fn *types.Func, call *ast.CallExpr, hashArg, iterArg int) {
	if max(hashArg, iterArg) >= len(call.Args) {
		return
	}
	hash := c.hashFunc(call.Args[hashArg])
	if hash == "md5" || hash == "md4" {
		c.reportf(call, "%s with %s.New, a broken hash; use argon2id, or sha256.New with "+
			"at least 600000 iterations", shortName(fn), hash)
		return
	}
	iter, ok := c.intConst(call.Args[iterArg])
	if !ok || iter >= int64(c.iterations) {
		return // enough, or chosen at run time
	}
	if iter == 1 {
		return // a key expander over input that is not a password, as in scrypt
	}
	of := ""
	if hash != "" {
		of = " of " + hash
	}
	c.reportf(call, "%s with %d iterations%s, too few to slow password guessing; use "+
		"argon2id, or at least %d iterations (600000 for SHA-256)", shortName(fn), iter, of,
		c.iterations)
}

// collectOrigins records what each variable is assigned or declared with.
func collectOrigins(pass *analysis.Pass, ins *inspector.Inspector) map[types.Object][]ast.Expr {
	origins := make(map[types.Object][]ast.Expr)
	add := func(lhs []*ast.Ident, rhs []ast.Expr) {
		for i, id := range lhs {
			obj := pass.TypesInfo.ObjectOf(id)
			switch {
			case id.Name == "_" || obj == nil:
			case len(lhs) == len(rhs):
				origins[obj] = append(origins[obj], rhs[i])
			case len(rhs) == 1 && i == 0:
				origins[obj] = append(origins[obj], rhs[0]) // v, err := f()
			}
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				return // x += y keeps x's origin
			}
			var ids []*ast.Ident
			for _, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					id = &ast.Ident{Name: "_"}
				}
				ids = append(ids, id)
			}
			add(ids, n.Rhs)
		case *ast.ValueSpec:
			add(n.Names, n.Values)
		}
	})
	return origins
}
