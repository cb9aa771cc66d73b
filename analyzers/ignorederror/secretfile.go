package ignorederror

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/scaile/seclint/analyzers/internal/astutil"
	"github.com/scaile/seclint/analyzers/internal/credname"
)

// closesSecretFile reports whether call closes a local *os.File that its
// function opened for writing and that holds a secret, by its path or by
// what the function writes to it.
func (c *checker) closesSecretFile(call *ast.CallExpr, stack []ast.Node) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false // a field: opened elsewhere
	}
	file := c.pass.TypesInfo.Uses[id]
	body := astutil.EnclosingBody(stack)
	if file == nil || body == nil {
		return false
	}
	paths := c.openedForWriting(body, file)
	if len(paths) == 0 {
		return false // opened elsewhere, or read-only
	}
	for _, p := range paths {
		if c.secretPath(p) {
			return true
		}
	}
	return c.writesSecret(body, file)
}

// openedForWriting returns the path arguments of the os.Create,
// os.CreateTemp and writable os.OpenFile calls assigned to file.
func (c *checker) openedForWriting(body *ast.BlockStmt, file types.Object) []ast.Expr {
	var paths []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 || !c.refersTo(as.Lhs[0], file) {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		switch {
		case fn == nil:
		case fn.FullName() == "os.Create" && len(call.Args) == 1:
			paths = append(paths, call.Args[0])
		case fn.FullName() == "os.CreateTemp" && len(call.Args) == 2:
			paths = append(paths, call.Args[1])
		case fn.FullName() == "os.OpenFile" && len(call.Args) == 3 && c.writable(call.Args[1]):
			paths = append(paths, call.Args[0])
		}
		return true
	})
	return paths
}

// writable reports whether an os.OpenFile flag expression names
// O_WRONLY or O_RDWR.
func (c *checker) writable(flag ast.Expr) bool {
	found := false
	ast.Inspect(flag, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() != nil &&
				(obj.Pkg().Path() == "os" || obj.Pkg().Path() == "syscall") &&
				(obj.Name() == "O_WRONLY" || obj.Name() == "O_RDWR") {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) refersTo(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && (c.pass.TypesInfo.Uses[id] == obj || c.pass.TypesInfo.Defs[id] == obj)
}

// secretPath reports whether a path expression names a file of secrets:
// "id_rsa", filepath.Join(dir, "token.json"), cfg.KeyFile, tokenPath.
func (c *checker) secretPath(e ast.Expr) bool {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil &&
		tv.Value.Kind() == constant.String {
		return credname.IsSecretPath(constant.StringVal(tv.Value))
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

// writesSecret reports whether body hands a secret to a call that also
// receives file: f.Write(key), fmt.Fprintf(f, "%s", token),
// pem.Encode(f, privBlock), json.NewEncoder(f).Encode(tok).
func (c *checker) writesSecret(body *ast.BlockStmt, file types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if !c.involves(call, file) {
			return true
		}
		for _, a := range call.Args {
			if !c.refersTo(a, file) && c.secretData(a, 0) {
				found = true
			}
		}
		return !found
	})
	return found
}

// involves reports whether call writes to file: a method on it, file
// as an argument, or a method on an encoder built around it.
func (c *checker) involves(call *ast.CallExpr, file types.Object) bool {
	for _, a := range call.Args {
		if c.refersTo(a, file) {
			return true
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if c.refersTo(sel.X, file) {
		return true
	}
	inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	return ok && c.involves(inner, file)
}

// secretTypes are values that are secrets by their type.
var secretTypes = map[string]bool{
	"golang.org/x/oauth2.Token":      true,
	"crypto/rsa.PrivateKey":          true,
	"crypto/ecdsa.PrivateKey":        true,
	"crypto/ed25519.PrivateKey":      true,
	"crypto/ecdh.PrivateKey":         true,
	"golang.org/x/crypto/ssh.Signer": true,
}

// keyMarshalers return the encoded form of a private key.
var keyMarshalers = map[string]bool{
	"crypto/x509.MarshalPKCS1PrivateKey": true,
	"crypto/x509.MarshalPKCS8PrivateKey": true,
	"crypto/x509.MarshalECPrivateKey":    true,
}

// secretData reports whether e is a secret by name, type or origin.
func (c *checker) secretData(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	if secretTypes[astutil.TypeName(c.pass.TypesInfo.TypeOf(e))] {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return credname.IsSecret(e.Name)
	case *ast.SelectorExpr:
		return credname.IsSecret(e.Sel.Name)
	case *ast.UnaryExpr:
		return c.secretData(e.X, depth+1)
	case *ast.CompositeLit:
		return credname.PrivateKeyBlock(c.pass.TypesInfo, e)
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.secretData(e.Args[0], depth+1) // []byte(token)
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		return fn != nil && keyMarshalers[fn.FullName()]
	}
	return false
}
