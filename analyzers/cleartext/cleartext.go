package cleartext

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "cleartext",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/config.go",
	CWE:       []int{319},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for HTTP, WebSocket and gRPC traffic sent without TLS",
		Text: `Reports network traffic that is sent in clear text to or from other
machines. Anyone on the path (a shared Wi-Fi, a compromised router, a
cloud neighbour) can read the credentials, cookies and data it carries
and change them in flight (CWE-319, cleartext transmission of sensitive
information).

Reported are:

- an "http://" (or "ws://") URL to a remote host that reaches
  \'http.Get\', \'Head\', \'Post\', \'PostForm\', \'http.NewRequest\',
  \'NewRequestWithContext\', the same methods of \'http.Client\', or a
  WebSocket dial (gorilla/websocket, golang.org/x/net/websocket,
  nhooyr.io and coder WebSocket). The URL may be a constant, a
  concatenation or \'fmt.Sprintf\' whose host is constant
  (\'baseURL + "/v1"\'), a variable or field assigned once in the
  package, or the result of \'url.Parse\' on one of those;
- a \'BaseURL\', \'Endpoint\', \'URL\' or \'Host\' field (string or
  \'*url.URL\') of a client struct, one whose type name ends in Client
  (or ClientConfig, ClientOptions) or that holds an \'*http.Client\',
  set to such a URL;
- \'http.ListenAndServe\' and \'http.Server.ListenAndServe\' on a
  constant address that is not loopback (":8080", "0.0.0.0:80"), and
  \'http.Serve\' or \'Server.Serve\' on a listener from \'net.Listen\' on
  such an address;
- \'grpc.Dial\', \'DialContext\' and \'NewClient\' with
  \'grpc.WithInsecure()\' or \'insecure.NewCredentials()\' and a constant
  target that is not loopback;
- \'grpc.Server.Serve\' of a server made by \'grpc.NewServer\' without
  \'grpc.Creds\', on a listener from \'net.Listen\' on such an address.
  Options that come from elsewhere (\'opts...\') are assumed to hold
  credentials.

Not reported: loopback, link-local (cloud metadata) and reserved
example hosts; placeholder hosts of clients that talk over a unix
socket (a ".sock" host, or a host without a dot in a package that dials
a unix socket); URLs that are compared, printed or used as identifiers
(XML namespaces) and never dialled; servers whose handler redirects to
https (\'http.RedirectHandler\' to an https URL, a handler function
calling \'http.Redirect\' with an https target, autocert's
\'HTTPHandler\'); gRPC clients given a custom dialer.

The suggested fix replaces "http://" with "https://" (or "ws://" with
"wss://") in the literal the URL starts with.

Flags: -servers (default true) reports servers; turn it off for
services that sit behind a TLS-terminating proxy. -strict also reports
gRPC clients with insecure credentials whose target is computed at run
time. -tests also reports findings in test files, -generated in
generated files.

Limitations: only constant hosts are judged. URLs, listen addresses and
gRPC targets read from configuration, flags or the environment are not
reported, nor are servers whose address is computed at run time. A
value is followed through variables and fields assigned once in the
package, not through function parameters or across packages, except
for the client-struct fields above. Servers of web frameworks (gin,
echo, fiber) and clients other than net/http, gRPC and the WebSocket
packages listed are not checked. gRPC options are seen when passed
directly or in a slice literal, not when appended to a slice. A handler
counts as a redirect when it calls \'http.Redirect\' towards https and
writes no response of its own; one that writes through a helper called
without its ResponseWriter counts all the same. A server behind a
TLS-terminating proxy or in a service mesh is reported all the same
unless -servers is off.`,
		Before:  `resp, err := http.Get("http://api.acme.io/v1/users")`,
		After:   `resp, err := http.Get("https://api.acme.io/v1/users")`,
		Options: []string{flagServers, flagStrict, rule.FlagTests, rule.FlagGenerated},
	},
})

const (
	flagServers = "servers"
	flagStrict  = "strict"
)

func init() {
	Analyzer.Flags.Bool(flagServers, true,
		"report HTTP and gRPC servers listening without TLS on a non-loopback address")
	Analyzer.Flags.Bool(flagStrict, false,
		"also report insecure gRPC clients whose target is not constant")
}

// A sink sends a request to the URL in one of its arguments.
type sink struct {
	arg  int    // index of the URL argument
	verb string // what the call does with the URL, for the message
}

