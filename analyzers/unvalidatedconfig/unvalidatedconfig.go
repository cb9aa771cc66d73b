package unvalidatedconfig

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/lazyssa"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:      "unvalidatedconfig",
	Requires:  []*analysis.Analyzer{lazyssa.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summaryFact)(nil), (*validatedTypeFact)(nil)},
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/client.go",
	CWE:       []int{20, 1173},
	Severity:  rule.Medium,
	Doc: &lint.RawDocumentation{
		Title: "check for configs used before their Validate method",
		Text: `Reports a value of a validated type that reaches a use on a path
where its validator has not succeeded. A validated type is a named
struct type that declares \'Validate() error\' (on the value or the
pointer), a type named by -types, or the type a function marked
\'//seclint:validator\' checks. A config whose \'Validate\' method is
never called, or whose error is dropped, lets an empty API key, a zero
or negative timeout or a malformed address travel into a client, where
it fails late or silently weakens the connection: improper input
validation (CWE-20), and bypass of the validation the type itself
provides (CWE-1173).

Values examined (sources):

- a composite literal or field assignment that sets a string, number or
  bool field from input: a parameter or captured variable, the
  environment, a flag or config library (flag, pflag, viper, cobra,
  urfave/cli, koanf), or a decoded struct, also through conversions and
  fmt, strings, strconv or net helpers; values the program computes
  itself (constants, package variables, other calls) are not input;
- a value decoded into: encoding/json, encoding/xml, encoding/gob,
  YAML, TOML, HCL, mapstructure, viper, envconfig, env, cleanenv, koanf,
  kong, go-flags, the \'...Var\' functions of flag and pflag writing its
  fields, and any function that passes its parameter to one of these;
- a parameter of an exported function outside package main, when the
  package declares the type.

Uses: storing the value in a struct field or package variable; passing
it to a function that, on some path, uses it without validating it;
reading its fields into an \'http.Client\', \'Transport\' or \'Server\',
a \'tls.Config\', \'net.Dialer\' and the like, or into \'sql.Open\',
a dial, listen, key-pair or certificate call; returning a decoded value
from a constructor (a function named New..., Load..., Parse..., From...
or Must...); and, for a parameter of an exported \'New...\' constructor,
any use at all: a constructor that takes the package's validated type
must validate it or pass it to something that does.

The check is flow-sensitive (SSA): a use is safe only when every path
to it goes through a validator call whose error is compared with nil
and leads to the nil branch, or is returned or handed to another
function (for a validator without an error result, the call itself).
\'_ = c.Validate()\', \'c.Validate()\' as a statement, and an error that
is checked and then ignored all count as no validation. A branch where
the value is nil is safe, and calls that do not return (log.Fatal,
panic, os.Exit, a logger's Fatal or Panic method) end a path. A
validator is the type's \'Validate\' method, a function marked
\'//seclint:validator\' (it checks its first parameter, or its receiver
when it has none), a function named by -validators, or any function
that validates its parameter on every path that returns a nil error.
The last kind is exported as a fact, as are functions that use a
parameter unvalidated or decode into it, so helpers and validating
constructors in other packages are understood.

Never reported: a value validated on every path before its use; a
constructor that validates its argument before a nil-error return (the
compliant pattern); a zero value, a constant literal, or a comparison
with one; a type whose UnmarshalJSON, UnmarshalYAML, UnmarshalXML,
UnmarshalTOML or UnmarshalText method validates it, when decoded or
taken as a parameter (a literal of it is still checked); another
package's type taken as a parameter (it is checked where it is built
or decoded); protocol buffer messages, whose generated \'Validate\'
methods check data, not configuration; methods of the type itself; a
value stored in an exported field with an encoding tag (json, yaml,
xml, toml or mapstructure), which nests it in a larger document, such
as a message block in a message or a section in a settings file, that
is checked or sent as a whole.

There is one finding per value: at the literal, variable or decode
call where it enters, at the parameter of an exported function, or at
the validator call whose error is dropped.

Flags: -types adds validated types (comma-separated, as
\'example.com/pkg.Config\'); -validators adds validator functions
(comma-separated, as printed by types.Func.FullName, for example
\'(*github.com/go-playground/validator/v10.Validate).Struct\'; the
first argument after the receiver is the one validated); -tests also
reports findings in test files, -generated in generated files.

Limitations: the proof is per function, with summaries of the functions
it calls. Validation is not seen when it runs in another goroutine,
through reflection (unless the function is named by -validators), or
through a function value or an interface other than one with
\'Validate() error\'; such a value is reported although it is checked.
Not reported: a change made to the value after it was validated; a
config nested in a type that has no validator (\'app.DB\' of a decoded
\'App\'); a config held in a map or slice; a value passed to a function
value; a value filled by a decoder that is not listed above.
`,
		Before: `func New(cfg Config) *Client {
	return &Client{cfg: cfg}
}`,
		After: `func New(cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("client config: %w", err)
	}
	return &Client{cfg: cfg}, nil
}`,
		Options: []string{"types", "validators", rule.FlagTests, rule.FlagGenerated},
	},
})

