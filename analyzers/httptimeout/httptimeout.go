package httptimeout

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/code"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/astutil"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "httptimeout",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/transport.go",
	CWE:       []int{400},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for HTTP servers and clients without timeouts",
		Text: `Reports HTTP servers and clients that have no timeout. A server
without \'ReadHeaderTimeout\' (or \'ReadTimeout\') waits for ever for a
client that sends its request headers one byte at a time, so a handful
of slow connections exhausts its file descriptors and memory
(Slowloris). A client without \'Timeout\' waits for ever for a server
that stops answering, and every stuck call keeps a goroutine and a
connection. Both are uncontrolled resource consumption (CWE-400).

Reported are:

- an \'http.Server\' literal with neither \'ReadHeaderTimeout\' nor
  \'ReadTimeout\', unless one of them is assigned later in the same
  function;
- the package helpers \'http.ListenAndServe\', \'ListenAndServeTLS\',
  \'Serve\' and \'ServeTLS\', whose server has no timeouts at all;
- an \'http.Client\' literal without \'Timeout\' that the same function
  uses for a request, unless every request it sends carries a context
  made in that function by \'context.WithTimeout\' or
  \'context.WithDeadline\';
- \'http.Get\', \'Head\', \'Post\' and \'PostForm\', and uses of
  \'http.DefaultClient\' other than a \'Do\' with such a request,
  unless the package gives \'http.DefaultClient\' a timeout (sets its
  \'Timeout\' or replaces it with a client that has one), as programs
  do in init or at the start of main.

A timeout set to a constant zero or less (\'ReadTimeout: 0\',
\'Timeout: -1\') is no timeout to net/http, and counts as not set.

A server whose address is a constant on a loopback host
(\'"localhost:6060"\', \'"127.0.0.1:8080"\', \'"[::1]:8443"\'), or an
address whose constant start names such a host (\'"localhost:"+port\',
\'fmt.Sprintf("127.0.0.1:%d", port)\'), is not reported: only processes of the same machine can connect to it, and they
have cheaper ways to exhaust it. This is the usual pprof or debug
endpoint. An address with no host, such as \'":8080"\', listens on every
interface and is reported.

Example programs are reported like other code: a \'package main\' under
examples/ is what users copy into their servers. A module that does not
want its examples checked lists them under exclude in .seclint.yml
(\'exclude: ["examples/**"]\'). Directories whose names start with _ or
are named testdata, such as _examples, are never matched by ./... .

The suggested fix adds \'ReadHeaderTimeout: 10 * time.Second\' to a
server literal, importing "time" when needed.

Flags: -tests also reports findings in test files, -generated in
generated files.

Limitations: the analysis is local to a function. A server whose
timeouts are set by a helper it is passed to is reported all the same,
while a server declared as a zero value (\'var srv http.Server\') is not
examined. A client literal that escapes the function (stored in a field
or returned) is not reported, since its requests are sent elsewhere, and
a deadline that reaches a request through a context parameter is not
seen, so such a client is reported when used in the same function. The
address of a listener is not followed: a server that serves only a
loopback listener (\'srv.Serve(l)\' with l from
\'net.Listen("tcp", "127.0.0.1:0")\', as httptest does) is reported.`,
		Before: `srv := &http.Server{Addr: ":8443", Handler: mux}`,
		After: `srv := &http.Server{
	Addr:              ":8443",
	Handler:           mux,
	ReadHeaderTimeout: 10 * time.Second,
}`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// serveHelpers start a server that has no timeouts.
var serveHelpers = map[string]bool{
	"net/http.ListenAndServe":    true,
	"net/http.ListenAndServeTLS": true,
	"net/http.Serve":             true,
	"net/http.ServeTLS":          true,
}

// defaultClientHelpers send a request with http.DefaultClient.
var defaultClientHelpers = map[string]bool{
	"net/http.Get":      true,
	"net/http.Head":     true,
	"net/http.Post":     true,
	"net/http.PostForm": true,
}

// sendMethods are the methods of *http.Client that send a request.
var sendMethods = map[string]bool{
	"Do": true, "Get": true, "Head": true, "Post": true, "PostForm": true,
}

func run(pass *analysis.Pass) (any, error) {
	if !importsHTTP(pass.Pkg) {
		return nil, nil // no net/http, nothing to check
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	defaultBounded := setsDefaultTimeout(pass, ins)
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)}
	for cur := range ins.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			checkLiteral(pass, cur, n)
		case *ast.CallExpr:
			checkCall(pass, n, defaultBounded)
		case *ast.SelectorExpr:
			if !defaultBounded {
				checkDefaultClient(pass, cur, n)
			}
		}
	}
	return nil, nil
}