const (
	sends = "sends the request to"
	makes = "makes a request to"
	opens = "opens a WebSocket to"
)

var sinks = map[string]sink{
	"net/http.Get":                                       {0, sends},
	"net/http.Head":                                      {0, sends},
	"net/http.Post":                                      {0, sends},
	"net/http.PostForm":                                  {0, sends},
	"(*net/http.Client).Get":                             {0, sends},
	"(*net/http.Client).Head":                            {0, sends},
	"(*net/http.Client).Post":                            {0, sends},
	"(*net/http.Client).PostForm":                        {0, sends},
	"net/http.NewRequest":                                {1, makes},
	"net/http.NewRequestWithContext":                     {2, makes},
	"(*github.com/gorilla/websocket.Dialer).Dial":        {0, opens},
	"(*github.com/gorilla/websocket.Dialer).DialContext": {1, opens},
	"golang.org/x/net/websocket.Dial":                    {0, opens},
	"nhooyr.io/websocket.Dial":                           {1, opens},
	"github.com/coder/websocket.Dial":                    {1, opens},
}

// watched are the packages whose APIs the analyzer checks.
var watched = []string{
	"net/http", "google.golang.org/grpc", "github.com/gorilla/websocket",
	"golang.org/x/net/websocket", "nhooyr.io/websocket", "github.com/coder/websocket",
}

type checker struct {
	pass    *analysis.Pass
	defs    *defs
	servers bool
	strict  bool
	fixed   map[*ast.BasicLit]bool // literals that already carry a fix
	fields  map[*ast.BasicLit]bool // literals reported as client fields
	// unix is set when the package dials a unix socket: its clients may
	// send to a placeholder host such as http://docker/ over it.
	unix bool
}

func run(pass *analysis.Pass) (any, error) {
	if !importsAny(pass.Pkg, watched) {
		return nil, nil // no client, server or dialer to check
	}
	c := &checker{
		pass:    pass,
		defs:    newDefs(pass.TypesInfo, pass.Files),
		servers: rule.BoolFlag(pass.Analyzer, flagServers),
		strict:  rule.BoolFlag(pass.Analyzer, flagStrict),
		fixed:   make(map[*ast.BasicLit]bool),
		fields:  make(map[*ast.BasicLit]bool),
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	// Unix sockets and client fields first: a call that reads a field
	// already reported is not reported again.
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		if c.dialsUnix(cur.Node().(*ast.CallExpr)) {
			c.unix = true
			break
		}
	}
	ins.Preorder([]ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			c.checkClientLiteral(n)
		case *ast.AssignStmt:
			c.checkClientAssign(n)
		}
	})
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		c.checkCall(n.(*ast.CallExpr))
	})
	return nil, nil
}

func importsAny(pkg *types.Package, paths []string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if imp.Path() == p {
				return true
			}
		}
	}
	return false
}

func (c *checker) checkCall(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	name := fn.FullName()
	if s, ok := sinks[name]; ok && s.arg < len(call.Args) {
		c.checkSink(call, fn, s)
		return
	}
	if c.servers {
		c.checkServer(call, name)
		c.checkGRPCServer(call, name)
	}
	c.checkGRPC(call, fn, name)
}

// unixDials are the dial functions and the index of their network.
var unixDials = map[string]int{
	"net.Dial":                  0,
	"net.DialTimeout":           0,
	"net.DialUnix":              0,
	"(*net.Dialer).Dial":        0,
	"(*net.Dialer).DialContext": 1,
	"net.ResolveUnixAddr":       0,
}

// dialsUnix reports whether call dials a unix socket.
func (c *checker) dialsUnix(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	i, ok := unixDials[fn.FullName()]
	if !ok || i >= len(call.Args) {
		return false
	}
	p := c.defs.leading(call.Args[i], 0)
	return p.whole && strings.HasPrefix(p.text, "unix")
}

// checkSink reports a client call whose URL is clear text to a remote host.
func (c *checker) checkSink(call *ast.CallExpr, fn *types.Func, s sink) {
	p := c.defs.leading(call.Args[s.arg], 0)
	u := cleartextURL(p)
	if u == "" {
		return // https, local, or not known before run time
	}
	if c.unix && !strings.Contains(hostOf(u), ".") {
		return // a placeholder host for a unix socket
	}
	if p.lit != nil && c.fields[p.lit] {
		return // reported where the client's field is set
	}
	if s.verb == opens && !strings.HasPrefix(u, "ws://") && fn.Pkg().Path() != "nhooyr.io/websocket" &&
		fn.Pkg().Path() != "github.com/coder/websocket" {
		return // these dialers reject http:// URLs
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:            call.Pos(),
		End:            call.End(),
		Message:        callName(fn) + " " + s.verb + " " + u + " in clear text; use " + secure(u),
		SuggestedFixes: c.fix(p.lit),
	})
}