// Names of the analyzer's own flags.
const (
	flagTypes      = "types"
	flagValidators = "validators"
)

func init() {
	Analyzer.Flags.String(flagTypes, "",
		"comma-separated validated types, as path/to/pkg.Type")
	Analyzer.Flags.String(flagValidators, "",
		"comma-separated validator functions, as printed by types.Func.FullName")
}

// directive marks a function as a validator of its first parameter.
const directive = "//seclint:validator"

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:       pass,
		types:      splitSet(pass.Analyzer.Flags.Lookup(flagTypes).Value.String()),
		validators: splitSet(pass.Analyzer.Flags.Lookup(flagValidators).Value.String()),
		directives: make(map[*types.Func]bool),
		isCfg:      make(map[*types.Named]bool),
		selfValid:  make(map[*types.Named]bool),
		sums:       make(map[*ssa.Function]*summary),
	}
	c.readDirectives()
	if !c.relevant() {
		return nil, nil // no validated type in sight
	}

	funcs := c.buildSSA()
	c.summarize(funcs)
	c.exportFacts(funcs)
	for _, fn := range funcs {
		c.check(fn)
	}
	return nil, nil
}

// checker holds what one pass knows about validated types and functions.
type checker struct {
	pass       *analysis.Pass
	types      map[string]bool      // -types
	validators map[string]bool      // -validators
	directives map[*types.Func]bool // //seclint:validator in this package
	isCfg      map[*types.Named]bool
	selfValid  map[*types.Named]bool
	sums       map[*ssa.Function]*summary
	prog       *ssa.Program
	// validatesKnown is set once the validation summaries are final.
	validatesKnown bool
}

func splitSet(s string) map[string]bool {
	set := make(map[string]bool)
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			set[f] = true
		}
	}
	return set
}

// readDirectives records the functions marked //seclint:validator and
// exports a fact for the types they validate, so that importers treat
// those types as validated too.
func (c *checker) readDirectives() {
	for _, file := range c.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Doc == nil || !hasDirective(fd.Doc) {
				continue
			}
			fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			c.directives[fn] = true
			named := namedOf(checkedParam(fn))
			if named != nil && named.Obj().Pkg() == c.pass.Pkg {
				c.pass.ExportObjectFact(named.Obj(), &validatedTypeFact{Validator: shortName(fn)})
			}
		}
	}
}

func hasDirective(doc *ast.CommentGroup) bool {
	for _, cm := range doc.List {
		if strings.TrimSpace(cm.Text) == directive {
			return true
		}
	}
	return false
}

// checkedParam returns the type a marked validator checks: its first
// parameter, or its receiver when it has none.
func checkedParam(fn *types.Func) types.Type {
	sig := fn.Signature()
	if sig.Params().Len() > 0 {
		return sig.Params().At(0).Type()
	}
	if sig.Recv() != nil {
		return sig.Recv().Type()
	}
	return nil
}