func importsHTTP(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "net/http" {
			return true
		}
	}
	return false
}

// isHTTPType reports whether t (or what it points to) is net/http.name.
func isHTTPType(t types.Type, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && obj.Name() == name
}

func checkLiteral(pass *analysis.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	t := pass.TypesInfo.TypeOf(lit)
	switch {
	case t == nil:
		return
	case isHTTPType(t, "Server"):
		checkServer(pass, cur, lit)
	case isHTTPType(t, "Client"):
		checkClient(pass, cur, lit)
	}
}

func checkServer(pass *analysis.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	if hasField(pass, lit, "ReadHeaderTimeout", "ReadTimeout") {
		return // the server bounds how long a request may take to arrive
	}
	if addr := fieldValue(lit, "Addr"); addr != nil && isLoopback(pass, addr) {
		return // only this host can connect
	}
	scope := astutil.OutermostBody(cur)
	if scope != nil && assignsField(pass, scope, "Server", "ReadHeaderTimeout", "ReadTimeout") {
		return // set after construction
	}
	pass.Report(analysis.Diagnostic{
		Pos: lit.Pos(),
		End: lit.End(),
		Message: "http.Server has neither ReadHeaderTimeout nor ReadTimeout, so slow clients " +
			"can hold connections open for ever; set ReadHeaderTimeout",
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Add ReadHeaderTimeout: 10 * time.Second",
			TextEdits: addTimeoutEdits(pass, lit),
		}},
	})
}

// hasField reports whether the keyed literal sets one of the named
// fields to something other than a constant zero, which net/http takes
// as no timeout at all.
func hasField(pass *analysis.Pass, lit *ast.CompositeLit, names ...string) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true // an unkeyed literal sets every field
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok || isZero(pass, kv.Value) {
			continue
		}
		for _, name := range names {
			if key.Name == name {
				return true
			}
		}
	}
	return false
}

// isZero reports whether e is a constant zero or less, ReadTimeout: 0
// or Timeout: -1, which net/http takes as no timeout.
func isZero(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) <= 0
}

// fieldValue returns the value of the named field in a keyed literal.
func fieldValue(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == name {
			return kv.Value
		}
	}
	return nil
}

// isLoopback reports whether e is a constant listen address on a
// loopback host, such as "localhost:6060" or "127.0.0.1:8080". A slow
// client there is a process of the same machine, which has cheaper ways
// to exhaust it, so the missing timeouts are not reported. An address
// with no host (":8080") listens on every interface.
// The host may also be the constant start of an address built at run
// time: "localhost:"+port or fmt.Sprintf("127.0.0.1:%d", port).
func isLoopback(pass *analysis.Pass, e ast.Expr) bool {
	addr, ok := constPrefix(pass, e)
	if !ok {
		return false // known only at run time
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// constPrefix returns the constant text at the start of the string e
// up to the last colon it holds, or all of a constant.
func constPrefix(pass *analysis.Pass, e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if s, ok := constString(pass, e); ok {
		return s, true
	}
	var prefix string
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		p, ok := constPrefix(pass, e.X)
		if !ok {
			return "", false
		}
		prefix = p
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(pass.TypesInfo, e).(*types.Func)
		if !ok || fn.FullName() != "fmt.Sprintf" || len(e.Args) == 0 {
			return "", false
		}
		format, ok := constString(pass, e.Args[0])
		if !ok {
			return "", false
		}
		prefix, _, _ = strings.Cut(format, "%")
	default:
		return "", false
	}
	i := strings.LastIndexByte(prefix, ':')
	if i < 0 {
		return "", false // the host itself is not constant
	}
	return prefix[:i+1], true
}

func constString(pass *analysis.Pass, e ast.Expr) (string, bool) {
	return code.ExprToString(pass, e)
}

// assignsField reports whether scope assigns one of the named fields of
// net/http.typeName.
func assignsField(pass *analysis.Pass, scope ast.Node, typeName string, fields ...string) bool {
	found := false
	ast.Inspect(scope, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			zero := len(as.Rhs) == len(as.Lhs) && isZero(pass, as.Rhs[i])
			if !zero && isFieldSel(pass, lhs, typeName, fields...) {
				found = true
			}
		}
		return true
	})
	return found
}

