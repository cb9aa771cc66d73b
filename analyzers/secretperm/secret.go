package secretperm

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"

	"github.com/scaile/seclint/analyzers/internal/astutil"
	"github.com/scaile/seclint/analyzers/internal/credname"
)

// maxDepth bounds how far secretData follows local variables.
const maxDepth = 4

// secretPath reports whether a path expression names a file of secrets:
// "id_rsa", filepath.Join(dir, "token.json"), cfg.KeyFile, tokenPath.
func (c *checker) secretPath(e ast.Expr) bool {
	if s, ok := code.ExprToString(c.pass, e); ok {
		return credname.IsSecretPath(s)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return credname.IsSecretFileVar(e.Name)
	case *ast.SelectorExpr:
		return credname.IsSecretFileVar(e.Sel.Name)
	case *ast.BinaryExpr:
		return c.secretPath(e.Y) // dir + "/id_rsa"
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		if fn != nil && (fn.FullName() == "path/filepath.Join" || fn.FullName() == "path.Join") &&
			len(e.Args) > 0 && !e.Ellipsis.IsValid() {
			return c.secretPath(e.Args[len(e.Args)-1])
		}
	}
	return false
}

// secretTypes are values that are secrets by their type.
var secretTypes = map[string]bool{
	"golang.org/x/oauth2.Token": true,
	"crypto/rsa.PrivateKey":     true,
	"crypto/ecdsa.PrivateKey":   true,
	"crypto/ed25519.PrivateKey": true,
	"crypto/ecdh.PrivateKey":    true,
}

// keyEncoders return the encoded form of a private key.
var keyEncoders = map[string]bool{
	"crypto/x509.MarshalPKCS1PrivateKey": true,
	"crypto/x509.MarshalPKCS8PrivateKey": true,
	"crypto/x509.MarshalECPrivateKey":    true,
}

// passThrough return their first argument in another form.
var passThrough = map[string]bool{
	"encoding/json.Marshal":       true,
	"encoding/json.MarshalIndent": true,
	"encoding/pem.EncodeToMemory": true,
	"encoding/hex.EncodeToString": true,
	"gopkg.in/yaml.v3.Marshal":    true,
	"gopkg.in/yaml.v2.Marshal":    true,
}

// secretData reports whether e is a secret by name, type or origin.
func (c *checker) secretData(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if secretTypes[astutil.TypeName(c.pass.TypesInfo.TypeOf(e))] {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if credname.IsSecret(e.Name) {
			return true
		}
		for _, o := range c.origins[c.pass.TypesInfo.Uses[e]] {
			if c.secretData(o, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr:
		return credname.IsSecret(e.Sel.Name)
	case *ast.UnaryExpr:
		return c.secretData(e.X, depth+1)
	case *ast.CompositeLit:
		return credname.PrivateKeyBlock(c.pass.TypesInfo, e)
	case *ast.CallExpr:
		return c.secretCall(e, depth)
	}
	return false
}

func (c *checker) secretCall(call *ast.CallExpr, depth int) bool {
	if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return c.secretData(call.Args[0], depth+1) // []byte(token)
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return false
	}
	switch {
	case keyEncoders[fn.FullName()]:
		return true
	case passThrough[fn.FullName()] && len(call.Args) > 0:
		return c.secretData(call.Args[0], depth+1)
	}
	return false
}

// fileGetsSecret reports whether the file that an os.Create or
// os.OpenFile call returns is written a secret in the same function.
func (c *checker) fileGetsSecret(call *ast.CallExpr, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	file := c.objOf(as.Lhs[0])
	return file != nil && c.writesSecret(astutil.EnclosingBody(stack), file)
}

// writesSecret reports whether body hands a secret to a call that also
// receives file: f.Write(key), fmt.Fprintf(f, "%s", token),
// pem.Encode(f, privBlock), json.NewEncoder(f).Encode(tok).
func (c *checker) writesSecret(body *ast.BlockStmt, file types.Object) bool {
	if body == nil || file == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || !c.involves(call, file) {
			return !found
		}
		for _, a := range call.Args {
			if c.objOf(a) != file && c.secretData(a, 0) {
				found = true
			}
		}
		return !found
	})
	return found
}

// involves reports whether call writes to file: a method on it, file as
// an argument, or a method on an encoder built around it.
func (c *checker) involves(call *ast.CallExpr, file types.Object) bool {
	for _, a := range call.Args {
		if c.objOf(a) == file {
			return true
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if c.objOf(sel.X) == file {
		return true
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	return ok && c.involves(inner, file)
}
