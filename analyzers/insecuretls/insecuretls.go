package insecuretls

import (
	"crypto/tls"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/lazyssa"
	"github.com/scaile/seclint/analyzers/rule"
)

// Analyzer reports insecure crypto/tls.Config settings.
var Analyzer = &analysis.Analyzer{
	Name:      "insecuretls",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, lazyssa.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(skipsVerify)},
}

// Rule is the metadata of the insecuretls check.
var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/config.go",
	CWE:       []int{295, 326, 327},
	Severity:  rule.High,
	Doc: &lint.RawDocumentation{
		Title: "check for TLS configs that skip verification or are weak",
		Text: `Reports crypto/tls.Config values that turn off certificate
verification or weaken the protocol:

- InsecureSkipVerify set to true, whether in a composite literal or by an
assignment through a value, a pointer, a nested field such as
http.Transport.TLSClientConfig, an embedded Config or a copy made with
Clone. The value may reach the field through local variables, unexported
package variables set once, or function parameters: a call that passes a
constant true to a parameter which ends up in InsecureSkipVerify is
reported at the call, in the same package or, through facts, in any
package that imports the function. A value that comes from a flag of the
flag package which defaults to true is reported too. Without verification
anyone on the network path can impersonate the server (CWE-295).

- MinVersion or MaxVersion set to a constant below tls.VersionTLS12,
also through a variable set once or a function of the package that
returns that constant on every path. TLS 1.0 and 1.1 are deprecated (RFC 8996) and SSL 3.0 is broken
(CWE-326, CWE-327). An omitted MinVersion is fine: Go defaults to
TLS 1.2 for clients and servers.

- CipherSuites listing a suite that tls.InsecureCipherSuites returns,
matched by value after constant folding, so a suite written as a number
is found too (CWE-327). The list is the one of the Go release seclint
was built with.

- a VerifyPeerCertificate or VerifyConnection callback whose body only
returns nil, set on a config that also sets InsecureSkipVerify to true:
it looks like custom verification but verifies nothing.

A constant true in InsecureSkipVerify is not reported when the same
config, in the same function, also gets a VerifyPeerCertificate or
VerifyConnection callback that does some work: that is how Go code
implements certificate pinning or non-standard chains, and the callback
is where the verification happens.

A value that is not constant is not reported by default. It nearly
always comes from an option that the operator turns on, such as a
command-line flag defaulting to false, os.Getenv("X") == "1" or a field
of a configuration struct, and whether that option is safe depends on
where the program runs, which a linter cannot see. A constant
true stored only on one branch of a test of such an option counts as the
option: \'if cfg.Insecure { c.InsecureSkipVerify = true }\' and a switch
on a mode string with a "skip-verify" case are judged like
\'c.InsecureSkipVerify = cfg.Insecure\'. A test against nil or of an
error value is no option: a fallback that skips verification after an
error is reported. The flag -insecuretls.strict reports every value that
is not provably false, for code bases that want no such option at all.

A function whose name says it is the insecure choice (it contains
"insecure" or "skipverify", as a fluent InsecureSkipVerify() method of
a client does) and that stores a constant true is where a library
carries out its caller's choice: its calls are reported, in its own
package and, through facts, in importing ones, rather than its body.

Findings in test files are dropped unless -insecuretls.tests is set.

Suggested fixes remove an InsecureSkipVerify: true element from a
composite literal and replace a constant MinVersion below TLS 1.2 by
tls.VersionTLS12.

Limitations: the value is followed through SSA values, local variables,
struct fields of local literals and parameters of statically called
functions. It is not followed through calls of interface methods or
function values, through channels, maps or slices, nor through
reflection (reflect.Value.SetBool on the field). A callback that verifies
is only paired with InsecureSkipVerify when both are set on the same
config in the same function; a config completed by another function is
reported, and so is a client that skips verification in the handshake
and then checks ConnectionState().PeerCertificates itself with
x509.Certificate.Verify. Cipher suites are read from slice literals, not from slices
built with append. An insecure-named function that is only used as a
function value has its calls missed, and a closure is never treated as
one.`,
		Before: `
client := &http.Client{Transport: &http.Transport{
    TLSClientConfig: &tls.Config{
        InsecureSkipVerify: true,
        MinVersion:         tls.VersionTLS10,
    },
}}`,
		After: `
pool := x509.NewCertPool()
pool.AppendCertsFromPEM(caPEM)
client := &http.Client{Transport: &http.Transport{
    TLSClientConfig: &tls.Config{
        RootCAs:    pool,
        MinVersion: tls.VersionTLS12,
    },
}}`,
		Options: []string{"strict", "tests", "generated"},
	},
})

