package secretperm

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/lint"

	"github.com/scaile/seclint/analyzers/internal/astutil"
	"github.com/scaile/seclint/analyzers/internal/constval"
	"github.com/scaile/seclint/analyzers/rule"
)

var Analyzer = &analysis.Analyzer{
	Name:     "secretperm",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var Rule = rule.New(Analyzer, rule.Meta{
	Compliant: "secureclient/keys.go",
	CWE:       []int{732, 276},
	Severity:  rule.High,
	Doc: &lint.RawDocumentation{
		Title: "check for secret files readable by group or others",
		Text: `Reports files that hold keys, tokens or credentials and are written,
created or re-moded with permission bits for group or others
(\'mode&0o077 != 0\'). Any local user, or any process in the same group,
can then read the secret (CWE-732, incorrect permission assignment for
critical resource; CWE-276, incorrect default permissions).

Calls checked: \'os.WriteFile\' (and \'ioutil.WriteFile\'), \'os.OpenFile\'
with a creating or writing flag, \'os.Chmod\' and \'File.Chmod\' with a
constant mode, and \'os.Create\', which creates files as 0666 before the
umask. A file holds a secret when its path says so (\'id_rsa\',
\'*.key\', \'*.pem\' other than certificates, \'credentials.json\',
\'.env\', \'token\', or a variable such as \'keyFile\' or \'tokenPath\'), or
when the data written is a secret: a credential-named value, a private
key marshalled with x509 or PEM-encoded as a PRIVATE KEY block, an
oauth2 token, followed through local variables, \'[]byte\' conversions
and \'json.Marshal\'.

Ordinary files at 0644, certificates and public keys, and directories
are never reported. The suggested fix sets the mode to 0o600 (keeping
the owner's bits), or replaces \'os.Create\' with an \'os.OpenFile\' at
0o600.

Flags: -tests also reports findings in test files, -generated in
generated files.

A mode is constant when the type checker knows it or when it is held in
a variable set once to a constant and never changed
(\'perm := os.FileMode(0o644)\').

Limitations: modes computed at run time are not checked. A secret whose
path and value names are neutral and that is written by a helper in
another function is not recognised. Directories are not checked, though
a world-writable directory lets others replace the files in it.`,
		Before:  `os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519"), pemBytes, 0o644)`,
		After:   `os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519"), pemBytes, 0o600)`,
		Options: []string{rule.FlagTests, rule.FlagGenerated},
	},
})

// A call checked by the analyzer: where its path and mode arguments are.
type target struct {
	path, mode int // argument indexes; mode -1 when the call has none
	data       int // the data argument, or -1
	writes     bool
}

var targets = map[string]target{
	"os.WriteFile":        {path: 0, mode: 2, data: 1},
	"io/ioutil.WriteFile": {path: 0, mode: 2, data: 1},
	"os.OpenFile":         {path: 0, mode: 2, data: -1, writes: true},
	"os.Chmod":            {path: 0, mode: 1, data: -1},
	"os.Create":           {path: 0, mode: -1, data: -1, writes: true},
}

type checker struct {
	pass    *analysis.Pass
	origins map[types.Object][]ast.Expr
	vars    *constval.Vars
}

func run(pass *analysis.Pass) (any, error) {
	if !importsOS(pass.Pkg) {
		return nil, nil // no file APIs here
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, origins: collectOrigins(pass, ins), vars: constval.New(pass.Pkg, pass.TypesInfo, ins)}
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if push {
			c.checkCall(n.(*ast.CallExpr), stack)
		}
		return true
	})
	return nil, nil
}

func importsOS(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "os" || imp.Path() == "io/ioutil" {
			return true
		}
	}
	return false
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	if fn.FullName() == "(*os.File).Chmod" {
		c.checkFileChmod(call, stack)
		return
	}
	t, ok := targets[fn.FullName()]
	if !ok || len(call.Args) <= max(t.path, t.mode, t.data) {
		return
	}
	mode := int64(0o666) // os.Create
	if t.mode >= 0 {
		m, ok := c.constMode(call.Args[t.mode])
		if !ok {
			return // computed at run time
		}
		mode = m
	}
	if mode&0o077 == 0 {
		return // owner only
	}
	if fn.FullName() == "os.OpenFile" && !c.creates(call.Args[1]) {
		return // opens an existing file; its mode is not changed
	}
	path := call.Args[t.path]
	secret := c.secretPath(path)
	if !secret && t.data >= 0 {
		secret = c.secretData(call.Args[t.data], 0)
	}
	if !secret && t.writes {
		secret = c.fileGetsSecret(call, stack)
	}
	if !secret {
		return
	}
	c.report(call, fn, path, mode)
}