// setsDefaultTimeout reports whether the package gives http.DefaultClient
// a timeout, setting its Timeout or replacing it with a client that has
// one. Its uses are then bounded once that code has run, which is where
// programs do it: in init or at the start of main.
func setsDefaultTimeout(pass *analysis.Pass, ins *inspector.Inspector) bool {
	found := false
	for cur := range ins.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			rhs := as.Rhs[i]
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Timeout" &&
				isDefaultClient(pass, sel.X) && !isZero(pass, rhs) {
				found = true
			}
			if isDefaultClient(pass, lhs) {
				if u, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok && u.Op == token.AND {
					rhs = u.X
				}
				if lit, ok := ast.Unparen(rhs).(*ast.CompositeLit); ok && hasField(pass, lit, "Timeout") {
					found = true
				}
			}
		}
	}
	return found
}

// isDefaultClient reports whether e is net/http's DefaultClient.
func isDefaultClient(pass *analysis.Pass, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultClient"
}

// isFieldSel reports whether e selects one of the named fields of
// net/http.typeName.
func isFieldSel(pass *analysis.Pass, e ast.Expr, typeName string, fields ...string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || !isHTTPType(s.Recv(), typeName) {
		return false
	}
	for _, f := range fields {
		if s.Obj().Name() == f {
			return true
		}
	}
	return false
}

func checkClient(pass *analysis.Pass, cur inspector.Cursor, lit *ast.CompositeLit) {
	if hasField(pass, lit, "Timeout") {
		return
	}
	scope := astutil.OutermostBody(cur)
	if scope == nil {
		return // a package-level client is used elsewhere
	}
	v := boundVar(pass, cur)
	if v == nil {
		return // the client escapes; its requests are sent elsewhere
	}
	if assignsField(pass, scope, "Client", "Timeout") {
		return
	}
	if !sendsWithoutDeadline(pass, scope, v) {
		return // unused here, or every request has a deadline
	}
	pass.Report(analysis.Diagnostic{
		Pos: lit.Pos(),
		End: lit.End(),
		Message: "http.Client has no Timeout and its requests carry no deadline, so a silent " +
			"server blocks the call for ever; set Timeout",
	})
}

// boundVar returns the local variable that the literal at cur, or its
// address, is assigned to.
func boundVar(pass *analysis.Pass, cur inspector.Cursor) types.Object {
	parent := cur.Parent()
	if u, ok := parent.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur, parent = parent, parent.Parent()
	}
	var lhs ast.Expr
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				lhs = p.Lhs[i]
			}
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == cur.Node() && i < len(p.Names) {
				lhs = p.Names[i]
			}
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := pass.TypesInfo.ObjectOf(id)
	if v, ok := obj.(*types.Var); ok && v.Parent() != v.Pkg().Scope() {
		return v
	}
	return nil
}

// sendsWithoutDeadline reports whether scope sends a request through
// the client v without a context deadline made in scope.
func sendsWithoutDeadline(pass *analysis.Pass, scope *ast.BlockStmt, v types.Object) bool {
	dl := deadlines(pass, scope)
	found := false
	ast.Inspect(scope, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !sendMethods[sel.Sel.Name] {
			return true
		}
		recv, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || pass.TypesInfo.Uses[recv] != v {
			return true
		}
		if sel.Sel.Name != "Do" || len(call.Args) != 1 || !dl.request(pass, call.Args[0]) {
			found = true
		}
		return true
	})
	return found
}

// deadlineSet holds the local contexts of a function made with a
// deadline, and the requests made with them.
type deadlineSet struct {
	ctxs map[types.Object]bool
	reqs map[types.Object]bool
}

// deadlines collects the contexts and requests of scope that carry a
// deadline set in scope.
func deadlines(pass *analysis.Pass, scope *ast.BlockStmt) *deadlineSet {
	d := &deadlineSet{ctxs: make(map[types.Object]bool), reqs: make(map[types.Object]bool)}
	// Two rounds: a request may be declared before its context is
	// known only in source order, never the other way round.
	for range 2 {
		ast.Inspect(scope, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || len(as.Lhs) == 0 {
				return true
			}
			id, ok := as.Lhs[0].(*ast.Ident)
			if !ok {
				return true
			}
			obj := pass.TypesInfo.ObjectOf(id)
			switch {
			case isDeadlineCtx(pass, call):
				d.ctxs[obj] = true
			case d.request(pass, call):
				d.reqs[obj] = true
			}
			return true
		})
	}
	return d
}

func isDeadlineCtx(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	switch fn.FullName() {
	case "context.WithTimeout", "context.WithDeadline",
		"context.WithTimeoutCause", "context.WithDeadlineCause":
		return true
	}
	return false
}