// secure names the TLS scheme to use instead of the one in u.
func secure(u string) string {
	if strings.HasPrefix(u, "ws://") {
		return "wss://"
	}
	return "https://"
}

// fix replaces the clear-text scheme at the start of lit with its TLS
// counterpart. A literal gets the fix once, however many calls use it.
func (c *checker) fix(lit *ast.BasicLit) []analysis.SuggestedFix {
	if lit == nil || c.fixed[lit] || len(lit.Value) < 2 {
		return nil
	}
	body := strings.ToLower(lit.Value[1:])
	var from, to string
	switch {
	case strings.HasPrefix(body, "http://"):
		from, to = "http://", "https://"
	case strings.HasPrefix(body, "ws://"):
		from, to = "ws://", "wss://"
	default:
		return nil
	}
	c.fixed[lit] = true
	start := lit.Pos() + 1
	return []analysis.SuggestedFix{{
		Message: "Replace " + from + " with " + to,
		TextEdits: []analysis.TextEdit{{
			Pos:     start,
			End:     start + token.Pos(len(from)),
			NewText: []byte(to),
		}},
	}}
}

// callName renders a function as its package name and name (http.Get),
// a method as its receiver type and name (Client.Get).
func callName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// baseFields are the names of the fields where a client keeps the URL it
// sends its requests to.
var baseFields = map[string]bool{
	"baseurl": true, "endpoint": true, "url": true, "host": true,
}

// checkClientLiteral reports a client struct literal whose base URL
// field is a clear-text URL to a remote host.
func (c *checker) checkClientLiteral(lit *ast.CompositeLit) {
	st, ok := typeOf(c.pass.TypesInfo, lit).Underlying().(*types.Struct)
	if !ok || !isClientType(typeOf(c.pass.TypesInfo, lit), st) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if field, ok := c.pass.TypesInfo.Uses[key].(*types.Var); ok {
			c.checkBaseField(kv.Value, lit.Type, field)
		}
	}
}

// checkClientAssign reports client.BaseURL = "http://...".
func (c *checker) checkClientAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s := c.pass.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			continue
		}
		st, ok := derefStruct(s.Recv())
		if ok && isClientType(s.Recv(), st) {
			c.checkBaseField(as.Rhs[i], nil, s.Obj().(*types.Var))
		}
	}
}

func (c *checker) checkBaseField(value, typ ast.Expr, field *types.Var) {
	if !baseFields[strings.ToLower(field.Name())] || !isURLType(field.Type()) {
		return
	}
	p := c.defs.leading(value, 0)
	u := cleartextURL(p)
	if u == "" || strings.HasPrefix(u, "ws://") {
		return
	}
	if p.lit != nil {
		c.fields[p.lit] = true
	}
	owner := "the client"
	if typ != nil {
		owner = types.ExprString(typ)
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: value.Pos(),
		End: value.End(),
		Message: field.Name() + " of " + owner + " is set to " + u +
			", so its requests travel in clear text; use https://",
		SuggestedFixes: c.fix(p.lit),
	})
}

func isURLType(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind() == types.String
	}
	return isNamed(t, "net/url", "URL")
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// clientSuffixes end the names of client types and of their settings.
// A name that merely contains "client" (ClientInfo, ClientMetadata) may
// describe a client, whose URL is a home page that is never dialled.
var clientSuffixes = []string{"client", "clientconfig", "clientoptions", "clientopts"}

// isClientType reports whether a struct type is an API client or its
// settings: its name says so, or it holds an *http.Client.
func isClientType(t types.Type, st *types.Struct) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name := strings.ToLower(n.Obj().Name())
		for _, suffix := range clientSuffixes {
			if strings.HasSuffix(name, suffix) {
				return true
			}
		}
	}
	for i := range st.NumFields() {
		if isNamed(st.Field(i).Type(), "net/http", "Client") {
			return true
		}
	}
	return false
}