func (c *checker) report(call *ast.CallExpr, fn *types.Func, path ast.Expr, mode int64) {
	d := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s gives the secret file %s mode %#o, readable by group or "+
			"others; use 0o600", funcName(fn), c.describe(path), mode),
	}
	if fix, ok := c.fix(call, fn, mode); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// funcName renders os.WriteFile or, for a method, File.Chmod.
func funcName(fn *types.Func) string {
	if fn.Signature().Recv() != nil {
		return "File." + fn.Name() // the only method checked
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// checkFileChmod reports f.Chmod(0644) on a file of secrets created in
// the same function.
func (c *checker) checkFileChmod(call *ast.CallExpr, stack []ast.Node) {
	if len(call.Args) != 1 {
		return
	}
	mode, ok := c.constMode(call.Args[0])
	if !ok || mode&0o077 == 0 {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	for _, o := range c.origins[c.objOf(sel.X)] {
		open, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok || len(open.Args) == 0 {
			continue
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, open).(*types.Func)
		if fn == nil || (fn.FullName() != "os.OpenFile" && fn.FullName() != "os.Create") {
			continue
		}
		if c.secretPath(open.Args[0]) || c.writesSecret(astutil.EnclosingBody(stack), c.objOf(sel.X)) {
			fnChmod := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
			c.report(call, fnChmod, open.Args[0], mode)
			return
		}
	}
}

// constMode returns a constant file mode, also one held in a variable
// set once and never changed (perm := os.FileMode(0o644)).
func (c *checker) constMode(e ast.Expr) (int64, bool) {
	v, _ := c.vars.Value(e)
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// creates reports whether an os.OpenFile flag includes O_CREATE: only
// then does the mode argument apply. A flag computed at run time is
// assumed to create.
func (c *checker) creates(flag ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[flag]
	if !ok || tv.Value == nil {
		return true
	}
	var osPkg *types.Package
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == "os" {
			osPkg = imp
		}
	}
	if osPkg == nil {
		return true
	}
	create, ok := osPkg.Scope().Lookup("O_CREATE").(*types.Const)
	if !ok {
		return true
	}
	bits := constant.BinaryOp(tv.Value, token.AND, create.Val())
	return constant.Sign(bits) != 0
}

// describe renders a path for a message: the constant, or the source.
func (c *checker) describe(e ast.Expr) string {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil &&
		tv.Value.Kind() == constant.String {
		return strconv.Quote(constant.StringVal(tv.Value))
	}
	s := types.ExprString(e)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// fix sets the mode to the owner's bits, or turns os.Create into an
// os.OpenFile at 0o600.
func (c *checker) fix(call *ast.CallExpr, fn *types.Func, mode int64) (analysis.SuggestedFix, bool) {
	owner := mode & 0o700
	if owner == 0 {
		owner = 0o600
	}
	newMode := fmt.Sprintf("0o%o", owner)
	if fn.FullName() == "os.Create" {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		os := types.ExprString(sel.X)
		return analysis.SuggestedFix{
			Message: "Create the file with os.OpenFile and mode 0o600",
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("OpenFile")},
				{Pos: call.Args[0].End(), End: call.Args[0].End(), NewText: []byte(", " + os +
					".O_RDWR|" + os + ".O_CREATE|" + os + ".O_TRUNC, 0o600")},
			},
		}, true
	}
	arg := call.Args[len(call.Args)-1]
	return analysis.SuggestedFix{
		Message:   "Set the mode to " + newMode,
		TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(newMode)}},
	}, true
}

func (c *checker) objOf(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return c.pass.TypesInfo.ObjectOf(id)
}

// collectOrigins records what each local variable is assigned.
func collectOrigins(pass *analysis.Pass, ins *inspector.Inspector) map[types.Object][]ast.Expr {
	origins := make(map[types.Object][]ast.Expr)
	ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) {
		as := n.(*ast.AssignStmt)
		if as.Tok != token.DEFINE && as.Tok != token.ASSIGN {
			return
		}
		for i, l := range as.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			obj := pass.TypesInfo.ObjectOf(id)
			switch {
			case len(as.Lhs) == len(as.Rhs):
				origins[obj] = append(origins[obj], as.Rhs[i])
			case len(as.Rhs) == 1 && i == 0:
				origins[obj] = append(origins[obj], as.Rhs[0]) // v, err := f()
			}
		}
	})
	return origins
}