// checkedIndex is the SSA argument index that checkedParam names.
func checkedIndex(fn *types.Func) int {
	sig := fn.Signature()
	if sig.Recv() != nil && sig.Params().Len() > 0 {
		return 1
	}
	return 0
}

// relevant reports whether the package declares or mentions a validated
// type, or an interface with a Validate method. Most packages do not, and
// they are left before any SSA is built.
func (c *checker) relevant() bool {
	if len(c.directives) > 0 {
		return true
	}
	seen := make(map[types.Type]bool)
	check := func(obj types.Object) bool {
		switch obj.(type) {
		case *types.Var, *types.TypeName:
		default:
			return false
		}
		t := obj.Type()
		if seen[t] {
			return false
		}
		seen[t] = true
		return c.validated(t) != nil || isValidatorIface(t)
	}
	for _, obj := range c.pass.TypesInfo.Defs {
		if obj != nil && check(obj) {
			return true
		}
	}
	for _, obj := range c.pass.TypesInfo.Uses {
		if check(obj) {
			return true
		}
	}
	return false
}

// validated returns the named type behind t (through pointers) when it
// is a validated type, else nil.
func (c *checker) validated(t types.Type) *types.Named {
	named := namedOf(t)
	if named == nil {
		return nil
	}
	named = named.Origin()
	if v, ok := c.isCfg[named]; ok {
		return pick(v, named)
	}
	v := c.isValidatedType(named)
	c.isCfg[named] = v
	return pick(v, named)
}

func pick(ok bool, n *types.Named) *types.Named {
	if ok {
		return n
	}
	return nil
}

func (c *checker) isValidatedType(named *types.Named) bool {
	obj := named.Obj()
	if obj.Pkg() == nil {
		return false // error and other universe types
	}
	if c.types[obj.Pkg().Path()+"."+obj.Name()] {
		return true
	}
	if c.pass.ImportObjectFact(obj, new(validatedTypeFact)) {
		return true
	}
	for fn := range c.directives {
		if n := namedOf(checkedParam(fn)); n != nil && n.Origin() == named {
			return true
		}
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return false // enums and other scalar types are not configs
	}
	if isProtoMessage(named) {
		return false // generated validators; the message is data, not config
	}
	for i := range named.NumMethods() {
		if isValidateMethod(named.Method(i)) {
			return true
		}
	}
	return false
}

// isValidateMethod reports whether m is Validate() error.
func isValidateMethod(m *types.Func) bool {
	if m.Name() != "Validate" {
		return false
	}
	sig := m.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
		isError(sig.Results().At(0).Type())
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isProtoMessage(named *types.Named) bool {
	for i := range named.NumMethods() {
		switch named.Method(i).Name() {
		case "ProtoReflect", "ProtoMessage":
			return true
		}
	}
	return false
}

// isValidatorIface reports whether t is an interface with Validate() error.
func isValidatorIface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumMethods() {
		if isValidateMethod(iface.Method(i)) {
			return true
		}
	}
	return false
}

// namedOf returns the named type of t, *t or **t.
func namedOf(t types.Type) *types.Named {
	for range 3 {
		if t == nil {
			return nil
		}
		t = types.Unalias(t)
		if n, ok := t.(*types.Named); ok {
			return n
		}
		p, ok := t.(*types.Pointer)
		if !ok {
			return nil
		}
		t = p.Elem()
	}
	return nil
}

// buildSSA takes the package's SSA from buildssa, which the other data
// flow rules share, and lists its functions with bodies, function
// literals included, in source order.
func (c *checker) buildSSA() []*ssa.Function {
	info := lazyssa.Of(c.pass)
	c.prog = info.Pkg.Prog
	return slices.DeleteFunc(slices.Clone(info.SrcFuncs), func(fn *ssa.Function) bool {
		return fn.Blocks == nil // declared without a body
	})
}
