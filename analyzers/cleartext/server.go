package cleartext

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// checkServer reports an HTTP server started without TLS on a constant
// address that other machines can reach.
func (c *checker) checkServer(call *ast.CallExpr, name string) {
	var addr, handler ast.Expr
	var ok bool
	switch name {
	case "net/http.ListenAndServe":
		addr, handler, ok = call.Args[0], call.Args[1], true
	case "net/http.Serve":
		addr, ok = c.listenAddr(call.Args[0])
		handler = call.Args[1]
	case "(*net/http.Server).ListenAndServe":
		addr, handler, ok = c.serverFields(call)
	case "(*net/http.Server).Serve":
		_, handler, ok = c.serverFields(call)
		if ok {
			addr, ok = c.listenAddr(call.Args[0])
		}
	default:
		return
	}
	if !ok {
		return // the server or listener is made elsewhere
	}
	shown, public := c.bindAddr(addr)
	if !public || c.redirects(handler, 0) {
		return
	}
	fn := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	alt := "ListenAndServeTLS"
	if fn.Name() == "Serve" {
		alt = "ServeTLS"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: callName(fn) + " serves HTTP on " + shown + " in clear text; use " + alt +
			", or listen on a loopback address behind a TLS-terminating proxy",
	})
}

// bindAddr returns how to show a listen address and whether it is a
// constant that other machines can reach. A nil address is the default
// of http.Server, ":http".
func (c *checker) bindAddr(addr ast.Expr) (string, bool) {
	if addr == nil {
		return `":http"`, true
	}
	p := c.defs.leading(addr, 0)
	if !p.whole {
		return "", false // computed at run time
	}
	if p.text == "" {
		return `":http"`, true
	}
	return `"` + p.text + `"`, publicBind(p.text)
}

// serverFields returns the Addr and Handler of the http.Server literal
// that the receiver of call holds, or that a single later assignment
// (srv.Addr = ":8080") gives; a missing field is nil. It fails when the
// server is not a literal of this package or one of the two fields is
// assigned more than once after it.
func (c *checker) serverFields(call *ast.CallExpr) (addr, handler ast.Expr, ok bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, false
	}
	var later map[string][]def
	if v := c.defs.varOf(ast.Unparen(sel.X)); v != nil {
		later = c.defs.fieldSets[v]
	}
	for _, field := range []string{"Addr", "Handler"} {
		if ds := later[field]; len(ds) > 1 || len(ds) == 1 && ds[0].expr == nil {
			return nil, nil, false // set in several places, or computed
		}
	}
	e, _ := c.defs.origin(sel.X)
	if u, isAddr := e.(*ast.UnaryExpr); isAddr {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || !isNamed(typeOf(c.pass.TypesInfo, lit), "net/http", "Server") {
		return nil, nil, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil, false
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "Addr":
			addr = kv.Value
		case key.Name == "Handler":
			handler = kv.Value
		}
	}
	if ds := later["Addr"]; len(ds) == 1 {
		addr = ds[0].expr
	}
	if ds := later["Handler"]; len(ds) == 1 {
		handler = ds[0].expr
	}
	return addr, handler, true
}

// listenAddr returns the address of a TCP listener made by net.Listen
// or ListenConfig.Listen.
func (c *checker) listenAddr(l ast.Expr) (ast.Expr, bool) {
	e, index := c.defs.origin(l)
	call, ok := e.(*ast.CallExpr)
	if !ok || index != 0 {
		return nil, false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, false
	}
	var network, addr ast.Expr
	switch fn.FullName() {
	case "net.Listen":
		network, addr = call.Args[0], call.Args[1]
	case "(*net.ListenConfig).Listen":
		network, addr = call.Args[1], call.Args[2]
	default:
		return nil, false // TLS, a unix socket helper, or unknown
	}
	n := c.defs.leading(network, 0)
	if !n.whole || !strings.HasPrefix(n.text, "tcp") {
		return nil, false // unix sockets stay on the machine
	}
	return addr, true
}

