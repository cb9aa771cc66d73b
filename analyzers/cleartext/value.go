package cleartext

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// maxDepth bounds how many definitions a value is followed through.
const maxDepth = 8

// A def is one place a variable or field gets its value.
type def struct {
	expr ast.Expr // the value, or nil when it is unknown (range, address taken)
	// index is the result of a multi-value call that is assigned, as in
	// u, err := url.Parse(s); 0 otherwise.
	index int
}

// defs indexes every assignment in the package to local variables,
// unexported package variables and struct fields, so that a value can
// be followed to its only definition.
type defs struct {
	info  *types.Info
	byVar map[*types.Var][]def
	// consts holds the declared value of each constant of the package.
	consts map[*types.Const]ast.Expr
	// fieldSets holds, for a variable whose fields are assigned one by one
	// (srv.Addr = ...), the definitions of each field so assigned: a
	// literal it holds is then not the whole story.
	fieldSets map[*types.Var]map[string][]def
}

func newDefs(info *types.Info, files []*ast.File) *defs {
	d := &defs{info: info, byVar: make(map[*types.Var][]def),
		consts: make(map[*types.Const]ast.Expr), fieldSets: make(map[*types.Var]map[string][]def)}
	for _, f := range files {
		ast.Inspect(f, d.visit)
	}
	return d
}

func (d *defs) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		d.assign(n)
	case *ast.ValueSpec:
		for i, name := range n.Names {
			if c, ok := d.info.Defs[name].(*types.Const); ok && i < len(n.Values) {
				d.consts[c] = n.Values[i]
				continue
			}
			switch {
			case len(n.Values) == len(n.Names):
				d.add(name, def{expr: n.Values[i]})
			case len(n.Values) == 1:
				d.add(name, def{expr: n.Values[0], index: i})
			}
		}
	case *ast.RangeStmt:
		d.add(n.Key, def{})
		d.add(n.Value, def{})
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			d.add(n.X, def{}) // may be written through the pointer
		}
	case *ast.IncDecStmt:
		d.add(n.X, def{})
	case *ast.CompositeLit:
		d.literal(n)
	}
	return true
}

func (d *defs) assign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		switch {
		case as.Tok != token.ASSIGN && as.Tok != token.DEFINE:
			d.add(lhs, def{}) // s += "/v1" and the like
		case len(as.Lhs) == len(as.Rhs):
			d.add(lhs, def{expr: as.Rhs[i]})
		case len(as.Rhs) == 1:
			d.add(lhs, def{expr: as.Rhs[0], index: i})
		}
	}
}

// literal records the fields a struct literal sets.
func (d *defs) literal(lit *ast.CompositeLit) {
	st, ok := typeOf(d.info, lit).Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := d.info.Uses[key].(*types.Var); ok {
					d.byVar[v] = append(d.byVar[v], def{expr: kv.Value})
				}
			}
		} else if i < st.NumFields() {
			d.byVar[st.Field(i)] = append(d.byVar[st.Field(i)], def{expr: elt})
		}
	}
}

// add records a definition of the variable or field that e names.
func (d *defs) add(e ast.Expr, df def) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := d.info.ObjectOf(e).(*types.Var); ok {
			d.byVar[v] = append(d.byVar[v], df)
		}
	case *ast.SelectorExpr:
		if sel := d.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			v := sel.Obj().(*types.Var)
			d.byVar[v] = append(d.byVar[v], df)
			if owner := d.varOf(ast.Unparen(e.X)); owner != nil {
				if d.fieldSets[owner] == nil {
					d.fieldSets[owner] = make(map[string][]def)
				}
				d.fieldSets[owner][v.Name()] = append(d.fieldSets[owner][v.Name()], df)
			}
		}
	}
}

// only returns the single definition of v, if v is a variable whose value
// is fixed within the package.
func (d *defs) only(v *types.Var) (def, bool) {
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && v.Exported() {
		return def{}, false // other packages may assign it
	}
	ds := d.byVar[v]
	if len(ds) != 1 || ds[0].expr == nil {
		return def{}, false
	}
	return ds[0], true
}

// origin follows e through variables and fields defined once to the
// expression that gives it its value. For the result of a multi-value
// call it returns the call and the result index.
func (d *defs) origin(e ast.Expr) (ast.Expr, int) {
	e = ast.Unparen(e)
	for range maxDepth {
		v := d.varOf(e)
		if v == nil {
			return e, 0
		}
		df, ok := d.only(v)
		if !ok {
			return e, 0
		}
		if df.index != 0 {
			return ast.Unparen(df.expr), df.index
		}
		e = ast.Unparen(df.expr)
	}
	return e, 0
}

// varOf returns the variable or field that e reads, or nil.
func (d *defs) varOf(e ast.Expr) *types.Var {
	switch e := e.(type) {
	case *ast.Ident:
		v, _ := d.info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel := d.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj().(*types.Var)
		}
		v, _ := d.info.Uses[e.Sel].(*types.Var) // pkg.Var
		return v
	}
	return nil
}

// A prefix is what is known of a string at compile time: its leading text.
type prefix struct {
	text  string
	whole bool          // text is the entire value
	lit   *ast.BasicLit // the literal the text starts with, when in this package
}