const flagStrict = "strict"

func init() {
	Analyzer.Flags.Bool(flagStrict, false,
		"also report InsecureSkipVerify set from a value that is not constant")
}

// field names the crypto/tls.Config fields the analyzer checks.
type field int

const (
	skipVerify field = iota + 1
	minVersion
	maxVersion
	cipherSuites
	verifyPeer
	verifyConn
)

var fieldNames = map[string]field{
	"InsecureSkipVerify":    skipVerify,
	"MinVersion":            minVersion,
	"MaxVersion":            maxVersion,
	"CipherSuites":          cipherSuites,
	"VerifyPeerCertificate": verifyPeer,
	"VerifyConnection":      verifyConn,
}

// insecureSuites maps the IDs of tls.InsecureCipherSuites to their names.
// It is filled once at initialisation and only read afterwards.
var insecureSuites = func() map[uint16]string {
	m := make(map[uint16]string)
	for _, s := range tls.InsecureCipherSuites() {
		m[s.ID] = s.Name
	}
	return m
}()

// versionNames names the protocol versions below TLS 1.2.
var versionNames = map[uint64]string{
	0x0300: "tls.VersionSSL30",
	0x0301: "tls.VersionTLS10",
	0x0302: "tls.VersionTLS11",
}

// A site is the source of one store into a tracked field.
type site struct {
	node  ast.Node          // the KeyValueExpr or the assignment
	value ast.Expr          // the stored expression, if single
	lit   *ast.CompositeLit // the literal holding node, if any
}

type checker struct {
	pass    *analysis.Pass
	strict  bool
	fields  map[*types.Var]field
	sites   map[token.Pos]site // by ssa.Store position
	pkg     *ssa.Package
	funcs   []*ssa.Function
	globals map[*ssa.Global]*globalUse // built on first use

	callers  map[*ssa.Function][]*ssa.Call  // static calls within the package
	always   map[*ssa.Function][]*ssa.Store // opt-in functions, see optInFunc
	sinks    map[*ssa.Function]map[int]bool
	work     []sinkParam
	calls    map[token.Pos]*ast.CallExpr // by Lparen, built on first use
	reported map[token.Pos]bool
}

func run(pass *analysis.Pass) (any, error) {
	fields := lookupFields(pass.Pkg)
	if fields == nil {
		return nil, nil // crypto/tls is not among the dependencies
	}
	c := &checker{
		pass:     pass,
		strict:   rule.BoolFlag(pass.Analyzer, flagStrict),
		fields:   fields,
		callers:  make(map[*ssa.Function][]*ssa.Call),
		sinks:    make(map[*ssa.Function]map[int]bool),
		always:   make(map[*ssa.Function][]*ssa.Store),
		reported: make(map[token.Pos]bool),
	}
	c.indexSites(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	if len(c.sites) == 0 && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // no tracked field is set, no imported sink is called
	}

	ssainfo := lazyssa.Of(pass)
	c.pkg = ssainfo.Pkg
	c.funcs = packageFuncs(ssainfo)
	for _, fn := range c.funcs {
		c.checkFunc(fn)
	}
	c.propagate()
	c.checkOptInCalls()
	c.exportFacts()
	return nil, nil
}