// redirects reports whether a handler sends every client to https:
// http.RedirectHandler to an https URL, autocert's HTTPHandler, or a
// function or ServeHTTP method that calls http.Redirect towards https.
func (c *checker) redirects(h ast.Expr, depth int) bool {
	if h == nil || depth > maxDepth {
		return false // DefaultServeMux
	}
	e, _ := c.defs.origin(h)
	switch e := e.(type) {
	case *ast.FuncLit:
		return c.bodyRedirects(e.Type, e.Body)
	case *ast.CallExpr:
		if tv := c.pass.TypesInfo.Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
			return c.redirects(e.Args[0], depth+1) // http.HandlerFunc(f)
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func)
		if !ok {
			return false
		}
		switch fn.FullName() {
		case "net/http.RedirectHandler":
			return isHTTPS(c.defs.leading(e.Args[0], 0))
		case "(*golang.org/x/crypto/acme/autocert.Manager).HTTPHandler":
			return true // answers ACME challenges and redirects the rest
		}
		return false
	case *ast.Ident, *ast.SelectorExpr:
		fn, ok := c.funcOf(e)
		if ok {
			return c.funcRedirects(fn)
		}
	}
	return c.serveHTTPRedirects(typeOf(c.pass.TypesInfo, e))
}

// funcOf returns the function or method value that e names.
func (c *checker) funcOf(e ast.Expr) (*types.Func, bool) {
	switch e := e.(type) {
	case *ast.Ident:
		fn, ok := c.pass.TypesInfo.Uses[e].(*types.Func)
		return fn, ok
	case *ast.SelectorExpr:
		fn, ok := c.pass.TypesInfo.Uses[e.Sel].(*types.Func)
		return fn, ok
	}
	return nil, false
}

// serveHTTPRedirects reports whether t has a ServeHTTP method declared
// in this package that redirects to https.
func (c *checker) serveHTTPRedirects(t types.Type) bool {
	if _, ok := t.(*types.Basic); ok {
		return false // nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	return ok && c.funcRedirects(fn)
}

func (c *checker) funcRedirects(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false // its body is not at hand
	}
	for _, f := range c.pass.Files {
		if f.FileStart > fn.Pos() || fn.Pos() > f.FileEnd {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
				return fd.Body != nil && c.bodyRedirects(fd.Type, fd.Body)
			}
		}
	}
	return false
}

// bodyRedirects reports whether a handler only redirects to https: it
// calls http.Redirect with a target that is https, by its text or
// because the body sets a URL's Scheme to "https", and hands its
// ResponseWriter to nothing else.
func (c *checker) bodyRedirects(ftype *ast.FuncType, body *ast.BlockStmt) bool {
	w := c.responseWriter(ftype)
	redirect, https, serves := false, false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
			if ok && fn.FullName() == "net/http.Redirect" && len(n.Args) == 4 {
				redirect = true
				https = https || isHTTPS(c.defs.leading(n.Args[2], 0))
				return true
			}
			serves = serves || c.writesTo(n, w)
		case *ast.AssignStmt:
			https = https || c.setsHTTPSScheme(n)
		}
		return true
	})
	return redirect && https && !serves
}

// responseWriter returns the http.ResponseWriter parameter of a handler.
func (c *checker) responseWriter(ftype *ast.FuncType) types.Object {
	if ftype.Params == nil || len(ftype.Params.List) == 0 {
		return nil
	}
	names := ftype.Params.List[0].Names
	if len(names) == 0 {
		return nil
	}
	return c.pass.TypesInfo.Defs[names[0]]
}

// writesTo reports whether call writes a response through w: a method of
// w other than Header, or w passed as an argument.
func (c *checker) writesTo(call *ast.CallExpr, w types.Object) bool {
	if w == nil {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.isObj(sel.X, w) {
		return sel.Sel.Name != "Header"
	}
	for _, arg := range call.Args {
		if c.isObj(arg, w) {
			return true
		}
	}
	return false
}

func (c *checker) isObj(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == obj
}

// setsHTTPSScheme reports whether as is u.Scheme = "https" on a url.URL.
func (c *checker) setsHTTPSScheme(as *ast.AssignStmt) bool {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Scheme" || !isNamed(typeOf(c.pass.TypesInfo, sel.X), "net/url", "URL") {
		return false
	}
	p := c.defs.leading(as.Rhs[0], 0)
	return p.whole && strings.EqualFold(p.text, "https")
}

func isHTTPS(p prefix) bool {
	return strings.HasPrefix(strings.ToLower(p.text), "https://")
}
