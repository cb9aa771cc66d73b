package leakyerror

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// recvType returns the named receiver type of fn, or of the method that
// holds the function literal fn, or nil.
func recvType(fn *ssa.Function) *types.Named {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if recv := fn.Signature.Recv(); recv != nil {
		n, _ := types.Unalias(deref(recv.Type())).(*types.Named)
		return n
	}
	return nil
}

// funcName is the full name of a function or method, with the generic
// origin for instances: "fmt.Errorf", "(*net/http.Request).BasicAuth".
func funcName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.FullName()
	}
	return fn.String()
}

// pkgPath returns the import path of fn's package, or "".
func pkgPath(fn *ssa.Function) string {
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Path()
	}
	if obj := fn.Object(); obj != nil && obj.Pkg() != nil {
		return obj.Pkg().Path()
	}
	return ""
}

// qualifiedName is displayName with the package name in front when fn
// belongs to another package: "secrets.Key".
func (c *checker) qualifiedName(fn *ssa.Function) string {
	name := displayName(fn)
	if fn.Pkg != nil && fn.Pkg.Pkg != c.pass.Pkg {
		return fn.Pkg.Pkg.Name() + "." + name
	}
	if obj := fn.Object(); obj != nil && obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg {
		return obj.Pkg().Name() + "." + name
	}
	return name
}

// displayName names a function in messages: "newClient", "Client.Do", and
// for a function literal the function that holds it.
func displayName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if recv := fn.Signature.Recv(); recv != nil {
		if _, n := structOf(recv.Type()); n != nil {
			return n.Obj().Name() + "." + fn.Name()
		}
		if n, ok := types.Unalias(deref(recv.Type())).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return strings.TrimSuffix(fn.Name(), "[...]")
}