// lookupFields finds the tracked fields of crypto/tls.Config among the
// dependencies of pkg, or returns nil. A package can set them without
// importing crypto/tls itself, through http.Transport for example.
func lookupFields(pkg *types.Package) map[*types.Var]field {
	tlsPkg := findImport(pkg, "crypto/tls")
	if tlsPkg == nil {
		return nil
	}
	obj, _ := tlsPkg.Scope().Lookup("Config").(*types.TypeName)
	if obj == nil {
		return nil
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	fields := make(map[*types.Var]field)
	for v := range st.Fields() {
		if f, ok := fieldNames[v.Name()]; ok {
			fields[v] = f
		}
	}
	return fields
}

// findImport returns the package with the given path among the transitive
// imports of pkg.
func findImport(pkg *types.Package, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				stack = append(stack, imp)
			}
		}
	}
	return nil
}

// indexSites records where the source sets a tracked field, keyed by the
// position the SSA builder gives the matching store: the colon of a
// composite literal element, the field name of an assignment.
func (c *checker) indexSites(ins *inspector.Inspector) {
	c.sites = make(map[token.Pos]site)
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue // not a keyed struct element
				}
				if key, ok := kv.Key.(*ast.Ident); ok && c.tracked(c.pass.TypesInfo.Uses[key]) {
					c.sites[kv.Colon] = site{node: kv, value: kv.Value, lit: n}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok || !c.tracked(c.pass.TypesInfo.Uses[sel.Sel]) {
					continue
				}
				s := site{node: n}
				if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
					s.value = n.Rhs[i]
				}
				c.sites[sel.Sel.Pos()] = s
			}
		}
	})
}

func (c *checker) tracked(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && c.fields[v] != 0
}

// packageFuncs lists the package's functions, with the package
// initializer that holds the initialization of package variables.
func packageFuncs(info *buildssa.SSA) []*ssa.Function {
	funcs := info.SrcFuncs
	if init := info.Pkg.Func("init"); init != nil {
		var add func(*ssa.Function)
		add = func(fn *ssa.Function) {
			funcs = append(funcs, fn)
			for _, anon := range fn.AnonFuncs {
				add(anon)
			}
		}
		add(init)
	}
	return funcs
}

// config gathers what one function sets on one tls.Config value.
type config struct {
	skips     []*ssa.Store // InsecureSkipVerify = constant true
	params    []paramStore // InsecureSkipVerify = a parameter
	dynamic   []*ssa.Store // InsecureSkipVerify = anything else not false
	verifiers []*ssa.Store // VerifyPeerCertificate, VerifyConnection
}

type paramStore struct {
	store  *ssa.Store
	params []*ssa.Parameter
}

func (c *checker) checkFunc(fn *ssa.Function) {
	configs := make(map[any]*config)
	var order []any
	configOf := func(v ssa.Value) *config {
		key := configKey(v)
		cfg := configs[key]
		if cfg == nil {
			cfg = new(config)
			configs[key] = cfg
			order = append(order, key)
		}
		return cfg
	}

	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				c.checkStore(instr, configOf)
			case *ssa.Call:
				c.recordCall(instr)
			}
		}
	}
	for _, key := range order {
		c.checkConfig(configs[key])
	}
}

// configKey identifies the tls.Config that a FieldAddr operand points
// to, so that two loads of tr.TLSClientConfig, or of a variable captured
// by a closure, count as the same config.
func configKey(v ssa.Value) any {
	type path struct {
		base  any
		field int // -1 for a load
	}
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return path{configKey(v.X), v.Field}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return path{configKey(v.X), -1}
		}
	}
	return v
}

func (c *checker) checkStore(s *ssa.Store, configOf func(ssa.Value) *config) {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return // not a field
	}
	switch f := c.fieldAt(fa); f {
	case skipVerify:
		v := c.eval(s.Val)
		if v.isBool(true) {
			if g, ok := c.optionGuard(s); ok {
				v = g // true only when an option says so
			}
		}
		switch {
		case v.isBool(true):
			configOf(fa.X).skips = append(configOf(fa.X).skips, s)
		case v.isBool(false):
		case v.params != nil:
			cfg := configOf(fa.X)
			cfg.params = append(cfg.params, paramStore{s, v.params})
		case v.flag != "":
			c.reportFlag(s.Pos(), v.flag)
		default:
			configOf(fa.X).dynamic = append(configOf(fa.X).dynamic, s)
		}
	case minVersion, maxVersion:
		c.checkVersion(s, f)
	case cipherSuites:
		c.checkSuites(s)
	case verifyPeer, verifyConn:
		if k, ok := s.Val.(*ssa.Const); ok && k.IsNil() {
			return // no callback
		}
		configOf(fa.X).verifiers = append(configOf(fa.X).verifiers, s)
	}
}

