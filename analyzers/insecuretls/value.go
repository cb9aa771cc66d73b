package insecuretls

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// maxDepth bounds the walk back through SSA values.
const maxDepth = 32

// A value is what the analyzer knows about an SSA value. The zero value
// means unknown: computed at run time.
type value struct {
	c      constant.Value   // the same constant on every path
	params []*ssa.Parameter // one of these parameters, unchanged
	flag   string           // a flag of package flag that defaults to true
}

func (v value) isBool(b bool) bool {
	return v.c != nil && v.c.Kind() == constant.Bool && constant.BoolVal(v.c) == b
}

// walk is the state of one evaluation: the values already evaluated, so
// that each is visited once, and the depth of the current path.
type walk struct {
	done  map[ssa.Value]*value // nil while in progress: a cycle
	depth int
}

// eval follows v back to constants, parameters and flags.
func (c *checker) eval(v ssa.Value) value {
	return c.evalIn(v, &walk{done: make(map[ssa.Value]*value)})
}

func (c *checker) evalIn(v ssa.Value, w *walk) value {
	if r, ok := w.done[v]; ok {
		if r == nil {
			return value{} // a cycle through phis
		}
		return *r
	}
	if w.depth > maxDepth {
		return value{}
	}
	w.done[v] = nil
	w.depth++
	r := c.eval1(v, w)
	w.depth--
	w.done[v] = &r
	return r
}

func (c *checker) eval1(v ssa.Value, w *walk) value {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return value{} // nil or a zero aggregate
		}
		return value{c: v.Value}
	case *ssa.ChangeType:
		return c.evalIn(v.X, w)
	case *ssa.Convert:
		if x := c.evalIn(v.X, w); x.c != nil && x.c.Kind() == constant.Int {
			return value{c: x.c}
		}
	case *ssa.UnOp:
		switch v.Op {
		case token.NOT:
			if x := c.evalIn(v.X, w); x.c != nil && x.c.Kind() == constant.Bool {
				return value{c: constant.MakeBool(!constant.BoolVal(x.c))}
			}
		case token.MUL:
			return c.load(v.X, w)
		}
	case *ssa.Phi:
		return c.evalPhi(v, w)
	case *ssa.Call:
		return c.result(v, w)
	case *ssa.Parameter:
		return value{params: []*ssa.Parameter{v}}
	case *ssa.Field:
		if load, ok := v.X.(*ssa.UnOp); ok && load.Op == token.MUL {
			if alloc, ok := load.X.(*ssa.Alloc); ok {
				return c.allocField(alloc, v.Field, w)
			}
		}
	}
	return value{}
}

// result evaluates a call of a function of this package that returns
// the same constant on every path, such as
//
//	func legacyMinVersion() uint16 { return tls.VersionTLS10 }
func (c *checker) result(call *ssa.Call, w *walk) value {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg != c.pkg || fn.Signature.Results().Len() != 1 || len(fn.Blocks) == 0 {
		return value{}
	}
	var out value
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		x := c.evalIn(ret.Results[0], w)
		if x.c == nil || out.c != nil && !constant.Compare(out.c, token.EQL, x.c) {
			return value{} // computed, or two different constants
		}
		out.c = x.c
	}
	return out
}

// evalPhi is a constant when every edge is the same constant, and a set
// of parameters when every edge is a parameter. A mix of true and false
// is a choice made at run time, such as an opt-in option.
func (c *checker) evalPhi(phi *ssa.Phi, w *walk) value {
	var out value
	for i, e := range phi.Edges {
		if e == phi {
			continue // a loop that keeps the value
		}
		x := c.evalIn(e, w)
		switch {
		case x.c != nil && (i == 0 || out.c != nil) &&
			(out.c == nil || constant.Compare(out.c, token.EQL, x.c)):
			out.c = x.c
		case x.params != nil && out.c == nil && (i == 0 || out.params != nil):
			out.params = append(out.params, x.params...)
		default:
			return value{}
		}
	}
	return out
}

// load evaluates the value stored at addr, when one store decides it.
func (c *checker) load(addr ssa.Value, w *walk) value {
	switch a := addr.(type) {
	case *ssa.Alloc:
		if s := soleStore(a, a); s != nil {
			return c.evalIn(s.Val, w)
		}
		if name, def, ok := flagBound(a); ok && def {
			return value{flag: name}
		}
	case *ssa.FreeVar:
		if b := binding(a); b != nil {
			return c.load(b, w)
		}
	case *ssa.FieldAddr:
		if alloc, ok := a.X.(*ssa.Alloc); ok {
			return c.allocField(alloc, a.Field, w)
		}
	case *ssa.Global:
		return c.global(a, w)
	case *ssa.Call:
		if name, def, ok := boolFlagCall(a.Common(), false); ok && def {
			return value{flag: name}
		}
	case *ssa.UnOp:
		// *p where the package variable p = flag.Bool(...)
		if g, ok := a.X.(*ssa.Global); ok && a.Op == token.MUL {
			if s := c.initStore(g); s != nil {
				return c.load(s.Val, w)
			}
		}
	}
	return value{}
}