// leading returns the known leading text of the string or *url.URL e.
func (d *defs) leading(e ast.Expr, depth int) prefix {
	if depth > maxDepth {
		return prefix{}
	}
	if tv, ok := d.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return prefix{}
		}
		return prefix{text: constant.StringVal(tv.Value), whole: true, lit: d.literalOf(e, depth)}
	}
	e, index := d.origin(e)
	if index != 0 {
		return prefix{} // the error of url.Parse, say
	}
	if tv, ok := d.info.Types[e]; ok && tv.Value != nil {
		return d.leading(e, depth+1) // a variable holding a constant
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return prefix{}
		}
		x := d.leading(e.X, depth+1)
		if !x.whole {
			return x
		}
		y := d.leading(e.Y, depth+1)
		return prefix{text: x.text + y.text, whole: y.whole, lit: x.lit}
	case *ast.CallExpr:
		return d.callLeading(e, depth)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return d.leading(e.X, depth+1)
		}
	case *ast.CompositeLit:
		return d.urlLiteral(e, depth)
	}
	return prefix{}
}

// callLeading handles the calls that keep the start of a URL: parsing,
// formatting, joining and trimming its end.
func (d *defs) callLeading(call *ast.CallExpr, depth int) prefix {
	fn, ok := typeutil.Callee(d.info, call).(*types.Func)
	if !ok {
		return prefix{}
	}
	switch fn.FullName() {
	case "net/url.Parse", "net/url.ParseRequestURI":
		return d.leading(call.Args[0], depth+1)
	case "net/url.JoinPath", "strings.TrimSuffix", "strings.TrimRight":
		return hostKept(d.leading(call.Args[0], depth+1))
	case "(*net/url.URL).String", "(*net/url.URL).JoinPath", "(*net/url.URL).Redacted":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return prefix{}
		}
		return hostKept(d.leading(sel.X, depth+1))
	case "fmt.Sprintf":
		return d.sprintfLeading(call, depth)
	}
	return prefix{}
}

// hostKept marks a prefix as followed by more text after its host: the
// call changes the path or the end but keeps the host, which is complete
// when the prefix was the whole value.
func hostKept(p prefix) prefix {
	if p.whole {
		p.text += "/"
	}
	p.whole = false
	return p
}

// sprintfLeading returns the text of a format before its first verb, or
// the leading text of the first argument when the format starts with %s.
func (d *defs) sprintfLeading(call *ast.CallExpr, depth int) prefix {
	if len(call.Args) == 0 {
		return prefix{}
	}
	f := d.leading(call.Args[0], depth+1)
	if !f.whole {
		return prefix{}
	}
	format := f.text
	i := strings.IndexByte(format, '%')
	if i < 0 {
		return prefix{text: format, whole: len(call.Args) == 1, lit: f.lit}
	}
	if i > 0 {
		return prefix{text: format[:i], lit: f.lit}
	}
	if len(call.Args) < 2 || !(strings.HasPrefix(format, "%s") || strings.HasPrefix(format, "%v")) {
		return prefix{}
	}
	arg := d.leading(call.Args[1], depth+1)
	if !arg.whole {
		return arg
	}
	rest := format[2:]
	if j := strings.IndexByte(rest, '%'); j >= 0 {
		rest = rest[:j]
	}
	return prefix{text: arg.text + rest, lit: arg.lit}
}

// urlLiteral returns the start of a url.URL literal with a constant
// Scheme and Host.
func (d *defs) urlLiteral(lit *ast.CompositeLit, depth int) prefix {
	if !isNamed(typeOf(d.info, lit), "net/url", "URL") {
		return prefix{}
	}
	var scheme, host prefix
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return prefix{}
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
		case key.Name == "Scheme":
			scheme = d.leading(kv.Value, depth+1)
		case key.Name == "Host":
			host = d.leading(kv.Value, depth+1)
		}
	}
	if !scheme.whole || !host.whole || scheme.text == "" || host.text == "" {
		return prefix{}
	}
	return prefix{text: scheme.text + "://" + host.text + "/"}
}

// literalOf returns the string literal that the constant expression e
// starts with, following constants declared in this package; nil when
// the text does not start in a literal of this package.
func (d *defs) literalOf(e ast.Expr, depth int) *ast.BasicLit {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return e
		}
	case *ast.BinaryExpr:
		return d.literalOf(e.X, depth+1)
	case *ast.CallExpr:
		if len(e.Args) == 1 && d.info.Types[e.Fun].IsType() {
			return d.literalOf(e.Args[0], depth+1) // string("...") or a named string type
		}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if v, ok := d.info.Uses[id].(*types.Var); ok {
			if df, ok := d.only(v); ok && df.index == 0 {
				return d.literalOf(df.expr, depth+1)
			}
		}
		if c, ok := d.info.Uses[id].(*types.Const); ok {
			if val := d.consts[c]; val != nil {
				return d.literalOf(val, depth+1)
			}
		}
	}
	return nil
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// isNamed reports whether t, or what it points to, is the named type
// path.name.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == path && obj.Name() == name
}