// fieldAt returns the tracked field that fa addresses, or 0.
func (c *checker) fieldAt(fa *ssa.FieldAddr) field {
	st, ok := ptrElem(fa.X.Type()).Underlying().(*types.Struct)
	if !ok {
		return 0
	}
	return c.fields[st.Field(fa.Field)]
}

func ptrElem(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// checkConfig reports what one function set on one config, once every
// field of it is known.
func (c *checker) checkConfig(cfg *config) {
	var acceptAll []*ssa.Store
	for _, s := range cfg.verifiers {
		if !acceptsAll(s.Val) {
			return // a callback does the verification instead
		}
		acceptAll = append(acceptAll, s)
	}

	for _, s := range cfg.skips {
		if fn := optInFunc(s); fn != nil {
			c.always[fn] = append(c.always[fn], s)
			continue // reported at the calls
		}
		c.reportSkip(s)
	}
	if len(cfg.skips) > 0 {
		for _, s := range acceptAll {
			c.reportVerifier(s)
		}
	}
	for _, ps := range cfg.params {
		for _, p := range ps.params {
			c.addSink(p)
		}
		if c.strict {
			c.reportDynamic(ps.store)
		}
	}
	if c.strict {
		for _, s := range cfg.dynamic {
			c.reportDynamic(s)
		}
	}
}

// acceptsAll reports whether the callback v is a function whose body only
// returns nil.
func acceptsAll(v ssa.Value) bool {
	var fn *ssa.Function
	switch v := v.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	case *ssa.ChangeType:
		return acceptsAll(v.X)
	}
	if fn == nil || len(fn.Blocks) != 1 || len(fn.Blocks[0].Instrs) != 1 {
		return false // unknown, or does some work
	}
	ret, ok := fn.Blocks[0].Instrs[0].(*ssa.Return)
	if !ok {
		return false
	}
	for _, r := range ret.Results {
		if k, ok := r.(*ssa.Const); !ok || !k.IsNil() {
			return false
		}
	}
	return true
}

func (c *checker) checkVersion(s *ssa.Store, f field) {
	v := c.eval(s.Val)
	if v.c == nil || v.c.Kind() != constant.Int {
		return // not constant
	}
	n, ok := constant.Uint64Val(v.c)
	if !ok || n == 0 || n >= tls.VersionTLS12 {
		return // the default, or recent enough
	}
	name := versionNames[n]
	if name == "" {
		name = fmt.Sprintf("%#04x", n)
	}

	d := c.diagnostic(s.Pos())
	if f == maxVersion {
		d.Message = "tls.Config.MaxVersion " + name + " caps connections below TLS 1.2; " +
			"raise it to at least tls.VersionTLS12 or omit it"
		c.report(d)
		return
	}
	d.Message = "tls.Config.MinVersion " + name + " allows protocol versions below TLS 1.2; " +
		"raise it to tls.VersionTLS12 or omit it"
	if fix, ok := c.raiseMinVersion(s.Pos()); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.report(d)
}

func (c *checker) checkSuites(s *ssa.Store) {
	for _, e := range c.suiteElems(s.Val, s.Pos(), make(map[ssa.Value]bool)) {
		name, bad := insecureSuites[e.id]
		if !bad {
			continue
		}
		c.report(analysis.Diagnostic{
			Pos: e.pos,
			Message: "tls.Config.CipherSuites includes " + name +
				", which tls.InsecureCipherSuites lists; remove it from the list",
		})
	}
}