// initStore returns the store of g's initializer, when nothing else in
// the package sets g or takes its address.
func (c *checker) initStore(g *ssa.Global) *ssa.Store {
	use := c.globalUses()[g]
	if use == nil || use.escapes || len(use.stores) != 1 || use.stores[0].Parent() != c.pkg.Func("init") {
		return nil
	}
	return use.stores[0]
}

// soleStore returns the store that initializes alloc right after it is
// allocated, when no other instruction can change addr (alloc itself or
// one of its fields).
func soleStore(alloc *ssa.Alloc, addr ssa.Value) *ssa.Store {
	var store *ssa.Store
	for _, ref := range *addr.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != addr || store != nil || ref.Block() != alloc.Block() {
				return nil // stores the address, or a second or later store
			}
			store = ref
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			if !onlyLoaded(ref, addr) {
				return nil
			}
		default:
			return nil // the address escapes
		}
	}
	return store
}

// flagBound returns the flag that a local variable is bound to, as in
//
//	var skip bool
//	flag.BoolVar(&skip, "skip-verify", true, "...")
//
// when that binding is the only thing that sets it: every other use of
// its address reads it.
func flagBound(alloc *ssa.Alloc) (name string, def, ok bool) {
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return "", false, false
			}
		case *ssa.DebugRef:
		case ssa.CallInstruction:
			common := ref.Common()
			n, d, isFlag := boolFlagCall(common, true)
			uses := 0
			for _, arg := range common.Args {
				if arg == alloc {
					uses++
				}
			}
			if !isFlag || ok || varArg(common) != alloc || uses != 1 {
				return "", false, false // bound twice, or passed elsewhere
			}
			name, def, ok = n, d, true
		default:
			return "", false, false
		}
	}
	return name, def, ok
}

// hasStore reports whether some instruction stores to addr.
func hasStore(addr ssa.Value) bool {
	for _, ref := range *addr.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == addr {
			return true
		}
	}
	return false
}

// onlyLoaded reports whether the closure made by mc only reads the
// variables bound to addr.
func onlyLoaded(mc *ssa.MakeClosure, addr ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != addr {
			continue
		}
		for _, ref := range *fn.FreeVars[i].Referrers() {
			if u, ok := ref.(*ssa.UnOp); !ok || u.Op != token.MUL {
				return false
			}
		}
	}
	return true
}

// binding returns the value that the closures of fv's function bind to
// fv, when they all bind the same one.
func binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	refs := fn.Referrers()
	if refs == nil {
		return nil
	}
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	var out ssa.Value
	for _, ref := range *refs {
		mc, ok := ref.(*ssa.MakeClosure)
		if !ok || idx < 0 || (out != nil && out != mc.Bindings[idx]) {
			return nil
		}
		out = mc.Bindings[idx]
	}
	return out
}

// allocField evaluates field i of the local struct alloc, such as
// opts.Insecure after opts := options{Insecure: true}, when the struct
// never leaves the function and the field is set once where it is made.
func (c *checker) allocField(alloc *ssa.Alloc, i int, w *walk) value {
	var faddr *ssa.FieldAddr
	var whole *ssa.Store // opts = options{...}, copied from a literal
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if ref.Field == i {
				if faddr != nil {
					return value{} // set in two places
				}
				faddr = ref
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return value{}
			}
		case *ssa.Store:
			if ref.Addr != alloc || whole != nil || ref.Block() != alloc.Block() {
				return value{} // the address is stored, or the struct set twice
			}
			whole = ref
		default:
			return value{} // the struct escapes
		}
	}

	switch {
	case whole != nil && faddr != nil && hasStore(faddr):
		return value{} // copied, then the field changed
	case whole != nil:
		if load, ok := whole.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
			if src, ok := load.X.(*ssa.Alloc); ok {
				return c.allocField(src, i, w)
			}
		}
		return value{}
	case faddr == nil:
		return zero(ptrElem(alloc.Type()), i)
	}
	if s := soleStore(alloc, faddr); s != nil {
		return c.evalIn(s.Val, w)
	}
	return value{}
}

// zero is the zero value of field i of the struct t, if it is a boolean.
func zero(t types.Type, i int) value {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return value{}
	}
	if b, ok := st.Field(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return value{c: constant.MakeBool(false)}
	}
	return value{}
}

// A globalUse is how the package uses one of its variables.
type globalUse struct {
	stores  []*ssa.Store
	escapes bool   // its address is used otherwise
	flag    string // the name of the flag.BoolVar flag bound to it
	flagDef bool   // the flag's default
}

// global evaluates an unexported package variable that is set once by
// its initializer, or bound to a flag.
func (c *checker) global(g *ssa.Global, w *walk) value {
	if g.Object() == nil || g.Object().Exported() {
		return value{} // other packages may set it
	}
	use := c.globalUses()[g]
	switch {
	case use == nil:
		return value{}
	case use.flag != "" && !use.escapes && len(use.stores) == 0:
		if use.flagDef {
			return value{flag: use.flag}
		}
	case c.initStore(g) != nil:
		return c.evalIn(use.stores[0].Val, w)
	}
	return value{}
}