// request reports whether e is a request that carries a deadline
// context of the set.
func (d *deadlineSet) request(pass *analysis.Pass, e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		return d.reqs[pass.TypesInfo.Uses[id]]
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	switch fn.FullName() {
	case "net/http.NewRequestWithContext",
		"(*net/http.Request).WithContext", "(*net/http.Request).Clone":
		id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		return ok && d.ctxs[pass.TypesInfo.Uses[id]]
	}
	return false
}

// checkCall checks a call of net/http's helpers; defaultBounded says the
// package gives http.DefaultClient a timeout.
func checkCall(pass *analysis.Pass, call *ast.CallExpr, defaultBounded bool) {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	name := "http." + fn.Name()
	switch {
	case serveHelpers[fn.FullName()]:
		if len(call.Args) > 0 && isLoopback(pass, call.Args[0]) {
			return // only this host can connect
		}
		pass.Report(analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: name + " serves with no timeouts, so slow clients can hold connections " +
				"open for ever; use an http.Server with ReadHeaderTimeout set",
		})
	case defaultClientHelpers[fn.FullName()] && !defaultBounded:
		pass.Report(analysis.Diagnostic{
			Pos: call.Pos(),
			End: call.End(),
			Message: name + " uses http.DefaultClient, which has no timeout, so a silent server " +
				"blocks the call for ever; use an http.Client with Timeout set",
		})
	}
}

func checkDefaultClient(pass *analysis.Pass, cur inspector.Cursor, sel *ast.SelectorExpr) {
	if !isDefaultClient(pass, sel) {
		return
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.BinaryExpr:
		return // compared, not used
	case *ast.AssignStmt:
		if len(p.Lhs) > 0 && p.Lhs[0] == sel {
			return // replaced, not used
		}
	case *ast.SelectorExpr:
		if p.Sel.Name == "Timeout" {
			return // reads or sets the timeout
		}
		if p.Sel.Name == "Do" && doesDeadlineDo(pass, cur) {
			return
		}
	}
	pass.Report(analysis.Diagnostic{
		Pos: sel.Pos(),
		End: sel.End(),
		Message: "http.DefaultClient has no timeout, so a silent server blocks the call " +
			"for ever; use an http.Client with Timeout set",
	})
}

// doesDeadlineDo reports whether the http.DefaultClient at cur is the
// receiver of a Do whose request has a deadline made in the function.
func doesDeadlineDo(pass *analysis.Pass, cur inspector.Cursor) bool {
	call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	scope := astutil.OutermostBody(cur)
	return scope != nil && deadlines(pass, scope).request(pass, call.Args[0])
}

// addTimeoutEdits adds ReadHeaderTimeout to a server literal, and the
// "time" import when the file lacks it.
func addTimeoutEdits(pass *analysis.Pass, lit *ast.CompositeLit) []analysis.TextEdit {
	file := fileOf(pass, lit.Pos())
	pkgName, importEdit := timeImport(pass, file)
	field := "ReadHeaderTimeout: 10 * " + pkgName + ".Second"
	var text string
	switch {
	case len(lit.Elts) == 0:
		text = field
	case line(pass, lit.Elts[len(lit.Elts)-1].End()) == line(pass, lit.Rbrace):
		text = ", " + field
	default:
		text = field + ",\n"
	}
	edits := []analysis.TextEdit{{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}}
	return append(edits, importEdit...)
}

func line(pass *analysis.Pass, pos token.Pos) int { return pass.Fset.Position(pos).Line }

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// timeImport returns the name under which file imports "time", and the
// edit that adds the import when it does not.
func timeImport(pass *analysis.Pass, file *ast.File) (string, []analysis.TextEdit) {
	if file == nil {
		return "time", nil
	}
	for _, imp := range file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path != "time" {
			continue
		}
		switch {
		case imp.Name == nil:
			return "time", nil
		case imp.Name.Name != "_" && imp.Name.Name != ".":
			return imp.Name.Name, nil
		}
	}
	if pkgNameTaken(pass, file, "time") {
		return "time", nil // would shadow; leave the import to the user
	}
	return "time", []analysis.TextEdit{astutil.AddImport(file, "time")}
}

// pkgNameTaken reports whether name is declared at file or package scope.
func pkgNameTaken(pass *analysis.Pass, file *ast.File, name string) bool {
	if pass.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	if s := pass.TypesInfo.Scopes[file]; s != nil && s.Lookup(name) != nil {
		return true
	}
	return false
}
