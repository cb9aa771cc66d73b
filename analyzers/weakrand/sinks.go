package weakrand

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/scaile/seclint/analyzers/internal/credname"
)

// sink reports l reaching a use, or, when l comes from parameters,
// records in the summary that they reach it.
func (f *flow) sink(l label, pos token.Pos, use string, crypto bool) {
	if l.weak() {
		f.c.found(f.fn, pos, l.src, use, crypto)
	}
	for m := l.params(); m != 0; m &= m - 1 {
		j := bits.TrailingZeros64(m) - 1
		if j < len(f.sum.sinks) && f.sum.sinks[j] == "" {
			f.sum.sinks[j] = use
		}
	}
}

// checkCall checks the arguments of crypto APIs, credential-named
// parameters, and credential header or query keys.
func (f *flow) checkCall(cc *ssa.CallCommon, fn *types.Func) {
	name := fn.FullName()
	short := shortName(fn)
	for _, a := range cryptoAPIs[name] {
		if a.index >= len(cc.Args) {
			continue
		}
		arg := cc.Args[a.index]
		l := f.get(arg)
		if a.reader && !l.weak() && f.isWeakReader(arg) {
			l = label{mask: weak, src: &source{name: "math/rand.Rand", pos: arg.Pos()}}
		}
		f.sink(l, cc.Pos(), "the "+a.what+" of "+short, true)
	}
	if keyedSetters[name] && len(cc.Args) == 3 {
		if k, ok := constString(cc.Args[1]); ok && isCredential(k) {
			f.sink(f.get(cc.Args[2]), cc.Pos(), "credential key "+strconv.Quote(k), false)
		}
	}
	f.checkParams(cc, fn)
}

// keyedSetters set a value under a key, as a map update does.
var keyedSetters = map[string]bool{
	"(net/http.Header).Set": true, "(net/http.Header).Add": true,
	"(net/url.Values).Set": true, "(net/url.Values).Add": true,
}

// checkParams reports weak data passed for a parameter whose name says
// it is a credential: SetPassword(password string).
func (f *flow) checkParams(cc *ssa.CallCommon, fn *types.Func) {
	if isWeakPkg(fn.Pkg().Path()) {
		return
	}
	sig := fn.Signature()
	offset := 0
	if sig.Recv() != nil && !cc.IsInvoke() {
		offset = 1
	}
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		if sig.Variadic() && i == params.Len()-1 {
			break // ...any: the name says nothing of each value
		}
		p := params.At(i)
		if !isCredential(p.Name()) || i+offset >= len(cc.Args) {
			continue
		}
		use := "credential parameter " + p.Name() + " of " + shortName(fn)
		f.sink(f.get(cc.Args[i+offset]), cc.Pos(), use, false)
	}
}

func (f *flow) checkStore(st *ssa.Store, l label) {
	pos := st.Pos()
	if !pos.IsValid() {
		pos = st.Val.Pos()
	}
	switch addr := st.Addr.(type) {
	case *ssa.FieldAddr:
		strct, name := fieldOf(addr)
		if name == "" {
			return
		}
		if readerFields[strct+"."+name] {
			if !l.weak() && f.isWeakReader(st.Val) {
				l = label{mask: weak, src: &source{name: "math/rand.Rand", pos: st.Val.Pos()}}
			}
			f.sink(l, pos, "the random source "+shortStruct(strct)+"."+name, true)
			return
		}
		if l.mask != 0 && isCredential(name) {
			f.sink(l, pos, "credential field "+shortStruct(strct)+"."+name, false)
			return
		}
		if l.mask != 0 && strct == "net/http.Cookie" && name == "Value" {
			if cookie, ok := cookieName(addr.X); ok {
				if k := credname.CookieNameKind(cookie); k == credname.CookieSession || k == credname.CookieCSRF {
					f.sink(l, pos, "the value of "+k.String()+" cookie "+strconv.Quote(cookie), false)
				}
			}
		}
	case *ssa.Global:
		if l.mask != 0 && isCredential(addr.Name()) {
			f.sink(l, pos, "credential variable "+addr.Name(), false)
		}
	}
}

// cookieName returns the constant Name that the http.Cookie at addr is
// given, as &http.Cookie{Name: "sid", Value: id} does.
func cookieName(addr ssa.Value) (string, bool) {
	for _, ref := range *addr.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if _, field := fieldOf(fa); field != "Name" {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				return constString(st.Val)
			}
		}
	}
	return "", false
}

// fieldOf names the struct type and the field a FieldAddr selects.
func fieldOf(fa *ssa.FieldAddr) (strct, field string) {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return "", ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return "", ""
	}
	strct = "struct"
	if n, ok := types.Unalias(p.Elem()).(*types.Named); ok {
		strct = n.Obj().Name()
		if n.Obj().Pkg() != nil {
			strct = n.Obj().Pkg().Path() + "." + strct
		}
	}
	return strct, st.Field(fa.Field).Name()
}

func (f *flow) checkMapUpdate(mu *ssa.MapUpdate, l label) {
	if l.mask == 0 {
		return
	}
	if k, ok := constString(mu.Key); ok && isCredential(k) {
		f.sink(l, mu.Pos(), "credential map key "+strconv.Quote(k), false)
	}
}

func constString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// checkReturn records the function's results and reports weak data
// returned by a function whose name says it makes a credential, or
// through a credential-named result.
func (f *flow) checkReturn(ret *ssa.Return) {
	results := f.fn.Signature.Results()
	maker := f.fn.Parent() == nil && isCredentialMaker(f.fn.Name())
	for i, r := range ret.Results {
		if i >= len(f.sum.results) {
			break
		}
		l := f.get(r)
		f.sum.results[i] = f.sum.results[i].join(l)
		if !isSecretType(r.Type()) {
			continue // an error, a bool, a count
		}
		switch name := results.At(i).Name(); {
		case maker:
			f.sink(l, ret.Pos(), "the result of "+f.fn.Name(), false)
		case name != "" && isCredential(name):
			f.sink(l, ret.Pos(), "credential result "+name+" of "+f.fn.Name(), false)
		}
	}
}

// isSecretType reports whether a value of type t can hold a secret:
// a string, an integer, bytes, or a struct or pointer that may hold one.
func isSecretType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	case *types.Interface:
		return !types.Identical(t, types.Universe.Lookup("error").Type())
	}
	return true
}

// checkLocals reports credential-named local variables that hold weak
// data: those whose address is taken (rand.Read(key[:])) through their
// allocation, the others through the expressions assigned to them.
func (f *flow) checkLocals() {
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			// Allocs of variables carry the variable's name; the others
			// say what they are for ("complit", "varargs").
			if a, ok := instr.(*ssa.Alloc); ok && isCredential(a.Comment) {
				f.sink(f.labels[a], a.Pos(), "credential variable "+a.Comment, false)
			}
		}
	}
	body := funcBody(f.fn)
	if body == nil {
		return
	}
	e := newExprs(f, body)
	for _, as := range e.assigns {
		if l := e.label(as.rhs, 0); l.mask != 0 {
			f.sink(l, as.id.Pos(), "credential variable "+as.id.Name, false)
		}
	}
}

func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}