// globalUses scans the package once for the uses of its variables.
func (c *checker) globalUses() map[*ssa.Global]*globalUse {
	if c.globals != nil {
		return c.globals
	}
	c.globals = make(map[*ssa.Global]*globalUse)
	var ops []*ssa.Value
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if g, ok := (*op).(*ssa.Global); ok && g.Package() == c.pkg {
						c.useGlobal(g, instr)
					}
				}
			}
		}
	}
	return c.globals
}

// useGlobal records that instr uses g.
func (c *checker) useGlobal(g *ssa.Global, instr ssa.Instruction) {
	use := c.globals[g]
	if use == nil {
		use = new(globalUse)
		c.globals[g] = use
	}
	switch instr := instr.(type) {
	case *ssa.Store:
		if instr.Addr == g && instr.Val != g {
			use.stores = append(use.stores, instr)
			return
		}
	case *ssa.UnOp:
		if instr.Op == token.MUL {
			return // a read
		}
	case *ssa.Call:
		common := instr.Common()
		name, def, ok := boolFlagCall(common, true)
		if ok && use.flag == "" && varArg(common) == g {
			use.flag, use.flagDef = name, def
			return
		}
	}
	use.escapes = true
}

// boolFlags lists the functions of package flag that define a boolean
// flag: the index of the name argument, and whether a variable is bound.
var boolFlags = map[string]struct {
	nameArg int
	bindVar bool
}{
	"flag.Bool":               {0, false},
	"(*flag.FlagSet).Bool":    {1, false},
	"flag.BoolVar":            {1, true},
	"(*flag.FlagSet).BoolVar": {2, true},
}

// boolFlagCall recognizes flag.Bool and FlagSet.Bool calls, or with
// bindVar the BoolVar ones, and returns the flag's name and default.
func boolFlagCall(common *ssa.CallCommon, bindVar bool) (string, bool, bool) {
	kind, ok := boolFlags[staticName(common)]
	if !ok || kind.bindVar != bindVar || kind.nameArg+1 >= len(common.Args) {
		return "", false, false
	}
	name, ok1 := common.Args[kind.nameArg].(*ssa.Const)
	def, ok2 := common.Args[kind.nameArg+1].(*ssa.Const)
	if !ok1 || !ok2 || name.Value == nil || def.Value == nil ||
		name.Value.Kind() != constant.String || def.Value.Kind() != constant.Bool {
		return "", false, false // computed name or default
	}
	return constant.StringVal(name.Value), constant.BoolVal(def.Value), true
}

// varArg returns the variable that a BoolVar call binds: the argument
// before the name.
func varArg(common *ssa.CallCommon) ssa.Value {
	return common.Args[boolFlags[staticName(common)].nameArg-1]
}

// staticName returns the full name of the function that common calls
// statically, or "".
func staticName(common *ssa.CallCommon) string {
	fn, ok := common.Value.(*ssa.Function)
	if !ok {
		return ""
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.FullName()
	}
	return ""
}

// A suite is one cipher suite ID found in a CipherSuites list.
type suite struct {
	id  uint16
	pos token.Pos
}

// suiteElems returns the constant elements of the slice v, built by a
// slice literal, held in a package variable or chosen by a phi. Seen
// holds the values already visited.
func (c *checker) suiteElems(v ssa.Value, pos token.Pos, seen map[ssa.Value]bool) []suite {
	if seen[v] {
		return nil
	}
	seen[v] = true
	var out []suite
	switch v := v.(type) {
	case *ssa.ChangeType:
		return c.suiteElems(v.X, pos, seen)
	case *ssa.Phi:
		for _, e := range v.Edges {
			out = append(out, c.suiteElems(e, pos, seen)...)
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && g.Package() == c.pkg {
			if use := c.globalUses()[g]; use != nil {
				for _, s := range use.stores {
					out = append(out, c.suiteElems(s.Val, s.Pos(), seen)...)
				}
			}
		}
	case *ssa.Slice:
		alloc, ok := v.X.(*ssa.Alloc)
		if !ok {
			return nil
		}
		for _, ref := range *alloc.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, r := range *ia.Referrers() {
				if s, ok := r.(*ssa.Store); ok && s.Addr == ia {
					out = append(out, c.suiteOf(s, pos)...)
				}
			}
		}
	}
	return out
}

func (c *checker) suiteOf(s *ssa.Store, pos token.Pos) []suite {
	v := c.eval(s.Val)
	if v.c == nil || v.c.Kind() != constant.Int {
		return nil
	}
	id, ok := constant.Uint64Val(v.c)
	if !ok || id > 0xffff {
		return nil
	}
	if s.Pos().IsValid() {
		pos = s.Pos()
	}
	return []suite{{uint16(id), pos}}
}
